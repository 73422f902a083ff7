/// Field-level parsing of MT940 tags: balances, accounts, dates.
enum MT940Fields {
    /// `:25:` without a leading `BIC/` and without a trailing ` CCY`.
    static func account(_ text: String?) -> String? {
        guard var value = text?.trimmingSpaces, !value.isEmpty else { return nil }
        if let slash = value.firstIndex(of: "/") {
            let prefix = value[..<slash]
            if (prefix.count == 8 || prefix.count == 11), prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                value = String(value[value.index(after: slash)...])
            }
        }
        let parts = value.split(separator: " ")
        if parts.count == 2, Currency.isWellFormed(String(parts[1])) { value = String(parts[0]) }
        return value.isEmpty ? nil : value
    }

    /// Parses `YYMMDD` at `start`.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, end: Int) -> StatementDate? {
        guard start + 6 <= end, let yy = ByteText.digits(bytes, start, 2), let month = ByteText.digits(bytes, start + 2, 2),
              let day = ByteText.digits(bytes, start + 4, 2) else { return nil }
        return StatementDate(year: yy < 80 ? 2000 + yy : 1900 + yy, month: month, day: day)
    }

    /// `:60F:`-style balance: `C` or `D`, `YYMMDD`, currency, amount with decimal comma.
    static func balance(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, what: String, intermediate: Bool,
        file: String, location: SourceLocation
    ) throws -> Balance {
        let text = ByteText.quoted(bytes, range)
        let start = range.lowerBound, end = range.upperBound
        guard end - start >= 11 else {
            throw StatementError(.truncated, file: file, at: location,
                                 "\(what) '\(text)' is cut off (expected C or D, YYMMDD, currency and amount)")
        }
        let mark = bytes[start]
        guard mark == UInt8(ascii: "C") || mark == UInt8(ascii: "D") else {
            throw StatementError(.syntax, file: file, at: location, "\(what) '\(text)' does not start with C or D")
        }
        guard let date = date(bytes, start + 1, end: end) else {
            throw StatementError(.date, file: file, at: location,
                                 "\(what) date \(ByteText.string(bytes, (start + 1)..<(start + 7))) is not a valid date")
        }
        let currency = ByteText.string(bytes, (start + 7)..<(start + 10))
        guard let code = StaticCode(currency) else {
            throw StatementError(.syntax, file: file, at: location, "\(what) currency '\(currency)' is not an ISO 4217 code")
        }
        let amountRange = (start + 10)..<end
        switch AmountParser.parse(bytes, amountRange, style: .swift, currency: code) {
        case .success(let value):
            guard bytes[start + 10] != UInt8(ascii: "-"), bytes[start + 10] != UInt8(ascii: "+") else {
                throw StatementError(.amount, file: file, at: location, "\(what) amount '\(ByteText.quoted(bytes, amountRange))' must not carry a sign (use C or D)")
            }
            return Balance(amount: mark == UInt8(ascii: "D") ? -value : value, currency: currency, date: date,
                           isIntermediate: intermediate)
        case .failure(let problem):
            let amountText = ByteText.quoted(bytes, amountRange)
            throw StatementError(.amount, file: file, at: location,
                                 AmountParser.message(for: problem, text: amountText, currency: currency, what: "\(what) amount"))
        }
    }

    /// Chooses the year of an `MMDD` entry date closest to the value date (handles Dec/Jan wrap).
    static func entryDate(month: Int, day: Int, near valueDate: StatementDate) -> StatementDate? {
        var best: StatementDate?
        var bestDistance = Int.max
        for year in [valueDate.year - 1, valueDate.year, valueDate.year + 1] {
            guard let candidate = StatementDate(year: year, month: month, day: day) else { continue }
            let distance = abs(candidate.daysSinceEpoch - valueDate.daysSinceEpoch)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

extension MT940Parser {
    /// Parses the `:61:` in `tagLines`: value date, optional entry date, mark, funds code, amount,
    /// transaction type, customer reference, `//` bank reference, and supplementary details.
    func parseStatementLine(at line: Int, currency: StaticCode) throws -> Pending {
        let location = SourceLocation.line(line)
        let range = tagLines[0]
        let end = range.upperBound
        var index = range.lowerBound
        var text: String { ByteText.quoted(bytes, range) }
        func fail(_ kind: StatementError.Kind, _ reason: String) -> StatementError {
            StatementError(kind, file: fileName, at: location, reason)
        }
        guard end - index >= 6 else { throw fail(.truncated, ":61: '\(text)' is cut off before the debit/credit mark") }
        guard let valueDate = MT940Fields.date(bytes, index, end: end) else {
            throw fail(.date, ":61: value date \(ByteText.string(bytes, index..<(index + 6))) is not a valid date")
        }
        index += 6
        var bookingDate = valueDate
        if let month = ByteText.digits(bytes, index, 2), let day = ByteText.digits(bytes, index + 2, 2), index + 4 <= end {
            guard let entry = MT940Fields.entryDate(month: month, day: day, near: valueDate) else {
                throw fail(.date, ":61: entry date \(ByteText.string(bytes, index..<(index + 4))) is not a valid date")
            }
            bookingDate = entry
            index += 4
        }
        guard index < end else { throw fail(.truncated, ":61: '\(text)' is cut off before the debit/credit mark") }
        var reversal = false
        var direction: Direction
        switch bytes[index] {
        case UInt8(ascii: "R"):
            guard index + 1 < end, bytes[index + 1] == UInt8(ascii: "C") || bytes[index + 1] == UInt8(ascii: "D") else {
                throw fail(.syntax, ":61: '\(text)' has an invalid debit/credit mark (expected C, D, RC or RD)")
            }
            reversal = true
            // RC reverses a credit: money goes out. RD reverses a debit: money comes back in.
            direction = bytes[index + 1] == UInt8(ascii: "C") ? .debit : .credit
            index += 2
        case UInt8(ascii: "C"): direction = .credit; index += 1
        case UInt8(ascii: "D"): direction = .debit; index += 1
        default:
            throw fail(.syntax, ":61: '\(text)' has an invalid debit/credit mark (expected C, D, RC or RD)")
        }
        // Optional funds code: the third letter of a currency code (so `CR` is C + funds code R).
        if index < end, ByteText.isLetter(bytes[index]) { index += 1 }
        let amountStart = index
        var amountEnd = index
        while amountEnd < end, ByteText.isDigit(bytes[amountEnd]) || bytes[amountEnd] == UInt8(ascii: ",") { amountEnd += 1 }
        let typeStart = amountEnd
        guard typeStart < end, typeStart + 4 <= end, isTypeIdentifier(bytes[typeStart]), amountEnd > amountStart else {
            // Show the text up to the transaction type (or the end) so letters in the amount are named.
            var shownEnd = amountEnd
            while shownEnd < end, !isTypeIdentifier(bytes[shownEnd]) { shownEnd += 1 }
            let shown = amountStart..<shownEnd
            if shown.isEmpty { throw fail(.truncated, ":61: '\(text)' is cut off before the amount") }
            if case .failure(let problem) = AmountParser.parse(bytes, shown, style: .swift, currency: currency) {
                if problem == .misplacedSeparator, ByteText.string(bytes, shown).contains(".") {
                    throw fail(.amount, ":61: amount '\(ByteText.quoted(bytes, shown))' is not an MT940 amount (use a decimal comma)")
                }
                throw fail(.amount, ":61: " + AmountParser.message(for: problem, text: ByteText.quoted(bytes, shown), currency: currency.code))
            }
            throw fail(.truncated, ":61: '\(text)' is cut off after the amount (no transaction type such as NTRF)")
        }
        let amountRange = amountStart..<amountEnd
        var amountText: String { ByteText.quoted(bytes, amountRange) }
        let amount: Int64
        switch AmountParser.parse(bytes, amountRange, style: .swift, currency: currency) {
        case .success(let value):
            amount = value
        case .failure(let problem):
            throw fail(.amount, ":61: " + AmountParser.message(for: problem, text: amountText, currency: currency.code))
        }
        let transactionCode = ByteText.string(bytes, typeStart..<(typeStart + 4)).trimmingSpaces
        index = typeStart + 4
        var referenceEnd = end
        var bankReference: String?
        var scan = index
        while scan + 1 < end {
            if bytes[scan] == UInt8(ascii: "/"), bytes[scan + 1] == UInt8(ascii: "/") {
                referenceEnd = scan
                bankReference = ByteText.optionalString(bytes, (scan + 2)..<end)
                break
            }
            scan += 1
        }
        var customerReference = ByteText.optionalString(bytes, index..<referenceEnd)
        if customerReference == "NONREF" { customerReference = nil }
        var supplementary: String?
        if tagLines.count > 1 {
            supplementary = MT940Details.join(bytes, tagLines[1...]).trimmingSpaces
            if supplementary?.isEmpty == true { supplementary = nil }
        }
        let statementLine = StatementLine(
            bookingDate: bookingDate, valueDate: valueDate, amount: amount, currency: currency.code,
            direction: direction, reversal: reversal, bankReference: bankReference,
            customerReference: customerReference, transactionCode: transactionCode,
            memo: supplementary ?? "", raw: "", location: location)
        return Pending(line: statementLine)
    }

    /// `N`, `F` or `S`: the first character of the transaction type (`NTRF`, `FMSC`, `S103`).
    /// The three characters after it are taken as they are (ING writes `NOV ` with a space).
    private func isTypeIdentifier(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "N") || byte == UInt8(ascii: "F") || byte == UInt8(ascii: "S")
    }
}
