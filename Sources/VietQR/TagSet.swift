/// A set of tag numbers 0…99 in two words.
struct TagSet {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// Inserts `tag`; false when it was already there.
    mutating func insert(_ tag: UInt8) -> Bool {
        if tag < 64 {
            let bit: UInt64 = 1 << UInt64(tag)
            defer { low |= bit }
            return low & bit == 0
        }
        let bit: UInt64 = 1 << UInt64(tag - 64)
        defer { high |= bit }
        return high & bit == 0
    }
}
