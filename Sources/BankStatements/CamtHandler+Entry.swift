extension CamtHandler {
    /// Turns a finished `Ntry` into one line, or one line per `TxDtls` when a batch gives every
    /// transaction amount (their signed sum must equal the entry). Non-`BOOK` entries are skipped.
    func finishEntry(_ item: CamtEntry) throws {
        let line = item.line, path = item.path
        guard let status = item.status else {
            throw StatementError(.syntax, file: fileName, at: .xml(path: path, line: line), "entry has no status (Sts)")
        }
        guard status == "BOOK" else {
            statement?.skipped += 1
            return
        }
        let (entryAmount, currency) = try amount(item.amountText, currency: item.currency, what: "entry", line: line, path: path)
        let direction = try direction(item.creditDebit, what: "entry", line: line, path: path)
        guard let (bookingDate, bookingTime) = try dateTime(item.bookingDate, what: "booking date", line: line, path: path) else {
            throw StatementError(.syntax, file: fileName, at: .xml(path: path, line: line), "booked entry has no booking date (BookgDt)")
        }
        let valueDate = try dateTime(item.valueDate, what: "value date", line: line, path: path)?.0 ?? bookingDate
        try sendHeaderIfNeeded(firstEntryCurrency: currency)
        let code = item.bankCode ?? (item.domainCodes.isEmpty ? nil : item.domainCodes.joined(separator: "/"))
        var base = StatementLine(
            bookingDate: bookingDate, valueDate: valueDate, bookingTime: bookingTime, amount: entryAmount,
            currency: currency, direction: direction, reversal: item.reversal,
            bankReference: item.servicerReference ?? item.entryReference, transactionCode: code,
            memo: "", raw: item.raw, location: .xml(path: path, line: line))

        let split = try splitAmounts(item, currency: currency, entryAmount: entryAmount, direction: direction)
        if let split {
            for (transaction, (value, transactionDirection)) in zip(item.transactions, split) {
                var copy = base
                copy.amount = value
                copy.direction = transactionDirection
                copy.location = .xml(path: transaction.path, line: line)
                apply([transaction], entry: item, to: &copy)
                if let reference = transaction.servicerReference { copy.bankReference = reference }
                try deliver(copy)
            }
        } else {
            apply(item.transactions, entry: item, to: &base)
            try deliver(base)
        }
    }

    /// Amounts per transaction when all are given in the entry's currency, checked against the entry.
    private func splitAmounts(
        _ item: CamtEntry, currency: String, entryAmount: Int64, direction: Direction
    ) throws -> [(Int64, Direction)]? {
        guard item.transactions.count > 1,
              item.transactions.allSatisfy({ $0.amountText != nil && ($0.currency ?? currency) == currency }) else { return nil }
        var parts: [(Int64, Direction)] = []
        var net: Int64 = 0
        for transaction in item.transactions {
            let (value, _) = try amount(transaction.amountText, currency: transaction.currency ?? currency,
                                        what: "transaction", line: item.line, path: transaction.path)
            let own = transaction.creditDebit == nil ? direction
                : try self.direction(transaction.creditDebit, what: "transaction", line: item.line, path: transaction.path)
            parts.append((value, own))
            net += own == .credit ? value : -value
        }
        let expected = direction == .credit ? entryAmount : -entryAmount
        guard net == expected else {
            let money = { (value: Int64) in Currency.format(minorUnits: value, currency: currency) }
            throw StatementError(.amount, file: fileName, at: .xml(path: item.path, line: item.line),
                                 "the \(parts.count) transaction amounts add up to \(money(net)), not the entry amount \(money(expected))")
        }
        return parts
    }

    /// Memo, references and counterparty from the transactions (all of them for an unsplit entry).
    private func apply(_ transactions: [CamtTransaction], entry: CamtEntry, to line: inout StatementLine) {
        var texts = transactions.flatMap(\.unstructured).filter { !$0.isEmpty }
        for reference in transactions.compactMap(\.creditorReference) where !texts.contains(where: { $0.contains(reference) }) {
            texts.append(reference)
        }
        if texts.isEmpty { texts = transactions.compactMap(\.additionalInfo) }
        if texts.isEmpty, let info = entry.additionalInfo { texts = [info] }
        line.memo = texts.joined(separator: " ").precomposedNFC
        guard let first = transactions.first else { return }
        if let id = first.endToEndId, id != "NOTPROVIDED", !id.isEmpty { line.endToEndReference = id }
        // The counterparty is the debtor when the original movement was a credit.
        let originalWasCredit = (line.direction == .credit) != line.reversal
        let name = originalWasCredit ? first.debtorName ?? first.creditorName : first.creditorName ?? first.debtorName
        let account = originalWasCredit ? first.debtorAccount ?? first.creditorAccount : first.creditorAccount ?? first.debtorAccount
        line.counterpartyName = name?.precomposedNFC
        line.counterpartyAccount = account
    }

    private func deliver(_ line: StatementLine) throws {
        guard statement?.totals.add(line) == true else {
            throw StatementError(.overflow, file: fileName, at: line.location, "the statement totals overflow 64 bits")
        }
        summary.lines += 1
        try visitor.visit(line)
    }
}
