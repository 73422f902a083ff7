/// The text payOS signs for a `data` object, reproducing the official Node SDK
/// (`payos-lib-node` `sortObjDataByKey` + `convertObjToQueryStr`) to the byte.
///
/// Rules, in the SDK's order:
/// 1. Keys are sorted with JavaScript's default `sort()` (UTF-16 code units) and then enumerated in
///    JavaScript property order: keys that are array indices (`"0"`, `"17"`) first, ascending by
///    value, then the others in sorted order.
/// 2. Each pair is written `key=value` and pairs are joined with `&`; nothing is URL-encoded.
/// 3. Values: a string as is, except that `"null"` and `"undefined"` become empty (the SDK's
///    `includes` check); `null` → empty; booleans `true`/`false`; numbers as JavaScript prints them
///    (`20000`, `1.5`, `1e+21`); an array → `JSON.stringify` of its elements, each passed through
///    `sortObjDataByKey` (an object gets its top-level keys sorted; a string becomes
///    `{"0":"a","1":"b"}`; a number or boolean becomes `{}`; a nested array an index-keyed object;
///    `null` makes the SDK throw, so such data is refused); a nested object → `[object Object]`.
///
/// The Python SDK agrees on every shape payOS sends (flat data with strings, numbers, booleans and
/// nulls, and arrays of objects); the two SDKs' shared test vectors are in the tests.
enum PayOSSignedData {
    /// The `k=v&…` text for `data`'s members.
    static func canonical(_ members: [JSONMember]) throws(CallbackError) -> String {
        var parts: [String] = []
        for member in javascriptOrder(members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }) {
            parts.append(member.key + "=" + (try text(of: member.value, key: member.key)))
        }
        return parts.joined(separator: "&")
    }

    private static func text(of value: JSONValue, key: String) throws(CallbackError) -> String {
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return NumberText.javascript(number.double)
        case .string(let string): return string == "null" || string == "undefined" ? "" : string
        case .object: return "[object Object]"
        case .array(let elements):
            var rendered: [String] = []
            for (position, element) in elements.enumerated() {
                rendered.append(try sortedElement(element, path: "data.\(key)[\(position)]"))
            }
            return "[" + rendered.joined(separator: ",") + "]"
        }
    }

    /// `JSON.stringify(sortObjDataByKey(element))`.
    private static func sortedElement(_ element: JSONValue, path: String) throws(CallbackError) -> String {
        switch element {
        case .null:
            throw CallbackError(.malformedBody, .payos, "field '\(path)' is null, which the payOS SDK cannot sign.")
        case .bool, .number:
            return "{}"
        case .object(let members):
            let sorted = javascriptOrder(members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) })
            return stringify(.object(sorted))
        case .array(let inner):
            return stringify(.object(inner.enumerated().map { JSONMember(key: String($0.offset), value: $0.element) }))
        case .string(let string):
            let units = Array(string.utf16)
            var out = "{"
            for (position, unit) in units.enumerated() {
                if position > 0 { out += "," }
                out += "\"\(position)\":" + codeUnitLiteral(unit)
            }
            return out + "}"
        }
    }

    /// `JSON.stringify(value)` of a parsed value: JavaScript property order in every object.
    static func stringify(_ value: JSONValue) -> String {
        JSONWriter.write(reorder(value), style: .javascript)
    }

    private static func reorder(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(javascriptOrder(members).map { JSONMember(key: $0.key, value: reorder($0.value)) })
        case .array(let elements):
            return .array(elements.map(reorder))
        default:
            return value
        }
    }

    /// Array-index keys first (ascending numerically), then the rest in their current order.
    static func javascriptOrder(_ members: [JSONMember]) -> [JSONMember] {
        let indexed = members.compactMap { member in arrayIndex(member.key).map { ($0, member) } }
        guard !indexed.isEmpty else { return members }
        let rest = members.filter { arrayIndex($0.key) == nil }
        return indexed.sorted { $0.0 < $1.0 }.map(\.1) + rest
    }

    /// The value of `key` when it is a canonical array index (`0`…`4294967294`, no leading zero).
    private static func arrayIndex(_ key: String) -> UInt32? {
        guard let value = UInt32(key), value < UInt32.max, String(value) == key else { return nil }
        return value
    }

    /// One UTF-16 code unit as `JSON.stringify` writes it (lone surrogates as `\udXXX`).
    private static func codeUnitLiteral(_ unit: UInt16) -> String {
        if (0xD800...0xDFFF).contains(unit) {
            let hex = String(unit, radix: 16)
            return "\"\\u" + String(repeating: "0", count: 4 - hex.count) + hex + "\""
        }
        guard let scalar = Unicode.Scalar(UInt32(unit)) else { return "\"\"" }
        var out: [UInt8] = []
        JSONWriter.appendString(String(scalar), style: .javascript, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
