import Foundation

/// Helpers for reading UTF-8 text straight from bytes, without allocating per character.
enum ByteText {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let colon = UInt8(ascii: ":")
    static let quote = UInt8(ascii: "\"")

    /// True when one of the eight bytes of `word` equals `byte` (SWAR zero-byte test).
    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let spread = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (spread &- 0x0101_0101_0101_0101) & ~spread & 0x8080_8080_8080_8080 != 0
    }

    /// True for ASCII space and tab.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// True for an ASCII digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// True for an ASCII letter.
    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// The range without leading and trailing spaces, tabs, CR and LF.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isBlankOrNewline(bytes[lower]) { lower += 1 }
        while upper > lower, isBlankOrNewline(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    @inline(__always)
    static func isBlankOrNewline(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == carriageReturn
    }

    /// A String from UTF-8 bytes: CR LF folded to LF, and NFC-normalised when it holds combining
    /// diacritical marks (U+0300–U+036F, lead bytes CC/CD), which is how Windows-1258 and NFD
    /// exports write Vietnamese tone marks. Text without them is already in NFC for Vietnamese.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        guard !range.isEmpty, let base = bytes.baseAddress else { return "" }
        var combining = false
        var hasCR = false
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if !hasByte(word, carriageReturn) && !hasByte(word, 0xCC) && !hasByte(word, 0xCD) {
                index += 8
                continue
            }
            break
        }
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0xCC || byte == 0xCD { combining = true } else if byte == carriageReturn { hasCR = true }
            index += 1
        }
        let text: String
        if hasCR {
            var copy: [UInt8] = []
            copy.reserveCapacity(range.count)
            for index in range where bytes[index] != carriageReturn || (index + 1 < range.upperBound && bytes[index + 1] != newline) {
                copy.append(bytes[index] == carriageReturn ? newline : bytes[index])
            }
            text = String(decoding: copy, as: UTF8.self)
        } else {
            text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        return combining ? text.precomposedStringWithCanonicalMapping : text
    }

    /// The trimmed string, or nil when it is empty.
    static func optionalString(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let inner = trimmed(bytes, range)
        return inner.isEmpty ? nil : string(bytes, inner)
    }

    /// A short, printable quote of a byte range for error messages (at most 40 characters).
    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let text = string(bytes, trimmed(bytes, range))
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// Parses a fixed number of ASCII digits; nil if any byte is not a digit.
    @inline(__always)
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// True when the bytes at `start` equal the ASCII `literal`.
    @inline(__always)
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard start + count <= end else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[start + offset] != pointer[offset] { return false }
        return true
    }
}

extension String {
    /// NFC form (Vietnamese precomposed letters); a no-op without combining diacritical marks.
    var precomposedNFC: String {
        utf8.contains { $0 == 0xCC || $0 == 0xCD } ? precomposedStringWithCanonicalMapping : self
    }
}
