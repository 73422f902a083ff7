import Foundation

/// A verified, normalised notice of one transaction on a collection account, whatever the partner.
///
/// A callback is a hint, not the books: the bank statement stays the source of truth.
public struct CreditNotice: Sendable, Equatable {
    /// The effect of the transaction on the account balance.
    public enum Direction: String, Sendable, Equatable {
        /// Money in.
        case credit
        /// Money out (SePay `transferType: "out"`, a negative Casso amount).
        case debit
    }

    /// The provider's transaction id: the idempotency key for the transaction (standard-webhooks
    /// `id`, payOS `data.reference`, Casso `data.id`, SePay `id`).
    public let providerTransactionID: String
    /// Money in or out.
    public let direction: Direction
    /// The amount in đồng, always positive; see `direction`.
    public let amount: Int64
    /// Always `VND`; other currencies are refused.
    public let currency: String
    /// The account the transaction was booked on, as the partner wrote it.
    public let accountNumber: String?
    /// When the bank booked it, when the partner says so in a readable form.
    public let bookedAt: Date?
    /// The booking time exactly as the partner wrote it.
    public let bookedAtText: String?
    /// The transfer memo as the bank shows it (may be empty).
    public let memo: String
    /// The payer's name, when given.
    public let counterpartyName: String?
    /// The payer's account number, when given.
    public let counterpartyAccount: String?
    /// The payer's bank (BIN or the provider's bank id), when given.
    public let counterpartyBankBIN: String?
    /// Further provider ids worth keeping (payOS `paymentLinkId`, `orderCode`; SePay
    /// `referenceCode`, `gateway`, `code`; Casso `reference`; virtual account numbers).
    public let extraIDs: [String: String]

    /// Creates a notice.
    public init(providerTransactionID: String, direction: Direction, amount: Int64, currency: String = "VND",
                accountNumber: String?, bookedAt: Date?, bookedAtText: String?, memo: String,
                counterpartyName: String? = nil, counterpartyAccount: String? = nil,
                counterpartyBankBIN: String? = nil, extraIDs: [String: String] = [:]) {
        self.providerTransactionID = providerTransactionID
        self.direction = direction
        self.amount = amount
        self.currency = currency
        self.accountNumber = accountNumber
        self.bookedAt = bookedAt
        self.bookedAtText = bookedAtText
        self.memo = memo
        self.counterpartyName = counterpartyName
        self.counterpartyAccount = counterpartyAccount
        self.counterpartyBankBIN = counterpartyBankBIN
        self.extraIDs = extraIDs
    }
}

/// The answer a partner expects once its callback is durably stored.
public struct CallbackAck: Sendable, Equatable {
    /// The HTTP status (2xx).
    public let status: Int
    /// The `Content-Type` of `body`.
    public let contentType: String
    /// The response body.
    public let body: [UInt8]

    /// `200 application/json {"success":true}`: what payOS documents, what SePay and Casso accept,
    /// and FeeDesk's own contract for standard-webhooks.
    public static let successJSON = CallbackAck(status: 200, contentType: "application/json",
                                                body: Array(#"{"success":true}"#.utf8))

    /// Creates an answer.
    public init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// A callback whose signature, timestamp and content were all accepted.
public struct VerifiedCallback: Sendable, Equatable {
    /// The scheme that verified it.
    public let scheme: CallbackScheme
    /// The delivery id, the same on every retry (standard-webhooks `webhook-id`); nil when the
    /// scheme has none, in which case `notice.providerTransactionID` is the only idempotency key.
    public let deliveryID: String?
    /// When the partner signed it (from the signed timestamp), when the scheme has one.
    public let signedAt: Date?
    /// Which configured secret verified it (0-based): watch it to retire old secrets after rotation.
    public let secretIndex: Int
    /// The normalised transaction.
    public let notice: CreditNotice
    /// What to answer once the notice is durably stored (and again for a duplicate).
    public let ack: CallbackAck
    /// True for the provider's documented test delivery (payOS on webhook registration, Casso's
    /// "gọi thử"): verified, but it should be acknowledged without creating a credit.
    public let isTest: Bool

    /// Creates a verified callback.
    public init(scheme: CallbackScheme, deliveryID: String?, signedAt: Date?, secretIndex: Int,
                notice: CreditNotice, ack: CallbackAck = .successJSON, isTest: Bool = false) {
        self.scheme = scheme
        self.deliveryID = deliveryID
        self.signedAt = signedAt
        self.secretIndex = secretIndex
        self.notice = notice
        self.ack = ack
        self.isTest = isTest
    }
}
