/// Percent-decoding (RFC 3986 §2.1) shared by request targets, queries and form bodies.
enum PercentDecoding {
    /// The decoded text, or nil when an escape is malformed, decodes to NUL, or the bytes are not UTF-8.
    ///
    /// With `plusAsSpace` a `+` becomes a space, as in `application/x-www-form-urlencoded`.
    static func decode(_ text: Substring, plusAsSpace: Bool) -> String? {
        let utf8 = text.utf8
        let needsWork = utf8.contains { $0 == UInt8(ascii: "%") || (plusAsSpace && $0 == UInt8(ascii: "+")) }
        if !needsWork {
            return utf8.contains(0) ? nil : String(text)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let high = utf8.index(after: index)
                guard high < utf8.endIndex else { return nil }
                let low = utf8.index(after: high)
                guard low < utf8.endIndex, let h = hexValue(utf8[high]), let l = hexValue(utf8[low]) else {
                    return nil
                }
                let decoded = h << 4 | l
                guard decoded != 0 else { return nil }
                bytes.append(decoded)
                index = utf8.index(after: low)
            } else {
                guard byte != 0 else { return nil }
                bytes.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index = utf8.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The value of one hexadecimal digit.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension HTTPParameters {
    /// Parses `application/x-www-form-urlencoded` text (a query string or a form body).
    ///
    /// Pairs are split on `&`, names from values on the first `=`; `+` is a space. Empty pieces are
    /// skipped and a name without `=` has the empty value. Returns nil when an escape is malformed.
    public init?(urlEncoded text: Substring) {
        self.init()
        guard !text.isEmpty else { return }
        for piece in text.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring
            let value: Substring
            if let equals = piece.firstIndex(of: "=") {
                name = piece[..<equals]
                value = piece[piece.index(after: equals)...]
            } else {
                name = piece
                value = ""
            }
            guard let decodedName = PercentDecoding.decode(name, plusAsSpace: true),
                let decodedValue = PercentDecoding.decode(value, plusAsSpace: true)
            else { return nil }
            append(name: decodedName, value: decodedValue)
        }
    }
}
