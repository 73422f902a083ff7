/// JSON for flat string maps with sorted keys and minimal escaping: the same map always gives the same
/// text (the audit journal hashes it). Much cheaper than JSONEncoder on a hot path.
public enum CanonicalJSON {
    /// `{"a":"1","b":"x\"y"}` with keys in ascending order.
    public static func object(_ values: [String: String]) -> String {
        var out = "{"
        var first = true
        for key in values.keys.sorted() {
            if !first { out += "," }
            first = false
            append(key, to: &out)
            out += ":"
            append(values[key] ?? "", to: &out)
        }
        return out + "}"
    }

    private static func append(_ text: String, to out: inout String) {
        out += "\""
        // Most values need no escaping: copy them whole (the same text the loop below would make).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
