import Foundation

/// ISO 8601 timestamps as FeeDesk stores and exchanges them: `2026-11-22T09:15:00+07:00`.
public enum Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; the offset is required (a time without a
    /// zone is ambiguous for a business date).
    public static func parse(_ text: String) throws(CoreError) -> Date {
        let bytes = Array(text.utf8)
        // Built only when needed: the message interpolates the text, and bulk imports parse a million times.
        func malformed() -> CoreError {
            CoreError(.invalid, "time '\(text)' is not ISO 8601 with an offset, e.g. 2026-11-22T09:15:00+07:00")
        }
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { throw malformed() }
        let datePart = String(decoding: bytes[0..<10], as: UTF8.self)
        guard let date = try? LocalDate(parsing: datePart) else { throw malformed() }
        guard bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]), let second = number(bytes[17..<19]),
              hour < 24, minute < 60, second < 61
        else { throw malformed() }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, let digit = digitValue(bytes[index]) {
                fraction += Double(digit) * scale
                scale /= 10
                index += 1
            }
        }
        guard index < bytes.count else { throw malformed() }
        let offsetSeconds: Int
        let zone = bytes[index...]
        if zone.count == 1, zone.first == UInt8(ascii: "Z") {
            offsetSeconds = 0
        } else if zone.count == 6, let sign = zone.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                  zone[zone.startIndex + 3] == UInt8(ascii: ":"),
                  let hours = number(zone[(zone.startIndex + 1)..<(zone.startIndex + 3)]),
                  let minutes = number(zone[(zone.startIndex + 4)..<(zone.startIndex + 6)]), hours < 24, minutes < 60 {
            offsetSeconds = (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        } else {
            throw malformed()
        }
        let seconds = date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }

    private static func number(_ slice: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in slice {
            guard let digit = digitValue(byte) else { return nil }
            value = value * 10 + digit
        }
        return slice.isEmpty ? nil : value
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
