import FeeDeskCore
import Foundation
import Testing

@Suite struct ReportModelTests {
    @Test(arguments: [
        (Int64(12_562_000), Int64(594_462_000), "0.0211", "2,11%"),
        (1, 3, "0.3333", "33,33%"),
        (2, 3, "0.6667", "66,67%"),
        (1, 20_000, "0.0001", "0,01%"),   // 0.00005 rounds half up
        (1, 20_001, "0.0000", "0,00%"),
        (5, 5, "1.0000", "100,00%"),
        (0, 0, "0.0000", "0,00%"),
    ])
    func sharesRoundHalfUpToFourPlaces(_ part: Int64, _ whole: Int64, _ fraction: String, _ percent: String) throws {
        let share = ShareFraction(part: part, of: whole)
        #expect(share.description == fraction)
        #expect(share.percentVietnamese == percent)
        #expect(share.fraction == Double(fraction))
    }

    @Test func sharesEncodeAsShortDecimals() throws {
        let shares = [ShareFraction(part: 12_562_000, of: 594_462_000), ShareFraction(part: 1, of: 3), ShareFraction(part: 0, of: 1)]
        #expect(String(decoding: try JSONEncoder().encode(shares), as: UTF8.self) == "[0.0211,0.3333,0]")
    }

    @Test func periodsAreCheckedOnce() throws {
        let from = try LocalDate(parsing: "2021-01-01")
        #expect(throws: CoreError(.invalid, "the start date 2021-01-01 is after the end date 2020-12-31")) {
            try ReportPeriod(from: from, to: LocalDate(parsing: "2020-12-31"))
        }
        // Five years exactly are fine; one day more needs force.
        _ = try ReportPeriod(from: from, to: LocalDate(parsing: "2025-12-31"))
        #expect(throws: CoreError(.invalid, "the period 2021-01-01 to 2026-01-01 is longer than 5 years; ask for it explicitly with --force (force=true over HTTP)")) {
            try ReportPeriod(from: from, to: LocalDate(parsing: "2026-01-01"))
        }
        #expect(try ReportPeriod(from: from, to: LocalDate(parsing: "2026-01-01"), force: true).days == 1_827)
    }

    @Test func wholeMonthsAndEdgeDays() throws {
        let period = try ReportPeriod(from: LocalDate(parsing: "2021-03-17"), to: LocalDate(parsing: "2021-08-09"))
        #expect(period.wholeMonths?.first == "2021-04" && period.wholeMonths?.last == "2021-07")
        #expect(period.partialDays.map { "\($0.lowerBound)…\($0.upperBound)" } == ["2021-03-17…2021-03-31", "2021-08-01…2021-08-09"])
        let inside = try ReportPeriod(from: LocalDate(parsing: "2021-02-03"), to: LocalDate(parsing: "2021-02-20"))
        #expect(inside.wholeMonths == nil)
        #expect(inside.partialDays.count == 1 && inside.trendUnit == .day)
        let leap = try ReportPeriod(from: LocalDate(parsing: "2024-01-01"), to: LocalDate(parsing: "2024-02-29"))
        #expect(leap.wholeMonths?.last == "2024-02" && leap.partialDays.isEmpty)
        #expect(try ReportPeriod(from: LocalDate(parsing: "2021-01-01"), to: LocalDate(parsing: "2021-12-31")).months.count == 12)
    }

    @Test func unknownGroupingNamesTheValue() {
        #expect(throws: CoreError(.invalid, "grouping 'week' is not one of kind, field, procedure, desk, day, month")) {
            try ReportGrouping(parsing: "week")
        }
        #expect(ReportGrouping.kind.label(for: "le_phi", name: nil) == "Lệ phí")
        #expect(ReportGrouping.month.label(for: "2021-03", name: nil) == "03/2021")
        #expect(ReportGrouping.desk.label(for: "", name: nil) == "(không ghi quầy)")
    }

    @Test func rowsEncodeWithTheStableKeys() throws {
        let row = CashlessRow(key: "phi", label: "Phí", figures: CashlessFigures(dossiers: 3, cashCount: 2, cashAmount: Money(dong: 20_000),
                                                                                 cashlessCount: 1, cashlessAmount: Money(dong: 10_000)))
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(row)) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == ["key", "label", "dossiers", "cashCount", "cashAmount", "cashlessCount", "cashlessAmount",
                                                     "totalAmount", "cashlessShareAmount", "cashlessShareCount"])
        #expect(object?["totalAmount"] as? Int == 30_000)
        #expect(object?["cashlessShareAmount"] as? Double == 0.3333)
    }
}
