import Foundation

/// Booking times as partners write them.
///
/// Vietnam has kept UTC+7 without daylight saving since 1975, so "local time" is a fixed offset and
/// no time-zone database is needed.
enum BookingTime {
    /// `Asia/Ho_Chi_Minh`'s offset from UTC, in seconds.
    static let vietnamOffset = 7 * 3600

    /// `YYYY-MM-DD HH:MM:SS` in Vietnam local time (payOS `transactionDateTime`, Casso
    /// `transactionDateTime`, SePay `transactionDate`); nil when it is not a real date and time.
    static func vietnamLocal(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 19, b[10] == UInt8(ascii: " ") else { return nil }
        return civil(b, offsetSeconds: vietnamOffset, fraction: 0)
    }

    /// ISO 8601 / RFC 3339 with an explicit offset: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    static func iso8601(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 20, b[10] == UInt8(ascii: "T") else { return nil }
        var index = 19
        var fraction = 0.0
        if b[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < b.count, digit(b[index]) != nil { index += 1 }
            guard index > start, index - start <= 9 else { return nil }
            fraction = Double("0." + String(decoding: b[start..<index], as: UTF8.self)) ?? 0
        }
        guard index < b.count else { return nil }
        let offset: Int
        if b[index] == UInt8(ascii: "Z"), index + 1 == b.count {
            offset = 0
        } else if b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-"), index + 6 == b.count,
                  b[index + 3] == UInt8(ascii: ":"),
                  let hours = number(b, index + 1, 2), let minutes = number(b, index + 4, 2), hours <= 23, minutes <= 59 {
            offset = (b[index] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        return civil(Array(b[0..<19]), offsetSeconds: offset, fraction: fraction)
    }

    /// Reads `YYYY-MM-DD?HH:MM:SS` (the separator at 10 is checked by the caller).
    private static func civil(_ b: [UInt8], offsetSeconds: Int, fraction: Double) -> Date? {
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2),
              let hour = number(b, 11, 2), let minute = number(b, 14, 2), let second = number(b, 17, 2),
              year >= 1970, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }

    private static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            guard let d = digit(b[index]) else { return nil }
            value = value * 10 + d
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
