import FeeDeskCore
import FeeDeskStore
import Foundation

extension FeeDesk {
    /// Reconciles `account` (the first collection account when nil) on `date`.
    public func reconcile(date: LocalDate, account: String? = nil) throws -> DayReconciliation {
        let accountID = try resolveAccount(account)
        return try database.read { connection in try reconcile(accountID, date, connection: connection) }
    }

    /// Closes the day: refused, with the list of blockers, unless the day reconciles cleanly or `force`
    /// is given with a reason. A closed day is immutable.
    public func closeDay(date: LocalDate, account: String? = nil, force: Bool = false, reason: String? = nil,
                         by actor: String) throws -> DayReconciliation {
        let accountID = try resolveAccount(account)
        let forcedReason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if force && (forcedReason ?? "").isEmpty { throw CoreError(.invalid, "closing a day with --force needs a reason") }
        return try database.write { connection in
            let days = DayRepository(connection)
            if let closed = try days.closed(account: accountID, date: date) {
                throw CoreError(.conflict, "day \(date) of account \(accountID) was already closed by \(closed.closedBy) at \(closed.closedAt)")
            }
            let before = try reconcile(accountID, date, connection: connection)
            guard before.blockers.isEmpty || force else {
                throw CoreError(.conflict, "day \(date) of account \(accountID) cannot be closed: \(before.blockers.joined(separator: "; "))")
            }
            let summary = try JSONEncoder.canonical.encode(before)
            let stamp = nowStamp()
            try days.close(account: accountID, date: date, at: stamp, by: actor, forcedReason: force ? forcedReason : nil,
                           summary: String(decoding: summary, as: UTF8.self))
            var details = ["date": date.description, "creditTotal": String(before.creditTotal.dong), "blockers": String(before.blockers.count)]
            if force, let forcedReason { details["forcedReason"] = forcedReason }
            try AuditJournal.append(connection, at: stamp, actor: actor, action: "day.close", entity: "day", entityID: "\(accountID)/\(date)",
                                    details: details)
            return try reconcile(accountID, date, connection: connection)
        }
    }

    func resolveAccount(_ id: String?) throws -> String {
        guard let id else {
            guard let first = config.accounts.first else { throw AppError.input("no collection account is configured") }
            return first.id
        }
        guard config.account(id: id) != nil else { throw CoreError(.notFound, "account '\(id)' is not a configured collection account") }
        return id
    }

