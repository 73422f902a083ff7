/// How FeeDesk numbers its own receipts (biên lai): the form (mẫu số) and the symbol (ký hiệu) of
/// the cash and of the cashless series.
///
/// A symbol may hold `{YY}`, replaced by the two last digits of the year the receipt is issued in
/// (`TM-{YY}E` gives `TM-26E` in 2026). Numbers run from 1 to 9,999,999 per symbol and year, so a
/// series restarts at 1 every 1 January in the unit's zone.
public struct ReceiptSeries: Sendable, Equatable {
    /// The defaults: form `01BLP0-001`, symbols `TM-{YY}E` (cash) and `CK-{YY}E` (cashless).
    public static let standard = ReceiptSeries(checkedForm: "01BLP0-001", cashSymbol: "TM-{YY}E", cashlessSymbol: "CK-{YY}E")
    /// The largest number a series reaches (7 digits).
    public static let maximumNumber: Int64 = 9_999_999
    /// The longest form or symbol, once `{YY}` is replaced.
    public static let maximumLength = 20

    /// The form (mẫu số), e.g. `01BLP0-001`.
    public let form: String
    /// The symbol template of cash receipts.
    public let cashSymbol: String
    /// The symbol template of cashless receipts.
    public let cashlessSymbol: String

    /// Settings checked value by value (`checkForm`, `checkSymbol`).
    public init(form: String, cashSymbol: String, cashlessSymbol: String) throws(CoreError) {
        self.init(checkedForm: try ReceiptSeries.checkForm(form), cashSymbol: try ReceiptSeries.checkSymbol(cashSymbol),
                  cashlessSymbol: try ReceiptSeries.checkSymbol(cashlessSymbol))
    }

    /// `form` if it is 1–20 characters of A–Z, 0–9, `-`, `/`, `.`; otherwise an error naming it.
    public static func checkForm(_ form: String) throws(CoreError) -> String {
        try check(form, noun: "form", template: false)
    }

    /// `symbol` if, with `{YY}` replaced, it is 1–20 characters of A–Z, 0–9, `-`, `/`, `.`; otherwise
    /// an error naming it.
    public static func checkSymbol(_ symbol: String) throws(CoreError) -> String {
        try check(symbol, noun: "symbol", template: true)
    }

    private init(checkedForm form: String, cashSymbol: String, cashlessSymbol: String) {
        self.form = form
        self.cashSymbol = cashSymbol
        self.cashlessSymbol = cashlessSymbol
    }

    /// The symbol of a `source` receipt issued in `year`.
    public func symbol(for source: PaymentSource, year: Int) -> String {
        ReceiptSeries.expand(source == .cash ? cashSymbol : cashlessSymbol, year: year)
    }

    /// `template` with `{YY}` replaced by the two last digits of `year`.
    public static func expand(_ template: String, year: Int) -> String {
        let yy = year % 100
        return template.replacingOccurrences(of: "{YY}", with: yy < 10 ? "0\(yy)" : String(yy))
    }

    /// A receipt number as printed: 7 digits, zero-padded (`0000042`).
    public static func numberText(_ number: Int64) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    private static func check(_ value: String, noun: String, template: Bool) throws(CoreError) -> String {
        let expanded = template ? expand(value, year: 2000) : value
        let allowed = expanded.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || "-/.".contains($0)) }
        guard !expanded.isEmpty, expanded.count <= maximumLength, allowed else {
            throw CoreError(.invalid, "receipt \(noun) '\(value)' must be 1 to \(maximumLength) characters of A-Z, 0-9, - / ."
                + (template ? " (and {YY} for the year)" : ""))
        }
        return value
    }
}
