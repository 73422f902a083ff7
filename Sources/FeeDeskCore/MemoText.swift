import Foundation

/// A transfer memo prepared for searching: NFC, diacritics folded, `đ` → `D`, upper case.
///
/// Banks wrap the citizen's memo in their own text, change its case, insert separators (`. ; : -`,
/// spaces, line breaks inside a word), and some apps strip diacritics. Matching therefore looks at two
/// views: `tokens` (runs of letters and digits) and `compact` (every letter and digit, nothing else),
/// so that `MBVCB.123.hs 00012 34 nop phi` still yields `HS0001234`.
public struct MemoText: Sendable, Equatable {
    /// The memo as received.
    public let original: String
    /// Runs of A–Z and 0–9 after folding, in order.
    public let tokens: [String]
    /// All A–Z and 0–9 after folding, concatenated.
    public let compact: String

    /// Prepares `memo` for searching.
    public init(_ memo: String) {
        original = memo
        var tokens: [String] = []
        var current: [UInt8] = []
        var compact: [UInt8] = []
        compact.reserveCapacity(memo.utf8.count)
        for byte in MemoText.fold(memo).utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
                compact.append(byte)
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                current.append(byte - 32)
                compact.append(byte - 32)
            default:
                if !current.isEmpty {
                    tokens.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        self.tokens = tokens
        self.compact = String(decoding: compact, as: UTF8.self)
    }

    /// `text` in NFC with Vietnamese diacritics removed and `đ`/`Đ` mapped to `d`/`D`; characters with
    /// no ASCII form are kept as they are (they count as separators when searching).
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        let replaced = text.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
        // Decompose, then drop the combining marks (U+0300–U+036F).
        let scalars = replaced.decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x0300...0x036F).contains($0.value) }
        return String(String.UnicodeScalarView(scalars))
    }
}
