@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation
import Testing

/// The cash-vs-cashless report over the town's year reproduces the public figures to the đồng.
@Suite struct CashlessReportTests {
    static func townApp() throws -> (FeeDesk, TownYear) {
        let fixture = try AppFixture(fees: TownYear.fees)
        let app = try fixture.app()
        let year = try TownYear.write(into: app)
        return (app, year)
    }

    static let year2021 = try? ReportPeriod(from: LocalDate(parsing: "2021-01-01"), to: LocalDate(parsing: "2021-12-31"))

    static func figures(_ expected: TownYear.Expected) -> CashlessFigures {
        CashlessFigures(dossiers: Int64(expected.dossiers.count), cashCount: expected.cashCount, cashAmount: Money(dong: expected.cashAmount),
                        cashlessCount: expected.cashlessCount, cashlessAmount: Money(dong: expected.cashlessAmount))
    }

    @Test func theTownsYearReportsThePublicFigures() throws {
        let (app, year) = try Self.townApp()
        let period = try #require(Self.year2021)
        let report = try app.cashVsCashlessReport(period, by: .field)
        #expect(report.totals.totalAmount == Money(dong: 594_462_000))
        #expect(report.totals.cashlessAmount == Money(dong: 12_562_000))
        #expect(report.totals.cashAmount == Money(dong: 581_900_000))
        #expect(report.totals.cashlessShareAmount.description == "0.0211")
        #expect(report.totals.cashlessShareAmount.percent == "2.11%")
        #expect(report.groups.count == 8)
        #expect(report.groups.map(\.key) == ["An toàn thực phẩm", "Chứng thực", "Công thương", "Đăng ký kinh doanh", "Đất đai", "Hộ tịch",
                                              "Văn hóa – Thông tin", "Xây dựng"])
        #expect(year.splitDossiers > 0)
        // Every group, and the totals, exactly as the ledger says.
        #expect(report.totals == Self.figures(year.all))
        for row in report.groups {
            #expect(row.figures == Self.figures(try #require(year.byField[row.key])), "field \(row.key)")
        }
        // Groups add up to the totals, to the đồng.
        let sum = report.groups.reduce(CashlessFigures.zero) { $0 + $1.figures }
        #expect(sum == report.totals)
        // The trend is monthly over a year, and its months add up too.
        #expect(report.trend.unit == .month && report.trend.points.count == 12)
        let trendSum = report.trend.points.reduce(CashlessFigures.zero) { $0 + $1.figures }
        #expect(trendSum.totalAmount == report.totals.totalAmount && trendSum.cashlessCount == report.totals.cashlessCount)
    }

    @Test(arguments: [ReportGrouping.kind, .desk, .month, .procedure, .day])
    func everyGroupingAddsUpToTheSameTotals(_ grouping: ReportGrouping) throws {
        let (app, year) = try Self.townApp()
        let report = try app.cashVsCashlessReport(try #require(Self.year2021), by: grouping)
        #expect(report.totals == Self.figures(year.all))
        let sum = report.groups.reduce(CashlessFigures.zero) { $0 + $1.figures }
        #expect(sum.cashAmount == report.totals.cashAmount && sum.cashlessAmount == report.totals.cashlessAmount)
        #expect(sum.cashCount == report.totals.cashCount && sum.cashlessCount == report.totals.cashlessCount)
        let expected: [String: TownYear.Expected]?
        switch grouping {
        case .kind: expected = year.byKind
        case .desk: expected = year.byDesk
        case .month: expected = year.byMonth
        default: expected = nil
        }
        if let expected {
            #expect(Set(report.groups.map(\.key)) == Set(expected.keys))
            for row in report.groups { #expect(row.figures == Self.figures(try #require(expected[row.key])), "\(grouping) \(row.key)") }
        }
        if grouping == .kind { #expect(report.groups.map(\.key) == ["phi", "le_phi"]) }
        // A dossier paid in two months counts in each month but once in the totals.
        if grouping == .month { #expect(sum.dossiers >= report.totals.dossiers) } else if grouping != .day { #expect(sum.dossiers == report.totals.dossiers) }
    }

    /// Partial ranges combine whole months with the days at either end; a change after a report is seen
    /// by the next one.
    @Test func partialRangesAndLaterChangesStayExact() throws {
        let (app, _) = try Self.townApp()
        let period = try ReportPeriod(from: LocalDate(parsing: "2021-03-17"), to: LocalDate(parsing: "2021-08-09"))
        let report = try app.cashVsCashlessReport(period, by: .kind)
        let direct = try app.database.read { connection in
            try connection.queryOne("""
                SELECT (SELECT COALESCE(SUM(amount), 0) FROM cash_payment WHERE voided_at IS NULL AND business_date BETWEEN ?1 AND ?2),
                       (SELECT COALESCE(SUM(a.amount), 0) FROM allocation a JOIN credit c ON c.id = a.credit_id
                        WHERE a.reversed_at IS NULL AND c.booking_date BETWEEN ?1 AND ?2),
                       (SELECT COUNT(DISTINCT dossier_id) FROM (SELECT dossier_id FROM cash_payment WHERE voided_at IS NULL AND business_date BETWEEN ?1 AND ?2
                        UNION ALL SELECT a.dossier_id FROM allocation a JOIN credit c ON c.id = a.credit_id
                        WHERE a.reversed_at IS NULL AND c.booking_date BETWEEN ?1 AND ?2))
                """, "2021-03-17", "2021-08-09") { row in (row.int64(0), row.int64(1), row.int64(2)) }
        }
        #expect(report.totals.cashAmount.dong == direct?.0 && report.totals.cashlessAmount.dong == direct?.1)
        #expect(report.totals.dossiers == direct?.2)
        // Void one cash receipt inside the range: the next report drops it.
        let receipt = try #require(try app.database.read { connection in
            try connection.queryOne("SELECT receipt_no, amount FROM cash_payment WHERE voided_at IS NULL AND business_date = '2021-05-04' LIMIT 1") { row in
                (row.text(0) ?? "", row.int64(1))
            }
        })
        _ = try app.voidCash(receipt: receipt.0, reason: "kiểm tra", by: "test")
        let after = try app.cashVsCashlessReport(period, by: .kind)
        #expect(after.totals.cashAmount.dong == report.totals.cashAmount.dong - receipt.1)
        #expect(after.totals.cashlessAmount == report.totals.cashlessAmount)
    }

    @Test func aShortRangeTrendsByDayWithEmptyDaysIncluded() throws {
        let (app, _) = try Self.townApp()
        let period = try ReportPeriod(from: LocalDate(parsing: "2021-02-01"), to: LocalDate(parsing: "2021-02-28"))
        let report = try app.cashVsCashlessReport(period, by: .day)
        #expect(report.trend.unit == .day && report.trend.points.count == 28)
        #expect(report.trend.points.map(\.key).first == "2021-02-01")
        let withPayments = report.trend.points.filter { $0.figures.totalCount > 0 }
        #expect(withPayments.map(\.figures) == report.groups.map(\.figures))
    }

    /// The demo data, entered through the use cases (cash receipts, statement import and matching),
    /// gives the same sums as the dossiers' own payment lists.
    @Test func demoDataMatchesTheDossiersPayments() throws {
        let (_, app) = try StatementImportTests.demo()
        _ = try app.importStatement(StatementImportTests.upload(StatementImportTests.csv), by: "test")
        let report = try app.cashVsCashlessReport(try ReportPeriod(from: LocalDate(parsing: "2026-01-01"), to: LocalDate(parsing: "2026-12-31")), by: .procedure)
        let payments = try app.dossiers().flatMap { $0.payments }
        let cash = payments.filter { $0.source == .cash }, cashless = payments.filter { $0.source == .cashless }
        #expect(report.totals.cashAmount == cash.map(\.amount).sum() && report.totals.cashCount == Int64(cash.count))
        #expect(report.totals.cashlessAmount == cashless.map(\.amount).sum() && report.totals.cashlessCount == Int64(cashless.count))
        #expect(report.totals.cashlessCount > 0)
        #expect(report.totals.dossiers == Int64(try app.dossiers().filter { !$0.payments.isEmpty }.count))
    }
}
