/// The short code a citizen's transfer memo carries so the bank credit can be matched to its dossier.
///
/// Shape: a prefix of 2–4 letters, a zero-padded sequence number and two ISO 7064 MOD 97-10 check
/// digits computed over prefix and sequence (letters count A=10 … Z=35, as in IBAN), e.g. `HS00012783`.
/// Upper-case alphanumeric only, at most 19 characters, so it survives every bank's memo mangling.
/// Every single-character error and every swap of two adjacent characters fails validation.
public struct PaymentReference: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The reference text, e.g. `HS00012783`.
    public let text: String

    private init(unchecked text: String) {
        self.text = text
    }

    /// The reference for sequence number `sequence` in `format`.
    public init(sequence: Int64, format: PaymentReferenceFormat) throws(CoreError) {
        guard sequence > 0 else { throw CoreError(.invalid, "payment reference sequence \(sequence) must be positive") }
        let digits = String(sequence)
        let padded = String(repeating: "0", count: max(0, format.sequenceDigits - digits.count)) + digits
        let body = format.prefix + padded
        guard body.count + 2 <= PaymentReference.maximumLength else {
            throw CoreError(.invalid, "payment reference sequence \(sequence) makes a reference longer than 19 characters")
        }
        let check = 98 - Mod97.remainder(of: body + "00")
        self.init(unchecked: body + pad(check, 2))
    }

    /// A reference read from text (any case, surrounding spaces ignored) in `format`, or an error
    /// saying why it is not one: wrong prefix, wrong length, stray characters or wrong check digits.
    public init(validating candidate: String, format: PaymentReferenceFormat) throws(CoreError) {
        let text = candidate.trimmingSpaces().uppercased()
        guard text.hasPrefix(format.prefix) else {
            throw CoreError(.invalid, "payment reference '\(candidate)' does not start with \(format.prefix)")
        }
        let rest = text.dropFirst(format.prefix.count)
        guard rest.count >= format.sequenceDigits + 2, text.count <= PaymentReference.maximumLength,
              rest.allSatisfy({ $0.isASCII && $0.isNumber })
        else {
            throw CoreError(.invalid, "payment reference '\(candidate)' must be \(format.prefix) followed by at least \(format.sequenceDigits + 2) digits")
        }
        guard Mod97.remainder(of: text) == 1 else {
            throw CoreError(.invalid, "payment reference '\(candidate)' has wrong check digits")
        }
        self.init(unchecked: text)
    }

    /// The longest reference: what fits every bank's memo and VietQR's purpose field with room to spare.
    public static let maximumLength = 19

    public var description: String { text }

    public static func < (lhs: PaymentReference, rhs: PaymentReference) -> Bool {
        (lhs.text.count, lhs.text) < (rhs.text.count, rhs.text)
    }

    /// Decodes from its text without re-validating (stored references were valid when made).
    public init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes as its text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// The configured shape of payment references: prefix letters and minimum sequence width.
public struct PaymentReferenceFormat: Sendable, Hashable, Codable {
    /// 2–4 upper-case ASCII letters, e.g. `HS`.
    public let prefix: String
    /// Minimum digits of the sequence (zero-padded), 4…12.
    public let sequenceDigits: Int

    /// A validated format.
    public init(prefix: String, sequenceDigits: Int) throws(CoreError) {
        guard (2...4).contains(prefix.count), prefix.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw CoreError(.invalid, "payment reference prefix '\(prefix)' must be 2 to 4 upper-case letters A–Z")
        }
        guard (4...12).contains(sequenceDigits), prefix.count + sequenceDigits + 2 <= PaymentReference.maximumLength else {
            throw CoreError(.invalid, "payment reference sequence width \(sequenceDigits) must be 4 to 12 and keep references within 19 characters")
        }
        self.prefix = prefix
        self.sequenceDigits = sequenceDigits
    }

    /// `HS` with six sequence digits: `HS00000147`.
    public static let standard = PaymentReferenceFormat(uncheckedPrefix: "HS", sequenceDigits: 6)

    private init(uncheckedPrefix: String, sequenceDigits: Int) {
        prefix = uncheckedPrefix
        self.sequenceDigits = sequenceDigits
    }
}

/// ISO 7064 MOD 97-10 over upper-case alphanumerics, letters expanded to two digits (A=10 … Z=35).
enum Mod97 {
    /// The remainder modulo 97 of the number the text spells.
    static func remainder(of text: String) -> Int {
        var remainder = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                remainder = (remainder * 10 + Int(byte - UInt8(ascii: "0"))) % 97
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                remainder = (remainder * 100 + Int(byte - UInt8(ascii: "A")) + 10) % 97
            default:
                remainder = (remainder * 100 + 99) % 97 // never produced by a valid reference
            }
        }
        return remainder
    }
}

extension PaymentReference {
    /// A reference read back from storage, trusted because it was validated when it was made.
    public init(storedText: String) {
        self.init(unchecked: storedText)
    }

    /// A reference from upper-case ASCII bytes the scanner has already checked (prefix, digits, length,
    /// check digits); at most 19 bytes, so the text is usually stored inline without a heap allocation.
    init(validated bytes: UnsafeBufferPointer<UInt8>) {
        self.init(unchecked: String(decoding: bytes, as: UTF8.self))
    }
}
