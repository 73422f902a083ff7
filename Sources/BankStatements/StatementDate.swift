/// A calendar date as written by the bank (no time zone conversion), e.g. a booking or value date.
///
/// Encodes to and decodes from JSON as `"YYYY-MM-DD"`.
public struct StatementDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Year, 1...9999.
    public let year: Int
    /// Month, 1...12.
    public let month: Int
    /// Day of the month, 1...28/29/30/31.
    public let day: Int

    /// Creates a date, or returns nil when the day does not exist (31 April, 29 February 2027…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= StatementDate.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else.
    public init?(iso text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
              let year = StatementDate.number(utf8[0..<4]), let month = StatementDate.number(utf8[5..<7]),
              let day = StatementDate.number(utf8[8..<10]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        StatementDate.padded(year, 4) + "-" + StatementDate.padded(month, 2) + "-" + StatementDate.padded(day, 2)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for distances between dates.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Orders by year, month, day.
    public static func < (lhs: StatementDate, rhs: StatementDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes `"YYYY-MM-DD"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = StatementDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a YYYY-MM-DD date")
        }
        self = date
    }

    /// Encodes `"YYYY-MM-DD"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Number of days in a month of the Gregorian calendar.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}

/// A time of day as written by the bank, with the UTC offset when the source gives one.
public struct StatementTime: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Hour, 0...23.
    public let hour: Int
    /// Minute, 0...59.
    public let minute: Int
    /// Second, 0...60 (a leap second is tolerated).
    public let second: Int
    /// Offset from UTC in minutes (`+07:00` is 420), nil when the source has none.
    public let utcOffsetMinutes: Int?

    /// Creates a time, or nil when a component is out of range.
    public init?(hour: Int, minute: Int, second: Int = 0, utcOffsetMinutes: Int? = nil) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        if let offset = utcOffsetMinutes, !(-14 * 60...14 * 60).contains(offset) { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// `HH:mm:ss`, followed by `Z` or `+HH:MM` when the offset is known.
    public var description: String {
        var text = StatementDate.padded(hour, 2) + ":" + StatementDate.padded(minute, 2) + ":" + StatementDate.padded(second, 2)
        if let offset = utcOffsetMinutes {
            if offset == 0 {
                text += "Z"
            } else {
                let magnitude = abs(offset)
                text += (offset < 0 ? "-" : "+") + StatementDate.padded(magnitude / 60, 2) + ":" + StatementDate.padded(magnitude % 60, 2)
            }
        }
        return text
    }
}
