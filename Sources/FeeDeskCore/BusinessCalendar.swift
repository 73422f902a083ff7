import Foundation

/// Turns instants into the business dates and local times of the unit's time zone (Asia/Ho_Chi_Minh).
///
/// Vietnam has kept UTC+7 without daylight saving since 1975; when the system has no time zone data the
/// calendar falls back to that fixed offset rather than to UTC.
public struct BusinessCalendar: Sendable {
    /// The zone business dates are counted in.
    public let timeZone: TimeZone

    /// The calendar of Vietnam (`Asia/Ho_Chi_Minh`).
    public static let vietnam = BusinessCalendar(identifier: "Asia/Ho_Chi_Minh")

    /// A calendar for an explicit zone.
    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// A calendar for a zone identifier; Asia/Ho_Chi_Minh falls back to UTC+7 without zone data.
    public init(identifier: String) {
        if let zone = TimeZone(identifier: identifier) {
            timeZone = zone
        } else {
            timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? TimeZone.current
        }
    }

    /// The business date of `instant`.
    public func date(of instant: Date) -> LocalDate {
        let local = localSeconds(instant)
        return LocalDate(daysSinceEpoch: floorDiv(local, 86_400))
    }

    /// `instant` as ISO 8601 with the zone's offset, to the second: `2026-11-22T09:15:00+07:00`.
    public func timestamp(_ instant: Date) -> String {
        let offset = timeZone.secondsFromGMT(for: instant)
        let local = localSeconds(instant)
        let day = LocalDate(daysSinceEpoch: floorDiv(local, 86_400))
        let secondOfDay = Int(local - floorDiv(local, 86_400) * 86_400)
        let sign = offset < 0 ? "-" : "+"
        let offsetMinutes = abs(offset) / 60
        return "\(day)T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
            + "\(sign)\(pad(offsetMinutes / 60, 2)):\(pad(offsetMinutes % 60, 2))"
    }

    /// The instant at which `date` begins in this zone.
    public func startOfDay(_ date: LocalDate) -> Date {
        let midnightUTC = Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch * 86_400))
        let offset = timeZone.secondsFromGMT(for: midnightUTC)
        return midnightUTC.addingTimeInterval(TimeInterval(-offset))
    }

    private func localSeconds(_ instant: Date) -> Int64 {
        Int64(instant.timeIntervalSince1970.rounded(.down)) + Int64(timeZone.secondsFromGMT(for: instant))
    }
}

private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : -((-a + b - 1) / b)
}
