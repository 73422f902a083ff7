/// A decoded, checked VietQR payload: the fields a bank app would use, plus every tag.
///
/// `tags` flattens every primitive value by dotted path (`"38.01.00": "970403"`, `"63": "4F52"`);
/// it is the stable `tags` object of `feedesk qr decode --json`. `payload()` writes the decoded
/// objects back in their original order, so a code we produced re-encodes to the same text.
public struct VietQRCode: Sendable, Hashable {
    /// Static (11) or dynamic (12); nil when tag 01 is absent (a warning says so).
    public let initiation: VietQRInitiation?
    /// Bank BIN from tag 38.01.00 (6 digits).
    public let bin: String
    /// The bank for `bin`, or nil when it is not in `BankDirectory` (a warning says so).
    public let bank: BankInfo?
    /// Account or card number from tag 38.01.01.
    public let account: String
    /// Service from tag 38.02; nil when absent or not a NAPAS transfer service (a warning says so).
    public let service: VietQRService?
    /// Amount in đồng from tag 54, or nil when absent.
    public let amount: Int64?
    /// Purpose of transaction from tag 62.08.
    public let purpose: String?
    /// Bill number from tag 62.01.
    public let billNumber: String?
    /// Reference label from tag 62.05.
    public let reference: String?
    /// Merchant (beneficiary) name from tag 59.
    public let merchantName: String?
    /// Merchant city from tag 60.
    public let merchantCity: String?
    /// The CRC as written in tag 63.
    public let crc: String
    /// Problems that do not make the payload unusable, one sentence each.
    public let warnings: [String]
    /// The generic EMVCo view: objects in payload order, all leaves.
    public let emv: EMVPayload

    /// Every primitive value keyed by its dotted tag path, tag 63 included (computed on access).
    public var tags: [String: String] {
        emv.tags
    }

    /// The payload text re-encoded from the decoded objects in their original order.
    ///
    /// Equal to the decoded text whenever that text wrote its CRC in upper case.
    public func payload() -> String {
        emv.encoded()
    }

    init(
        initiation: VietQRInitiation?, bin: String, account: String, service: VietQRService?,
        amount: Int64?, warnings: [String], emv: EMVPayload
    ) {
        self.initiation = initiation
        self.bin = bin
        self.bank = BankDirectory.bank(bin: bin)
        self.account = account
        self.service = service
        self.amount = amount
        self.purpose = emv.value(.additionalData, VietQR.Sub.purpose)
        self.billNumber = emv.value(.additionalData, VietQR.Sub.billNumber)
        self.reference = emv.value(.additionalData, VietQR.Sub.reference)
        self.merchantName = emv.value(.merchantName)
        self.merchantCity = emv.value(.merchantCity)
        self.crc = emv.crc
        self.warnings = bank == nil ? warnings + ["bank BIN \(bin) is not in the directory"] : warnings
        self.emv = emv
    }
}
