/// Why an amount text was refused; turned into a message by ``AmountParser/message(for:text:currency:)``.
enum AmountProblem: Equatable {
    case empty
    case notANumber(Character)
    case misplacedSeparator
    case ambiguous
    case fraction(digits: Int)
    case tooLarge
}

/// The outcome of parsing an amount (not a Swift `Result`: the problem is not an `Error`, it
/// becomes part of a ``StatementError`` message).
enum AmountOutcome: Equatable {
    case success(Int64)
    case failure(AmountProblem)
}

/// Parses amount text into signed integer minor units, strictly: never guesses.
enum AmountParser {
    /// Parses `bytes[range]` as an amount of `currency`. Accepts a leading `+`/`-`, surrounding spaces, and a trailing
    /// currency code or `₫`/`đ` sign. Digits beyond the currency's exponent must be zero and at most
    /// two (`1.000,00 ₫` is accepted, `1,000` in plain style is refused for VND).
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, style: AmountStyle, currency: StaticCode
    ) -> AmountOutcome {
        let exponent = currency.exponent
        var span = ByteText.trimmed(bytes, range)
        span = strippingCurrencySuffix(bytes, span, currency: currency)
        guard !span.isEmpty else { return .failure(.empty) }
        var negative = false
        var start = span.lowerBound
        if bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "+") {
            negative = bytes[start] == UInt8(ascii: "-")
            start += 1
            while start < span.upperBound, ByteText.isBlank(bytes[start]) { start += 1 }
        }
        let body = start..<span.upperBound
        guard !body.isEmpty else { return .failure(.empty) }
        for index in body {
            let byte = bytes[index]
            if !ByteText.isDigit(byte), byte != UInt8(ascii: "."), byte != UInt8(ascii: ",") {
                let scalarText = ByteText.string(bytes, index..<min(index + 4, body.upperBound))
                return .failure(.notANumber(scalarText.first ?? "?"))
            }
        }
        guard let decimalMark = decimalMark(bytes, body, style: style, exponent: exponent) else {
            return .failure(style == .auto ? .ambiguous : .misplacedSeparator)
        }
        return accumulate(bytes, body, decimalMark: decimalMark, exponent: exponent, negative: negative)
    }

    /// The byte used as decimal mark in this value (0 when none), or nil when separators are misplaced.
    private static func decimalMark(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: Range<Int>, style: AmountStyle, exponent: Int
    ) -> UInt8? {
        let dot = UInt8(ascii: "."), comma = UInt8(ascii: ",")
        switch style {
        case .swift: return separatorsValid(bytes, body, group: nil, decimal: comma) ? comma : nil
        case .iso: return separatorsValid(bytes, body, group: nil, decimal: dot) ? dot : nil
        case .dotThousands: return separatorsValid(bytes, body, group: dot, decimal: comma) ? comma : nil
        case .commaThousands: return separatorsValid(bytes, body, group: comma, decimal: dot) ? dot : nil
        case .plain:
            if separatorsValid(bytes, body, group: nil, decimal: dot) { return dot }
            return separatorsValid(bytes, body, group: nil, decimal: comma) ? comma : nil
        case .auto:
            guard exponent <= 2 else { return nil }
            var lastSeparator: UInt8 = 0, dots = 0, commas = 0
            for index in body where !ByteText.isDigit(bytes[index]) {
                lastSeparator = bytes[index]
                if bytes[index] == dot { dots += 1 } else { commas += 1 }
            }
            if dots == 0 && commas == 0 { return 0 }
            if dots > 0 && commas > 0 {
                let group = lastSeparator == dot ? comma : dot
                return separatorsValid(bytes, body, group: group, decimal: lastSeparator) ? lastSeparator : nil
            }
            let separator = dots > 0 ? dot : comma
            if dots + commas > 1 { return separatorsValid(bytes, body, group: separator, decimal: 0) ? 0 : nil }
            var digitsAfter = 0
            var index = body.upperBound - 1
            while bytes[index] != separator { digitsAfter += 1; index -= 1 }
            if digitsAfter == 3 { return separatorsValid(bytes, body, group: separator, decimal: 0) ? 0 : nil }
            return digitsAfter <= 2 ? separator : nil
        }
    }

    /// Checks grouping: groups of exactly three digits after a first group of one to three, at most
    /// one decimal mark after all groups, and digits before any separator.
    private static func separatorsValid(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: Range<Int>, group: UInt8?, decimal: UInt8
    ) -> Bool {
        var digitsInRun = 0, groups = 0, seenDecimal = false
        for index in body {
            let byte = bytes[index]
            if ByteText.isDigit(byte) { digitsInRun += 1; continue }
            if let group, byte == group, !seenDecimal {
                if groups == 0 ? !(1...3).contains(digitsInRun) : digitsInRun != 3 { return false }
                groups += 1
                digitsInRun = 0
            } else if byte == decimal, decimal != 0, !seenDecimal {
                if groups > 0 && digitsInRun != 3 { return false }
                if groups == 0 && digitsInRun == 0 { return false }
                seenDecimal = true
                digitsInRun = 0
            } else {
                return false
            }
        }
        if seenDecimal { return true }
        return groups == 0 ? digitsInRun > 0 : digitsInRun == 3
    }

    private static func accumulate(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: Range<Int>, decimalMark: UInt8, exponent: Int, negative: Bool
    ) -> AmountOutcome {
        var value: Int64 = 0
        var fractionDigits = 0
        var inFraction = false
        var extraNonZero = false
        for index in body {
            let byte = bytes[index]
            if decimalMark != 0 && byte == decimalMark { inFraction = true; continue }
            guard ByteText.isDigit(byte) else { continue }
            if inFraction {
                fractionDigits += 1
                if fractionDigits > exponent {
                    if byte != 0x30 { extraNonZero = true }
                    continue
                }
            }
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(Int64(byte - 0x30))
            guard !overflowA, !overflowB else { return .failure(.tooLarge) }
            value = sum
        }
        if extraNonZero || fractionDigits > max(exponent, 2) { return .failure(.fraction(digits: fractionDigits)) }
        for _ in min(fractionDigits, exponent)..<exponent {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return .failure(.tooLarge) }
            value = times
        }
        return .success(negative ? -value : value)
    }

    /// Drops a trailing `₫`, `đ`, `VNĐ`, or the statement's own currency code (` VND`, `USD`…).
    private static func strippingCurrencySuffix(
        _ bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, currency: StaticCode
    ) -> Range<Int> {
        var upper = span.upperBound
        let lower = span.lowerBound
        guard upper - lower >= 2, bytes[upper - 1] >= 0x80 || ByteText.isLetter(bytes[upper - 1]) else { return span }
        if upper - lower >= 3, bytes[upper - 3] == 0xE2, bytes[upper - 2] == 0x82, bytes[upper - 1] == 0xAB {
            upper -= 3 // ₫
        } else if bytes[upper - 2] == 0xC4, bytes[upper - 1] == 0x91 {
            upper -= 2 // đ
        } else if upper - lower >= 4, bytes[upper - 4] == UInt8(ascii: "V"), bytes[upper - 3] == UInt8(ascii: "N"),
                  bytes[upper - 2] == 0xC4, bytes[upper - 1] == 0x90 {
            upper -= 4 // VNĐ
        } else if upper - lower >= 3, bytes[upper - 3] == currency.a, bytes[upper - 2] == currency.b,
                  bytes[upper - 1] == currency.c {
            upper -= 3
        } else {
            return span
        }
        return ByteText.trimmed(bytes, lower..<upper)
    }

    /// One clause for an error message, e.g. `amount '12,5' is not a whole number of đồng`.
    static func message(for problem: AmountProblem, text: String, currency: String, what: String = "amount") -> String {
        switch problem {
        case .empty: return "\(what) is empty"
        case .notANumber(let character): return "\(what) '\(text)' is not a number ('\(character)' is not a digit)"
        case .misplacedSeparator: return "\(what) '\(text)' has misplaced separators for this amount style"
        case .ambiguous: return "\(what) '\(text)' is ambiguous (set amountStyle in the bank profile)"
        case .tooLarge: return "\(what) '\(text)' is too large"
        case .fraction:
            if currency == "VND" { return "\(what) '\(text)' is not a whole number of đồng" }
            let exponent = Currency.exponent(of: currency) ?? 2
            return "\(what) '\(text)' has more decimal places than \(currency) allows (\(exponent))"
        }
    }
}
