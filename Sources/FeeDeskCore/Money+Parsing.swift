/// How a bank or a person writes the thousands of an amount.
public enum AmountStyle: String, Sendable, Codable, CaseIterable {
    /// `1.000.000` (Vietnamese convention); a `,` starts a fraction.
    case dotThousands = "dot"
    /// `1,000,000` (English convention); a `.` starts a fraction.
    case commaThousands = "comma"
    /// `1000000`: digits only.
    case plain
    /// Any of the above, decided by the text: separators in groups of three are thousands.
    case auto
}

extension Money {
    /// Parses an amount of đồng as written by people and banks.
    ///
    /// Accepts digits with thousands separators of `style`, surrounding spaces, a trailing `₫`, `đ`,
    /// `VND` or `VNĐ`, and a zero fraction (`1.000,00`). Rejects a non-zero fraction (VND has no
    /// minor unit), signs, letters, zero and amounts above `Money.maximum`.
    public init(parsing text: String, style: AmountStyle = .auto) throws(CoreError) {
        if let plain = Money.plainDigits(text) {
            self.init(dong: plain)
            return
        }
        let trimmed = Money.stripCurrency(text)
        let digitsOnly = try Money.integerDigits(of: trimmed, original: text, style: style)
        guard digitsOnly.count <= 13, let value = Int64(digitsOnly) else {
            throw CoreError(.invalid, "amount '\(text)' is larger than the maximum of \(Money.maximum.formatted)")
        }
        guard value > 0 else {
            throw CoreError(.invalid, "amount '\(text)' must be more than 0 đồng")
        }
        self.init(dong: value)
    }

    /// The value of 1 to 13 ASCII digits and nothing else when it is more than zero (what bulk files
    /// hold nearly always), read without building any string; nil sends the text to the full parser.
    private static func plainDigits(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { bytes -> Int64? in
            guard (1...13).contains(bytes.count) else { return nil }
            var value: Int64 = 0
            for byte in bytes {
                guard byte &- UInt8(ascii: "0") < 10 else { return nil }
                value = value * 10 + Int64(byte &- UInt8(ascii: "0"))
            }
            return value > 0 ? value : nil
        }
    }

    private static func stripCurrency(_ text: String) -> String {
        var body = text.trimmingSpaces()
        for suffix in ["VNĐ", "VND", "vnđ", "vnd", "₫", "đ", "Đ"] where body.hasSuffix(suffix) {
            body = String(body.dropLast(suffix.count)).trimmingSpaces()
            break
        }
        return body
    }

    /// The integer part's digits, after checking separators and that any fraction is zero.
    private static func integerDigits(of body: String, original: String, style: AmountStyle) throws(CoreError) -> String {
        guard !body.isEmpty else { throw CoreError(.invalid, "amount is empty") }
        if body.first == "-" || body.first == "+" {
            throw CoreError(.invalid, "amount '\(original)' must be a whole number of đồng without a sign")
        }
        guard body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else {
            throw CoreError(.invalid, "amount '\(original)' is not a number")
        }
        let (integer, fraction) = try split(body, original: original, style: style)
        if let fraction, fraction.contains(where: { $0 != "0" }) {
            throw CoreError(.invalid, "amount '\(original)' is not a whole number of đồng")
        }
        return integer
    }

    /// Splits into integer digits and an optional fraction, following the separator convention.
    private static func split(_ body: String, original: String, style: AmountStyle) throws(CoreError) -> (String, String?) {
        let malformed = CoreError(.invalid, "amount '\(original)' is not a number in the form 1.000.000, 1,000,000 or 1000000")
        let separators = body.filter { $0 == "." || $0 == "," }
        let thousands: Character?
        switch style {
        case .plain:
            guard separators.isEmpty else { throw malformed }
            thousands = nil
        case .dotThousands: thousands = "."
        case .commaThousands: thousands = ","
        case .auto: thousands = autoThousands(body)
        }
        let decimal: Character? = thousands == "." ? "," : (thousands == "," ? "." : nil)
        var integerPart = Substring(body)
        var fraction: String?
        if let decimal, let index = body.lastIndex(of: decimal) {
            integerPart = body[..<index]
            fraction = String(body[body.index(after: index)...])
            guard let fraction, !fraction.isEmpty, fraction.allSatisfy(\.isNumber) else { throw malformed }
        } else if thousands == nil, let index = body.firstIndex(where: { $0 == "." || $0 == "," }) {
            // A lone separator that is not a thousands separator is a decimal point.
            integerPart = body[..<index]
            fraction = String(body[body.index(after: index)...])
            guard let fraction, !fraction.isEmpty, fraction.allSatisfy(\.isNumber) else { throw malformed }
        }
        guard !integerPart.isEmpty else { throw malformed }
        if let thousands, integerPart.contains(thousands) {
            let groups = integerPart.split(separator: thousands, omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isNumber) }),
                  first.allSatisfy(\.isNumber)
            else { throw malformed }
            return (groups.joined(), fraction)
        }
        guard integerPart.allSatisfy(\.isNumber) else { throw malformed }
        return (String(integerPart), fraction)
    }

    /// Guesses the thousands separator: the one that appears in groups of exactly three digits.
    private static func autoThousands(_ body: String) -> Character? {
        if let lastDot = body.lastIndex(of: "."), let lastComma = body.lastIndex(of: ",") {
            // Both present: the last one is the decimal point.
            return lastDot > lastComma ? "," : "."
        }
        let dots = body.filter { $0 == "." }.count
        let commas = body.filter { $0 == "," }.count
        guard let separator: Character = dots > 0 ? "." : (commas > 0 ? "," : nil) else { return nil }
        let count = max(dots, commas)
        let lastGroup = body.split(separator: separator, omittingEmptySubsequences: false).last ?? ""
        // `1.000` and `1.000.000` are thousands; `1.5` and `12,50` are fractions.
        return (count > 1 || lastGroup.count == 3) ? separator : nil
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and no-break spaces.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
