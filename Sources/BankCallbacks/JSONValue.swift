/// A parsed JSON value that keeps what signature schemes need and Foundation loses: the member
/// order of objects and the exact source text of numbers.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// The value of `key` when this is an object that has it.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// A short name of the value's type for error messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value written as compact JSON for an error message (truncated by the caller).
    var excerpt: String {
        switch self {
        case .string(let text): "'\(Quote.untrusted(text))'"
        case .number(let number): Quote.untrusted(number.text)
        default: JSONWriter.write(self, style: .javascript)
        }
    }
}

/// One `"key": value` pair of a JSON object, in source order.
struct JSONMember: Sendable, Equatable {
    let key: String
    let value: JSONValue
}

/// A JSON number as written in the source.
struct JSONNumber: Sendable, Equatable {
    /// The literal exactly as it appeared (RFC 8259 grammar, already validated).
    let text: String

    /// True when the literal has neither a fraction nor an exponent.
    var isIntegerLiteral: Bool { !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }

    /// The literal as an `Int64` when it is an integer literal in range.
    var int64: Int64? { isIntegerLiteral ? Int64(text) : nil }

    /// The literal as the nearest `Double` (finite: the parser rejects overflowing literals).
    var double: Double { Double(text) ?? 0 }

    /// Whether the integer part is negative (`-0` counts as not negative).
    var isNegative: Bool { text.hasPrefix("-") && text.contains(where: { ("1"..."9").contains($0) }) }
}
