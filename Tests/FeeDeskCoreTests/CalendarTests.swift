import FeeDeskCore
import Foundation
import Testing

@Suite struct CalendarTests {
    @Test func localDateRoundTripsThroughDayNumbers() {
        var day = LocalDate(year: 1970, month: 1, day: 1)!
        for offset in 0..<40_000 {
            #expect(day.daysSinceEpoch == Int64(offset))
            #expect(LocalDate(daysSinceEpoch: Int64(offset)) == day)
            let next = day.adding(days: 1)
            #expect(next > day)
            day = next
        }
    }

    @Test(arguments: [("2024-02-29", true), ("2023-02-29", false), ("2100-02-29", false), ("2000-02-29", true),
                      ("2026-04-31", false), ("2026-11-22", true)])
    func knowsRealDays(text: String, real: Bool) {
        #expect(((try? LocalDate(parsing: text)) != nil) == real)
    }

    @Test(arguments: ["2026-1-22", "22/11/2026", "2026-11-22T00:00", "", "abcd-ef-gh"])
    func rejectsOtherDateForms(text: String) {
        #expect(throws: CoreError(.invalid, "date '\(text)' is not of the form YYYY-MM-DD")) { try LocalDate(parsing: text) }
    }

    /// 23:30 UTC on the 21st is 06:30 on the 22nd in Hanoi: the business date is the 22nd.
    @Test func businessDateIsVietnamese() throws {
        let calendar = BusinessCalendar.vietnam
        let instant = try Timestamp.parse("2026-11-21T23:30:00Z")
        #expect(calendar.date(of: instant).description == "2026-11-22")
        #expect(calendar.timestamp(instant) == "2026-11-22T06:30:00+07:00")
        #expect(calendar.startOfDay(try LocalDate(parsing: "2026-11-22")) == (try Timestamp.parse("2026-11-21T17:00:00Z")))
    }

    @Test func fallsBackToUTCPlus7WithoutZoneData() {
        let calendar = BusinessCalendar(identifier: "Asia/Ho_Chi_Minh")
        #expect(calendar.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_800_000_000)) == 7 * 3600)
    }

    @Test(arguments: [
        ("2026-11-22T09:15:00+07:00", 1_795_313_700.0), ("2026-11-22T02:15:00Z", 1_795_313_700.0),
        ("2026-11-22T02:15:00.250Z", 1_795_313_700.25), ("2026-11-22 09:15:00+07:00", 1_795_313_700.0),
        ("2026-11-21T21:15:00-05:00", 1_795_313_700.0),
    ])
    func parsesTimestamps(text: String, seconds: Double) throws {
        #expect(try Timestamp.parse(text).timeIntervalSince1970 == seconds)
    }

    @Test(arguments: ["2026-11-22T09:15:00", "2026-11-22", "2026-11-22T25:00:00Z", "2026-11-22T09:15:00+7", "now"])
    func rejectsTimestampsWithoutOffset(text: String) {
        #expect(throws: CoreError(.invalid, "time '\(text)' is not ISO 8601 with an offset, e.g. 2026-11-22T09:15:00+07:00")) {
            try Timestamp.parse(text)
        }
    }
}
