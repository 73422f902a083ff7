/// ISO 4217 currency facts needed to turn bank amounts into integer minor units.
public enum Currency {
    /// The number of decimal places (ISO 4217 minor-unit exponent) of a currency code.
    ///
    /// VND, JPY, KRW and the other zero-decimal currencies give 0; BHD, KWD, JOD… give 3; CLF and
    /// UYW give 4; every other well-formed code gives 2. Returns nil for a code that is not three
    /// upper-case ASCII letters.
    public static func exponent(of code: String) -> Int? {
        guard isWellFormed(code) else { return nil }
        if zeroDecimal.contains(code) { return 0 }
        if threeDecimal.contains(code) { return 3 }
        if fourDecimal.contains(code) { return 4 }
        return 2
    }

    /// True for three upper-case ASCII letters.
    public static func isWellFormed(_ code: String) -> Bool {
        let utf8 = code.utf8
        return utf8.count == 3 && utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// Formats minor units for people, Vietnamese style: `1.000.000 ₫`, `-1.234,56 USD`.
    public static func format(minorUnits: Int64, currency: String) -> String {
        let exponent = Self.exponent(of: currency) ?? 2
        let negative = minorUnits < 0
        let magnitude = minorUnits.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<exponent { divisor *= 10 }
        let whole = magnitude / divisor
        let fraction = magnitude % divisor
        var digits = Array(String(whole))
        var grouped: [Character] = []
        while digits.count > 3 {
            grouped.insert(contentsOf: ["."] + digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        grouped.insert(contentsOf: digits, at: 0)
        var text = (negative ? "-" : "") + String(grouped)
        if exponent > 0 {
            text += "," + StatementDate.padded(Int(fraction), exponent)
        }
        return text + (currency == "VND" ? " ₫" : " " + currency)
    }

    private static let zeroDecimal: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV",
        "XAF", "XOF", "XPF",
    ]
    private static let threeDecimal: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]
    private static let fourDecimal: Set<String> = ["CLF", "UYW"]
}