    func reconcile(_ account: String, _ date: LocalDate, connection: SQLiteConnection) throws -> DayReconciliation {
        let days = DayRepository(connection)
        let closed = try days.closed(account: account, date: date)
        let waiting = try ReviewRepository(connection).queue(date: date, account: account)
        // The day's statement lines, credits and debits, in one pass: the debits, the day's movement and
        // the check of the statement's credits against the credits they recorded all come from it.
        let lines = try days.lineTotals(account: account, date: date)
        let debits = (count: lines.debits.count, amount: lines.debits.amount)
        var exceptions: [DayReconciliation.Exception] = []
        var blockers: [String] = []
        var opening: Money?, closing: Money?
        var balanceOk = false
        if let coverage = try days.coverage(account: account, date: date) {
            if let statementOpening = coverage.opening {
                let start = statementOpening + (date > coverage.firstDate ? try days.movement(account: account, from: coverage.firstDate, until: date) : .zero)
                opening = start
                closing = start + lines.credits.amount - lines.debits.amount
            }
            balanceOk = coverage.balance == "balanced" && (date != coverage.lastDate || coverage.closing == nil || coverage.closing == closing)
            if !balanceOk {
                let message = coverage.balance == "unchecked" ? "the statement covering \(date) has no balances to check"
                    : "the statement covering \(date) does not balance"
                exceptions.append(.init(kind: "balance", credit: nil, amount: nil, message: message))
                blockers.append(message)
            }
        } else {
            let message = "no imported statement of account \(account) covers \(date)"
            exceptions.append(.init(kind: "statement_missing", credit: nil, amount: nil, message: message + "; import it first"))
            blockers.append(message)
        }
        var outcomes = Dictionary(uniqueKeysWithValues: CreditOutcome.allCases.map { ($0.rawValue, OutcomeTotal()) })
        for row in try days.outcomeTotals(account: account, date: date) {
            outcomes[row.outcome] = OutcomeTotal(count: row.count, amount: row.amount)
        }
        let unresolved = waiting.compactMap(FeeDesk.exception(for:))
        exceptions += unresolved
        if !unresolved.isEmpty { blockers.append("\(unresolved.count) credit(s) of \(date) still need review") }
        let conflicts = try CreditLinkRepository(connection).conflicts(account: account, date: date)
        exceptions += conflicts.map(FeeDesk.exception(for:))
        if !conflicts.isEmpty {
            blockers.append("\(conflicts.count) callback(s) of \(date) disagree with the statement line of the same transfer")
        }
        let disagreements = waiting.contains { $0.source == .callback } ? try days.amountDisagreements(account: account, date: date) : []
        for disagreement in disagreements {
            exceptions.append(.init(kind: "amount_disagreement", credit: disagreement.callbackCredit, amount: disagreement.callbackAmount,
                                    message: "credit #\(disagreement.callbackCredit) was reported by a callback as \(disagreement.callbackAmount.formatted)"
                                        + " for bank reference \(disagreement.bankReference), but the statement line (credit #\(disagreement.statementCredit))"
                                        + " says \(disagreement.statementAmount.formatted): check with the bank, then ignore the callback's credit",
                                    statementCredit: disagreement.statementCredit, statementAmount: disagreement.statementAmount,
                                    bankReference: disagreement.bankReference))
        }
        var debitOutcomes = Dictionary(uniqueKeysWithValues: ["refund", "remittance", "bank_fee", "unexplained"].map { ($0, OutcomeTotal()) })
        for row in try MoneyOutRepository(connection).debitOutcomes(account: account, date: date) {
            debitOutcomes[row.outcome] = OutcomeTotal(count: row.count, amount: row.amount)
        }
        if let unexplained = debitOutcomes["unexplained"], unexplained.count > 0 {
            let message = "\(unexplained.count) debit(s) of \(date) (\(unexplained.amount.formatted)) are not explained: record the refund or remittance they pay"
            exceptions.append(.init(kind: "unexplained_debit", credit: nil, amount: unexplained.amount, message: message))
            blockers.append(message)
        }
        let recorded = try days.creditsRecorded(account: account, date: date)
        if lines.credits.amount != recorded {
            blockers.append("the statement's credits (\(lines.credits.amount.formatted)) differ from the credits they recorded (\(recorded.formatted))")
        }
        let count = outcomes.values.map(\.count).reduce(0, +)
        let total = outcomes.values.map(\.amount).sum()
        return DayReconciliation(account: account, date: date, closed: closed != nil, closedBy: closed?.closedBy, opening: opening, closing: closing,
                                 balanceOk: balanceOk, creditCount: count, creditTotal: total, debitCount: debits.count,
                                 debitTotal: debits.amount, statementCreditCount: lines.credits.count, statementCreditTotal: lines.credits.amount,
                                 outcomes: outcomes, debitOutcomes: debitOutcomes, exceptions: exceptions, blockers: blockers)
    }

    /// The exception a credit raises, if it still needs an accountant.
    static func exception(for credit: CreditRecord) -> DayReconciliation.Exception? {
        if credit.outcome == .unmatched {
            return .init(kind: "unmatched", credit: credit.id, amount: credit.amount,
                         message: "credit #\(credit.id) (\(credit.amount.formatted)) matches no dossier: assign it, refund it or ignore it")
        }
        if credit.owedBack.isPositive && !credit.refundConfirmed {
            return .init(kind: "refund_due", credit: credit.id, amount: credit.owedBack,
                         message: "credit #\(credit.id) owes \(credit.owedBack.formatted) back (\(credit.outcome.rawValue)): confirm the refund")
        }
        if credit.source == .callback && credit.outcome != .ignored {
            return .init(kind: "unconfirmed_callback", credit: credit.id, amount: credit.amount,
                         message: "credit #\(credit.id) was reported by a callback but no statement line confirms it: check with the bank, or ignore it")
        }
        return nil
    }
}

extension FeeDesk {
    /// The exception a callback that disagrees with its statement line raises.
    static func exception(for conflict: CreditConflict) -> DayReconciliation.Exception {
        var differences: [String] = []
        if conflict.callbackAmount != conflict.statementAmount {
            differences.append("reported \(conflict.callbackAmount.formatted) but the statement shows \(conflict.statementAmount.formatted)")
        }
        if conflict.callbackAccount != conflict.accountID {
            differences.append("was for account \(conflict.callbackAccount) but the statement line is on account \(conflict.accountID)")
        }
        return .init(kind: "callback_mismatch", credit: conflict.creditID, amount: conflict.statementAmount,
                     message: "credit #\(conflict.creditID): the callback \(conflict.providerReference) \(differences.joined(separator: " and ")); "
                         + "the statement's figures are counted: check the callback with the partner, then close the day with a reason",
                     statementCredit: conflict.creditID, statementAmount: conflict.statementAmount, bankReference: conflict.providerReference)
    }
}

extension JSONEncoder {
    /// Sorted keys, ISO dates: stored JSON that reads the same every time.
    static var canonical: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
