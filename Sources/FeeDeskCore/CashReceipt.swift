/// Validation of cash receipt numbers as the cashier writes them on the paper or e-receipt.
public enum CashReceipt {
    /// The receipt number, trimmed, if it is 1–32 letters, digits and `/ - .`; otherwise an error.
    public static func validate(_ number: String) throws(CoreError) -> String {
        let text = number.trimmingSpaces()
        guard !text.isEmpty else { throw CoreError(.invalid, "receipt number is empty") }
        guard text.count <= 32, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/-.".contains($0)) }) else {
            throw CoreError(.invalid, "receipt number '\(number)' may hold only letters, digits and / - . (32 at most)")
        }
        return text
    }
}
