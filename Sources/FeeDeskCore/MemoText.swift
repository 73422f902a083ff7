import Foundation

/// A transfer memo prepared for searching: NFC, diacritics folded, `đ` → `D`, upper case.
///
/// Banks wrap the citizen's memo in their own text, change its case, insert separators (`. ; : -`,
/// spaces, line breaks inside a word), and some apps strip diacritics. Matching therefore looks at two
/// views: `tokens` (runs of letters and digits) and `compact` (every letter and digit, nothing else),
/// so that `MBVCB.123.hs 00012 34 nop phi` still yields `HS0001234`.
///
/// Making one is cheap: an ASCII memo (what nearly every bank sends) is kept as it is, and only a
/// memo with other characters is normalised (NFC, diacritics folded) once, here. The views are built
/// on demand; ``withCompactUTF8(_:)`` hands out the compact view without allocating for the scanner.
public struct MemoText: Sendable, Equatable {
    /// The memo as received.
    public let original: String
    /// `original` folded by ``fold(_:)`` (the same string when it is ASCII).
    let folded: String

    /// Prepares `memo` for searching.
    public init(_ memo: String) {
        original = memo
        folded = MemoText.fold(memo)
    }

    /// Runs of A–Z and 0–9 after folding, in order.
    public var tokens: [String] {
        var tokens: [String] = []
        var text = folded
        text.withUTF8 { bytes in
            var start = -1
            for index in 0..<bytes.count {
                if MemoText.compactByte(bytes[index]) != 0 {
                    if start < 0 { start = index }
                } else if start >= 0 {
                    tokens.append(MemoText.upperCased(UnsafeBufferPointer(rebasing: bytes[start..<index])))
                    start = -1
                }
            }
            if start >= 0 { tokens.append(MemoText.upperCased(UnsafeBufferPointer(rebasing: bytes[start...]))) }
        }
        return tokens
    }

    /// All A–Z and 0–9 after folding, concatenated.
    public var compact: String {
        withCompactUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of ``compact`` (A–Z and 0–9 only), built in temporary storage.
    ///
    /// The buffer is valid only inside `body`. This is the matcher's hot path: it folds case and drops
    /// separators in one pass and allocates nothing on the heap for memos of ordinary length.
    public func withCompactUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        var text = folded
        return try text.withUTF8 { source in
            try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, source.count)) { buffer in
                var count = 0
                for byte in source {
                    let folded = MemoText.compactByte(byte)
                    if folded != 0 {
                        buffer[count] = folded
                        count += 1
                    }
                }
                return try body(UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        }
    }

    /// The compact view of ASCII `bytes` (A–Z and 0–9 only, upper case), e.g. of a stored dossier code.
    public static func compact(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { target in
            var count = 0
            for byte in bytes {
                let folded = compactByte(byte)
                if folded != 0 {
                    target[count] = folded
                    count += 1
                }
            }
            return count
        }
    }

    /// `text` in NFC with Vietnamese diacritics removed and `đ`/`Đ` mapped to `d`/`D`; characters with
    /// no ASCII form are kept as they are (they count as separators when searching).
    public static func fold(_ text: String) -> String {
        if isASCII(text) { return text }
        let replaced = text.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
        // Decompose, then drop the combining marks (U+0300–U+036F).
        let scalars = replaced.decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x0300...0x036F).contains($0.value) }
        return String(String.UnicodeScalarView(scalars))
    }

    /// True when every byte of `text` is ASCII (one pass over contiguous UTF-8, no allocation).
    static func isASCII(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var high: UInt8 = 0
            for byte in bytes { high |= byte }
            return high < 0x80
        }
    }

    /// The byte as it appears in the compact view: A–Z and 0–9 as they are, a–z upper-cased, 0 for
    /// everything else (separators, punctuation, non-ASCII bytes).
    @inline(__always)
    public static func compactByte(_ byte: UInt8) -> UInt8 {
        if byte &- UInt8(ascii: "0") < 10 || byte &- UInt8(ascii: "A") < 26 { return byte }
        if byte &- UInt8(ascii: "a") < 26 { return byte - 32 }
        return 0
    }

    private static func upperCased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { target in
            for index in 0..<bytes.count { target[index] = compactByte(bytes[index]) }
            return bytes.count
        }
    }
}
