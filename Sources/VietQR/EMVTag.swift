/// The ID of an EMVCo data object: two decimal digits, `00` to `99`.
public struct EMVTag: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numeric ID, 0…99.
    public let rawValue: UInt8

    /// A tag from its number; nil outside 0…99.
    public init?(_ number: Int) {
        guard (0...99).contains(number) else { return nil }
        rawValue = UInt8(number)
    }

    /// A tag from its two-digit text (`"38"`); nil for anything else.
    public init?(_ text: String) {
        let digits = Array(text.utf8)
        guard digits.count == 2, let number = EMVTag.twoDigits(digits[0], digits[1]) else { return nil }
        rawValue = number
    }

    init(unchecked rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The two-digit form, e.g. `05` or `38`.
    public var description: String {
        String(decoding: [UInt8(ascii: "0") + rawValue / 10, UInt8(ascii: "0") + rawValue % 10], as: UTF8.self)
    }

    /// Orders tags by number.
    public static func < (lhs: EMVTag, rhs: EMVTag) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The number written by two ASCII digits, or nil when either is not a digit.
    static func twoDigits(_ high: UInt8, _ low: UInt8) -> UInt8? {
        let zero = UInt8(ascii: "0")
        guard high &- zero < 10, low &- zero < 10 else { return nil }
        return (high - zero) * 10 + (low - zero)
    }
}

extension EMVTag {
    /// `00` payload format indicator (always `01`).
    public static let payloadFormat = EMVTag(unchecked: 0)
    /// `01` point of initiation method (`11` static, `12` dynamic).
    public static let pointOfInitiation = EMVTag(unchecked: 1)
    /// `38` merchant account information template used by NAPAS VietQR.
    public static let vietQRMerchantAccount = EMVTag(unchecked: 38)
    /// `52` merchant category code.
    public static let merchantCategory = EMVTag(unchecked: 52)
    /// `53` transaction currency (ISO 4217 numeric, `704` for VND).
    public static let currency = EMVTag(unchecked: 53)
    /// `54` transaction amount.
    public static let amount = EMVTag(unchecked: 54)
    /// `58` country code (`VN`).
    public static let country = EMVTag(unchecked: 58)
    /// `59` merchant (beneficiary) name.
    public static let merchantName = EMVTag(unchecked: 59)
    /// `60` merchant city.
    public static let merchantCity = EMVTag(unchecked: 60)
    /// `62` additional data field template.
    public static let additionalData = EMVTag(unchecked: 62)
    /// `63` CRC; always last, always written by the encoder.
    public static let crc = EMVTag(unchecked: 63)
    /// `64` merchant information language template.
    public static let languageTemplate = EMVTag(unchecked: 64)

    /// Whether a data object with this tag, directly under the template `parent` (nil: top level),
    /// is itself a template. Objects two levels down are always primitive.
    ///
    /// EMVCo templates at the top level are 26–51 (merchant account information), 62 (additional
    /// data), 64 (language) and 80–99 (unreserved). Inside 62, IDs 50–99 are payment-system
    /// templates. Inside VietQR's 38, sub-tag 01 (beneficiary organisation) is a template.
    static func isTemplate(_ tag: UInt8, under parent: UInt8?) -> Bool {
        switch parent {
        case nil: (26...51).contains(tag) || tag == 62 || tag == 64 || tag >= 80
        case 38?: tag == 1
        case 62?: tag >= 50
        default: false
        }
    }
}
