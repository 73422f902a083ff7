import Foundation

/// Folding used to compare header keywords: diacritic-, case- and whitespace-insensitive.
enum TextFolding {
    /// Lower-cases, removes Vietnamese (and all combining) diacritics, maps đ/Đ to d, and collapses
    /// every run of whitespace (including line breaks inside a header cell) to one space.
    static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if scalar.properties.isWhitespace || scalar == "\u{A0}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "đ", "Đ": result.append("d")
            default:
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { result.append(lower) }
            }
        }
        return String(result)
    }

    /// True when `folded` starts with `prefix` followed by the end or a character that is not a letter
    /// or digit (so `so tien ghi co (vnd)` matches `so tien ghi co`, but `congty` does not match `cong`).
    static func hasWordPrefix(_ folded: String, _ prefix: String) -> Bool {
        guard !prefix.isEmpty, folded.hasPrefix(prefix) else { return false }
        let rest = folded.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
        guard let next = rest.first else { return true }
        return !(next.properties.isAlphabetic || next.properties.numericType != nil)
    }
}
