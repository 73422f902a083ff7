/// NAPAS 24/7 inter-bank transfer service (tag 38.02): to an account or to a card.
public enum VietQRService: String, Sendable, Hashable, CaseIterable {
    /// `QRIBFTTA`: transfer to the account number in 38.01.01.
    case toAccount = "QRIBFTTA"
    /// `QRIBFTTC`: transfer to the card number in 38.01.01.
    case toCard = "QRIBFTTC"

    /// The value written in tag 38.02.
    public var tagValue: String { rawValue }

    /// How request errors name the 38.01.01 field for this service.
    var numberFieldName: String {
        switch self {
        case .toAccount: "account number"
        case .toCard: "card number"
        }
    }
}
