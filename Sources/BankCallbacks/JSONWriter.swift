/// Compact JSON output in the dialects that providers' signers use.
///
/// The writer never reorders members; sorting is a separate step (`JSONValue.sortingKeys`).
struct JSONWriter {
    /// How numbers are printed.
    enum NumberStyle: Sendable {
        /// The literal exactly as received (used when we re-emit a body we were given).
        case source
        /// PHP `json_decode(…, true)` then `json_encode` (integers in `Int64` kept, others as PHP floats).
        case php
        /// Python `json.loads` then `json.dumps` (integers exact, floats as `repr`).
        case python
        /// JavaScript `JSON.parse` then `JSON.stringify` (every number is a `Double`).
        case javascript
    }

    /// One serialisation dialect.
    struct Style: Sendable {
        /// Write `/` as `\/` (PHP's default).
        var escapeSlash: Bool
        /// Write every non-ASCII character as `\uXXXX` (UTF-16, lower-case hex, surrogate pairs).
        var asciiOnly: Bool
        /// Also escape DEL (0x7F), as Python's `ensure_ascii` does.
        var escapeDelete: Bool
        /// Write an empty object as `[]` (PHP decodes `{}` into an empty array).
        var emptyObjectAsArray: Bool
        /// How numbers are printed.
        var numbers: NumberStyle

        /// PHP `json_encode($value)` with default flags.
        static let php = Style(escapeSlash: true, asciiOnly: true, escapeDelete: false, emptyObjectAsArray: true, numbers: .php)
        /// Python `json.dumps(value, separators=(',', ':'))`.
        static let python = Style(escapeSlash: false, asciiOnly: true, escapeDelete: true, emptyObjectAsArray: false, numbers: .python)
        /// JavaScript `JSON.stringify(value)`.
        static let javascript = Style(escapeSlash: false, asciiOnly: false, escapeDelete: false, emptyObjectAsArray: false, numbers: .javascript)
        /// Like JavaScript, but numbers exactly as received.
        static let preserving = Style(escapeSlash: false, asciiOnly: false, escapeDelete: false, emptyObjectAsArray: false, numbers: .source)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `value` as compact JSON text in `style`.
    static func write(_ value: JSONValue, style: Style) -> String {
        var out: [UInt8] = []
        append(value, style: style, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `value` as compact JSON bytes in `style`.
    static func bytes(_ value: JSONValue, style: Style) -> [UInt8] {
        var out: [UInt8] = []
        append(value, style: style, to: &out)
        return out
    }

    private static func append(_ value: JSONValue, style: Style, to out: inout [UInt8]) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .number(let number): out += Array(format(number, style.numbers).utf8)
        case .string(let text): appendString(text, style: style, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                append(element, style: style, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty && style.emptyObjectAsArray {
                out += Array("[]".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                appendString(member.key, style: style, to: &out)
                out.append(UInt8(ascii: ":"))
                append(member.value, style: style, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A number literal printed the way `style` prints the parsed value.
    static func format(_ number: JSONNumber, _ style: NumberStyle) -> String {
        switch style {
        case .source:
            return number.text
        case .php:
            if let integer = number.int64 { return String(integer) }
            return NumberText.php(number.double)
        case .python:
            if number.isIntegerLiteral {
                let digits = number.text.drop { $0 == "-" }
                return digits == "0" ? "0" : number.text
            }
            return NumberText.python(number.double)
        case .javascript:
            return NumberText.javascript(number.double)
        }
    }

    /// `text` as a JSON string literal in `style`.
    static func appendString(_ text: String, style: Style, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case "\\": out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case "/" where style.escapeSlash: out += [UInt8(ascii: "\\"), UInt8(ascii: "/")]
            case "\u{08}": out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case "\u{0C}": out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case "\n": out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case "\r": out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case "\t": out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            default:
                let value = scalar.value
                if value < 0x20 || (value == 0x7F && style.escapeDelete) {
                    appendEscape(UInt16(value), to: &out)
                } else if value >= 0x80 && style.asciiOnly {
                    for unit in String(scalar).utf16 { appendEscape(unit, to: &out) }
                } else {
                    out += Array(String(scalar).utf8)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ unit: UInt16, to out: inout [UInt8]) {
        out += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hexDigits[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }
}

extension JSONValue {
    /// This value with object members sorted by key (UTF-8 byte order, which is PHP's `sort` and
    /// Python's `sorted` for the keys providers use), recursively into objects, and also into arrays
    /// when `intoArrays` is true (PHP's `is_array` recursion reaches list elements; Python's and
    /// Java's `isinstance(dict)` recursion does not).
    func sortingKeys(intoArrays: Bool) -> JSONValue {
        switch self {
        case .object(let members):
            let sorted = members.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            return .object(sorted.map { JSONMember(key: $0.key, value: $0.value.sortingKeys(intoArrays: intoArrays)) })
        case .array(let elements) where intoArrays:
            return .array(elements.map { $0.sortingKeys(intoArrays: intoArrays) })
        default:
            return self
        }
    }
}
