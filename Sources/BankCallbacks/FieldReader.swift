import Foundation

/// Reads the fields of a JSON object with errors that name the field path and the bad value.
struct FieldReader {
    /// The object's members.
    let members: [JSONMember]
    /// The path of the object, with a trailing dot when not the root (`data.`).
    let path: String
    /// The scheme, for error messages.
    let scheme: CallbackScheme

    /// The most digits an amount may have (VietQR tag 54 allows 13 characters).
    static let maxAmountDigits = 13
    /// The longest identifier accepted.
    static let maxIdentifierLength = 128

    /// Reads the top level of a parsed body, which must be an object.
    init(root: JSONValue, scheme: CallbackScheme) throws(CallbackError) {
        guard case .object(let members) = root else {
            throw CallbackError(.malformedBody, scheme, "the body is \(root.typeName), not a JSON object.")
        }
        self.init(members: members, path: "", scheme: scheme)
    }

    init(members: [JSONMember], path: String, scheme: CallbackScheme) {
        self.members = members
        self.path = path
        self.scheme = scheme
    }

    /// Parses `body` strictly and reads it as an object.
    static func parse(_ body: [UInt8], scheme: CallbackScheme) throws(CallbackError) -> (JSONValue, FieldReader) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw CallbackError(.malformedBody, scheme, "the body is not valid JSON: \(error.reason) at byte \(error.offset).")
        }
        return (value, try FieldReader(root: value, scheme: scheme))
    }

    /// The field's value; nil when absent.
    func raw(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }

    func name(_ key: String) -> String { "'\(path)\(key)'" }

    /// A nested object (required).
    func object(_ key: String) throws(CallbackError) -> FieldReader {
        let value = try present(key)
        guard case .object(let inner) = value else {
            throw CallbackError(.badField, scheme, "field \(name(key)) is \(value.typeName), not an object.")
        }
        return FieldReader(members: inner, path: path + key + ".", scheme: scheme)
    }

    /// A required string (may be empty).
    func string(_ key: String) throws(CallbackError) -> String {
        let value = try present(key)
        guard case .string(let text) = value else {
            throw CallbackError(.badField, scheme, "field \(name(key)) is \(value.typeName) (\(Quote.untrusted(value.excerpt))), not a string.")
        }
        return text
    }

    /// An optional string; absent, null and empty are nil. Integers are accepted as their digits,
    /// since some partners send account numbers and bank ids as numbers.
    func optionalText(_ key: String) throws(CallbackError) -> String? {
        switch raw(key) {
        case nil, .null?: return nil
        case .string(let text)?: return text.isEmpty ? nil : text
        case .number(let number)? where number.isIntegerLiteral: return number.text
        case let value?:
            throw CallbackError(.badField, scheme, "field \(name(key)) is \(value.typeName) (\(Quote.untrusted(value.excerpt))), not a string.")
        }
    }

    /// A required, non-empty identifier of at most 128 characters: a string or an integer literal.
    func identifier(_ key: String) throws(CallbackError) -> String {
        let value = try present(key)
        let text: String
        switch value {
        case .string(let string): text = string
        case .number(let number) where number.isIntegerLiteral: text = number.text
        default:
            throw CallbackError(.badField, scheme, "field \(name(key)) is \(value.typeName) (\(Quote.untrusted(value.excerpt))), not an identifier.")
        }
        // Empty once trimmed ⇔ every scalar is whitespace (stops at the first that is not).
        guard !text.unicodeScalars.allSatisfy({ CharacterSet.whitespaces.contains($0) }) else { throw CallbackError(.missingField, scheme, "field \(name(key)) is empty.") }
        guard text.count <= Self.maxIdentifierLength, !text.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw CallbackError(.badField, scheme, "field \(name(key)) value '\(Quote.untrusted(text))' is not a usable identifier (at most \(Self.maxIdentifierLength) characters, no control characters).")
        }
        return text
    }

    /// A required amount in đồng, returned with its sign.
    /// - Parameters:
    ///   - allowZeroFraction: accept `75000.00` (providers whose backends print decimals); our own
    ///     contract accepts integer literals only.
    ///   - allowNegative: accept a negative amount (Casso writes money out as negative).
    func amount(_ key: String, allowZeroFraction: Bool, allowNegative: Bool) throws(CallbackError) -> Int64 {
        let value = try present(key)
        guard case .number(let number) = value else {
            throw CallbackError(.badAmount, scheme, "field \(name(key)) is \(value.typeName) (\(Quote.untrusted(value.excerpt))), not a whole number of đồng.")
        }
        let text = number.text
        let shown = Quote.untrusted(text)
        if text.contains(where: { $0 == "e" || $0 == "E" }) {
            throw CallbackError(.badAmount, scheme, "field \(name(key)) value \(shown) is written with an exponent, not as a whole number of đồng.")
        }
        var integerPart = Substring(text)
        if let dot = text.firstIndex(of: ".") {
            let fraction = text[text.index(after: dot)...]
            guard allowZeroFraction, fraction.allSatisfy({ $0 == "0" }) else {
                throw CallbackError(.badAmount, scheme, "field \(name(key)) value \(shown) is not a whole number of đồng.")
            }
            integerPart = text[..<dot]
        }
        let negative = integerPart.hasPrefix("-")
        let digits = integerPart.drop { $0 == "-" }
        guard digits.count <= Self.maxAmountDigits, let magnitude = Int64(digits) else {
            throw CallbackError(.badAmount, scheme, "field \(name(key)) value \(shown) has more than \(Self.maxAmountDigits) digits.")
        }
        guard magnitude > 0, !negative || allowNegative else {
            throw CallbackError(.badAmount, scheme, "field \(name(key)) value \(shown) is not a positive amount.")
        }
        return negative ? -magnitude : magnitude
    }

    /// Refuses a currency other than VND; an absent currency is accepted when `required` is false.
    func requireVND(_ key: String, required: Bool) throws(CallbackError) {
        if !required, raw(key) == nil || raw(key) == .null { return }
        let currency = try string(key)
        guard currency == "VND" else {
            throw CallbackError(.wrongCurrency, scheme, "field \(name(key)) value '\(Quote.untrusted(currency))' is not VND.")
        }
    }

    /// The field's value, which must be present and not null.
    private func present(_ key: String) throws(CallbackError) -> JSONValue {
        guard let value = raw(key), value != .null else {
            throw CallbackError(.missingField, scheme, "field \(name(key)) is missing.")
        }
        return value
    }
}
