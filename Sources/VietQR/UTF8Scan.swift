/// Small helpers for walking UTF-8 bytes by characters (Unicode scalars) without String.Index.
enum UTF8Scan {
    /// The number of Unicode scalars in well-formed UTF-8 `bytes`.
    static func scalarCount<Bytes: Collection>(_ bytes: Bytes) -> Int where Bytes.Element == UInt8 {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            count += 1
        }
        return count
    }

    /// The byte offset `characters` scalars after `start`, or nil when `end` comes first.
    @inline(__always)
    static func advance(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, characters: Int, end: Int) -> Int? {
        var index = start
        var remaining = characters
        while remaining > 0 {
            guard index < end else { return nil }
            let byte = bytes[index]
            index += 1
            if byte >= 0x80 {
                while index < end, bytes[index] & 0xC0 == 0x80 {
                    index += 1
                }
            }
            remaining -= 1
        }
        return index
    }

    /// The text of the first `characters` scalars from `start` (for error messages).
    static func prefix(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, characters: Int, end: Int) -> String {
        let stop = advance(bytes, from: start, characters: characters, end: end) ?? end
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
    }
}
