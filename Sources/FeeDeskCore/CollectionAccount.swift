/// A bank account the unit collects fees into, identified in FeeDesk by a short id such as `main`.
public struct CollectionAccount: Sendable, Hashable, Codable {
    /// FeeDesk's id for the account, e.g. `main`.
    public let id: String
    /// The bank's 6-digit BIN (NAPAS), e.g. `970436` for Vietcombank.
    public let bin: String
    /// The account number as the bank writes it, digits and letters only.
    public let number: String
    /// The account holder's name as registered at the bank.
    public let holder: String
    /// ISO 4217 currency of the account; FeeDesk collects VND.
    public let currency: String

    /// A validated account: id of letters, digits, `-` and `_`; BIN of 6 digits; number of 1–19
    /// letters and digits without spaces; non-empty holder.
    public init(id: String, bin: String, number: String, holder: String, currency: String = "VND") throws(CoreError) {
        guard !id.isEmpty, id.count <= 32, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw CoreError(.invalid, "account id '\(id)' may hold only letters, digits, - and _ (32 at most)")
        }
        guard bin.count == 6, bin.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw CoreError(.invalid, "bank BIN '\(bin)' is not 6 digits")
        }
        guard (1...19).contains(number.count), number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw CoreError(.invalid, "account number '\(number)' must be 1 to 19 letters or digits without spaces")
        }
        guard !holder.trimmingSpaces().isEmpty else { throw CoreError(.invalid, "account holder is empty") }
        guard currency == "VND" else { throw CoreError(.invalid, "account currency '\(currency)' is not VND") }
        self.id = id
        self.bin = bin
        self.number = number
        self.holder = holder.trimmingSpaces()
        self.currency = currency
    }
}
