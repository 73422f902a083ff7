/// A bank (or bank branch) reachable through NAPAS 24/7, identified by its 6-digit BIN.
public struct BankInfo: Sendable, Hashable, Codable {
    /// The 6-digit BIN written in tag 38.01.00, e.g. `970436`.
    public let bin: String
    /// The short name bank apps show, e.g. `Vietcombank`.
    public let shortName: String
    /// The full Vietnamese name, e.g. `Ngân hàng TMCP Ngoại Thương Việt Nam`.
    public let fullName: String

    /// Creates an entry.
    public init(bin: String, shortName: String, fullName: String) {
        self.bin = bin
        self.shortName = shortName
        self.fullName = fullName
    }
}
