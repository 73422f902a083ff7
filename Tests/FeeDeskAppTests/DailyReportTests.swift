@testable import FeeDeskApp
import FeeDeskCore
import Foundation
import Testing

/// The daily reconciliation report's figures: every table adds up to its independently read total to
/// the đồng, cash by cashier with receipt ranges and voids, the close record, refusals.
@Suite struct DailyReportTests {
    /// The demo's cash receipts (Samples/demo/cash.json) per business date: count and sum, read from the file.
    static func sampleCash() throws -> [String: (count: Int, amount: Int64)] {
        let data = try Data(contentsOf: AppFixture.repository.appendingPathComponent("Samples/demo/cash.json"))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        var byDay: [String: (count: Int, amount: Int64)] = [:]
        for row in rows {
            let day = String(try #require(row["at"] as? String).prefix(10))
            byDay[day, default: (0, 0)].count += 1
            byDay[day, default: (0, 0)].amount += Int64(try #require(row["amount"] as? Int))
        }
        return byDay
    }

    @Test func everyTableAddsUpToTheDongOnEveryDemoDay() throws {
        let (_, app) = try ReviewTests.imported()
        let cash = try Self.sampleCash()
        #expect(!cash.isEmpty)
        for text in DayCloseTests.days {
            let date = try LocalDate(parsing: text)
            let report = try app.dailyReport(date: date)
            // The outcome table adds up to every credit of the day, read on its own, and to the statement's credits.
            #expect(report.checks == DailyReport.Checks(balance: true, outcomes: true, debitOutcomes: true, cash: true), "\(text)")
            #expect(report.outcomeRows.map(\.total.amount).sum() == report.credits.amount, "\(text)")
            #expect(report.outcomeRows.map(\.total.count).reduce(0, +) == report.credits.count, "\(text)")
            #expect(report.credits.amount == report.statementCredits.amount + report.callbackOnlyCredits.amount, "\(text)")
            #expect(report.credits.amount.isPositive, "\(text)")
            // The balance: opening + statement credits − statement debits = closing.
            let opening = try #require(report.day.opening), closing = try #require(report.day.closing)
            #expect(opening + report.statementCredits.amount - report.statementDebits.amount == closing, "\(text)")
            #expect(report.debitRows.map(\.total.amount).sum() == report.statementDebits.amount, "\(text)")
            // Cash by cashier adds up to the day's cash, which is what the sample file holds for that day.
            #expect(report.cash.cashiers.map(\.amount).sum() == report.cash.amount, "\(text)")
            #expect(report.cash.cashiers.map(\.count).reduce(0, +) == report.cash.count, "\(text)")
            #expect(report.cash.amount == Money(dong: cash[text]?.amount ?? 0), "\(text)")
            #expect(report.cash.count == cash[text]?.count ?? 0, "\(text)")
            // Exceptions: the summary covers each one once and sums their amounts.
            #expect(report.exceptionSummary.map(\.count).reduce(0, +) == report.exceptions.count, "\(text)")
            #expect(report.exceptionSummary.map(\.amount).sum() == report.exceptions.compactMap(\.amount).sum(), "\(text)")
        }
    }

    @Test func cashIsByCashierWithReceiptRangesAndVoidsListedApart() throws {
        let (_, app) = try StatementImportTests.demo()
        let day = try LocalDate(parsing: "2026-11-16")
        let before = try app.dailyReport(date: day)
        let first = try #require(before.cash.cashiers.first)
        _ = try app.voidCash(receipt: first.firstReceipt, reason: "ghi nhầm <số tiền>", by: "test")
        let after = try app.dailyReport(date: day)
        #expect(after.cash.amount == before.cash.amount - (after.cash.voided.first?.amount ?? .zero))
        #expect(after.cash.count == before.cash.count - 1)
        #expect(after.cash.voided.map(\.receipt) == [first.firstReceipt])
        #expect(after.cash.voided.first?.reason == "ghi nhầm <số tiền>" && after.cash.voidedCount == 1)
        #expect(after.checks.cash)
        let cashier = try #require(after.cash.cashiers.first { $0.cashier == first.cashier })
        #expect(cashier.firstReceipt != first.firstReceipt && cashier.lastReceipt == first.lastReceipt && cashier.count == first.count - 1)
        let html = String(decoding: try after.rendered(.html), as: UTF8.self)
        #expect(html.contains("ghi nhầm &lt;số tiền&gt;") && !html.contains("<số tiền>"))
    }

    /// Receipt numbers sort as numbers when they are digits of different lengths (9 before 10).
    @Test func receiptRangesSortNumbers() throws {
        let (_, app) = try CashUseCaseTests.prepared()
        for (receipt, amount) in [("9", 25_000), ("10", 25_000), ("11", 25_000)] {
            _ = try app.recordCash(NewCashPayment(dossierCode: "000.06.16.G09-261122-0001", amount: Money(dong: Int64(amount)), receipt: receipt,
                                                  cashier: "Lý Thị Mai"), by: "test")
        }
        let report = try app.dailyReport(date: LocalDate(parsing: "2026-11-22"))
        let cashier = try #require(report.cash.cashiers.first)
        #expect((cashier.cashier, cashier.firstReceipt, cashier.lastReceipt, cashier.count) == ("Lý Thị Mai", "9", "11", 3))
        #expect(cashier.amount == Money(dong: 75_000) && report.cash.amount == Money(dong: 75_000))
        // No statement covers the day: the report says so and nothing adds up to a balance.
        #expect(report.statement == nil && report.day.opening == nil && !report.checks.balance)
        #expect(report.exceptions.map(\.kind) == ["statement_missing"])
    }

    @Test func aClosedDayShowsWhoClosedItAndWhen() throws {
        let (_, app) = try ReviewTests.imported()
        let day = try LocalDate(parsing: "2026-11-19")
        #expect(try app.dailyReport(date: day).closing == nil)
        _ = try app.closeDay(date: day, by: "user:ke-toan")
        let report = try app.dailyReport(date: day)
        #expect(report.closing?.closedBy == "user:ke-toan" && report.closing?.closedAt == "2026-11-22T09:00:00+07:00")
        #expect(report.closingText == "Đã khoá sổ bởi ke-toan lúc 09:00 ngày 22/11/2026.")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try report.rendered(.json))) as? [String: Any])
        #expect(object["closed"] as? Bool == true && object["closedBy"] as? String == "user:ke-toan")
        #expect(object["statement"] as? [String: String] == ["from": "2026-11-19", "to": "2026-11-19", "balance": "balanced"])
    }

    @Test func anUnknownAccountIsRefused() throws {
        let (_, app) = try StatementImportTests.demo()
        #expect(throws: CoreError(.notFound, "account 'other' is not a configured collection account")) {
            try app.dailyReport(date: LocalDate(parsing: "2026-11-16"), account: "other")
        }
    }
}
