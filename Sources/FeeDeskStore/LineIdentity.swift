import FeeDeskCore

/// The 16 bytes that name one bank transaction across statements: stored in `statement_line.identity`
/// (unique), so a transaction seen again in a re-imported or overlapping statement is stored once.
///
/// Layout: the booking day as 4 big-endian bytes (days since 1970-01-01), then the first 12 bytes of a
/// SHA-256 over the transaction's identifying fields (see the importer). Leading with the day keeps a
/// day's transactions together in the unique index: an import touches a few hot index pages instead
/// of pages all over a random key space, and the lines already stored for a day are one range scan.
public struct LineIdentity: Hashable, Comparable, Sendable {
    /// Bytes 0..<8 read as a big-endian number (the day, then 4 digest bytes).
    public let high: UInt64
    /// Bytes 8..<16 read as a big-endian number.
    public let low: UInt64

    /// The identity of a transaction booked on `day` whose fields hash to `digest` (its first 12 bytes
    /// are used; missing bytes count as zero).
    public init(day: LocalDate, digest: [UInt8]) {
        func byte(_ index: Int) -> UInt64 { index < digest.count ? UInt64(digest[index]) : 0 }
        var high = UInt64(UInt32(truncatingIfNeeded: day.daysSinceEpoch)) << 32
        for index in 0..<4 { high |= byte(index) << UInt64(24 - 8 * index) }
        var low: UInt64 = 0
        for index in 4..<12 { low |= byte(index) << UInt64(56 - 8 * (index - 4)) }
        self.init(high: high, low: low)
    }

    /// An identity read back from its 16 stored bytes (nil for any other length).
    public init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for index in 0..<8 {
            high = high << 8 | UInt64(bytes[index])
            low = low << 8 | UInt64(bytes[index + 8])
        }
        self.init(high: high, low: low)
    }

    private init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The smallest identity of `day`; every identity of `day` is ≥ it and < `first(of: day + 1)`.
    public static func first(of day: LocalDate) -> LineIdentity {
        LineIdentity(high: UInt64(UInt32(truncatingIfNeeded: day.daysSinceEpoch)) << 32, low: 0)
    }

    /// Calls `body` with the 16 stored bytes (big-endian `high` then `low`).
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        var value = (high.bigEndian, low.bigEndian)
        return try withUnsafeBytes(of: &value) { try body($0) }
    }

    /// Byte order, which is the order of the unique index.
    public static func < (lhs: LineIdentity, rhs: LineIdentity) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}
