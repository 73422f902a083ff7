import Foundation

/// Where the money for a dossier came from.
public enum PaymentSource: String, Sendable, Codable {
    /// Cash at the desk, with a receipt number.
    case cash
    /// A bank transfer (VietQR or typed by hand), allocated from a credit.
    case cashless
}

/// Money that counts towards a dossier's fee: a cash payment or an allocation of a bank credit.
public struct Payment: Sendable, Equatable {
    /// Cash or cashless.
    public let source: PaymentSource
    /// The amount counted for the dossier.
    public let amount: Money
    /// When it was paid (cash) or booked (cashless).
    public let at: Date
    /// The cash receipt number, or the credit's id for a cashless payment.
    public let reference: String

    /// A payment.
    public init(source: PaymentSource, amount: Money, at: Date, reference: String) {
        self.source = source
        self.amount = amount
        self.at = at
        self.reference = reference
    }
}

/// A dossier's payment state, derived from what is due and what has been paid.
public enum DossierStatus: String, Sendable, Codable, CaseIterable {
    /// Nothing paid yet.
    case unpaid
    /// Something, but less than due.
    case partiallyPaid = "partially_paid"
    /// Exactly the amount due.
    case paid
    /// More than due: the excess is owed back.
    case overpaid

    /// The status for `paid` against `due`.
    public init(due: Money, paid: Money) {
        if paid <= .zero {
            self = .unpaid
        } else if paid < due {
            self = .partiallyPaid
        } else if paid == due {
            self = .paid
        } else {
            self = .overpaid
        }
    }

    /// The Vietnamese label shown at the desk.
    public var displayName: String {
        switch self {
        case .unpaid: "Chưa thanh toán"
        case .partiallyPaid: "Thanh toán một phần"
        case .paid: "Đã thanh toán"
        case .overpaid: "Thanh toán thừa"
        }
    }

    /// Parses the stable name (`unpaid`, `partially_paid`, `paid`, `overpaid`).
    public init(parsing text: String) throws(CoreError) {
        guard let status = DossierStatus(rawValue: text) else {
            let names = DossierStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw CoreError(.invalid, "status '\(text)' is not one of \(names)")
        }
        self = status
    }
}
