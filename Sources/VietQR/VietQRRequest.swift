/// What to put into a VietQR payload: the beneficiary, an optional amount and optional texts.
///
/// Text fields may be Vietnamese: `VietQR.encode(_:)` folds them to ASCII (`Lệ phí` → `Le phi`),
/// trims spaces, and treats an empty text as absent. A request with an amount encodes as a
/// dynamic code (01 = 12); one without, as a static code (01 = 11).
public struct VietQRRequest: Sendable, Hashable {
    /// Bank BIN, 6 digits (tag 38.01.00), e.g. `970436`.
    public var bin: String
    /// Account or card number (tag 38.01.01), at most 19 digits or letters, no spaces.
    public var account: String
    /// Transfer to an account (`QRIBFTTA`, the default) or to a card (`QRIBFTTC`).
    public var service: VietQRService
    /// Amount in whole đồng, 1…9,999,999,999,999 (tag 54); nil for a static code.
    public var amount: Int64?
    /// Purpose of transaction (tag 62.08), at most 25 characters; bank apps pre-fill the memo from it.
    public var purpose: String?
    /// Beneficiary name (tag 59), at most 25 characters.
    public var merchantName: String?
    /// Beneficiary city (tag 60), at most 15 characters.
    public var merchantCity: String?
    /// Bill number (tag 62.01), at most 25 characters.
    public var billNumber: String?
    /// Reference label (tag 62.05), at most 25 characters.
    public var reference: String?

    /// Creates a request; only `bin` and `account` are required.
    public init(
        bin: String,
        account: String,
        service: VietQRService = .toAccount,
        amount: Int64? = nil,
        purpose: String? = nil,
        merchantName: String? = nil,
        merchantCity: String? = nil,
        billNumber: String? = nil,
        reference: String? = nil
    ) {
        self.bin = bin
        self.account = account
        self.service = service
        self.amount = amount
        self.purpose = purpose
        self.merchantName = merchantName
        self.merchantCity = merchantCity
        self.billNumber = billNumber
        self.reference = reference
    }

    /// Static without an amount, dynamic with one.
    public var initiation: VietQRInitiation {
        amount == nil ? .static : .dynamic
    }
}
