/// Point of initiation (tag 01): whether one QR serves many payments or exactly one.
public enum VietQRInitiation: String, Sendable, Hashable, CaseIterable {
    /// `11`: reusable code without an amount; the payer types the amount.
    case `static` = "static"
    /// `12`: single-payment code that carries the amount (tag 54).
    case dynamic = "dynamic"

    /// The value written in tag 01.
    public var tagValue: String {
        switch self {
        case .static: "11"
        case .dynamic: "12"
        }
    }

    /// The initiation written as `tagValue`, or nil for any other text.
    public init?(tagValue: String) {
        switch tagValue {
        case "11": self = .static
        case "12": self = .dynamic
        default: return nil
        }
    }
}
