@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation
import Testing

@Suite struct DayCloseTests {
    static let days = ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"]

    /// On every reconciled day of the demo data the outcome sums equal the credit total to the đồng, and
    /// the day's balances chain from one day to the next.
    @Test func outcomeSumsEqualCreditTotalsEveryDay() throws {
        let (_, app) = try ReviewTests.imported()
        var previousClosing: Money?
        for text in Self.days {
            let day = try app.reconcile(date: LocalDate(parsing: text))
            #expect(day.outcomes.values.map(\.amount).sum() == day.creditTotal, "\(text)")
            #expect(day.outcomes.values.map(\.count).reduce(0, +) == day.creditCount)
            #expect(day.balanceOk, "\(text): \(day.blockers)")
            let opening = try #require(day.opening)
            let closing = try #require(day.closing)
            #expect(opening + day.creditTotal - day.debitTotal == closing, "\(text)")
            if let previousClosing { #expect(opening == previousClosing, "\(text)") }
            previousClosing = closing
        }
        #expect(previousClosing == Money(dong: 13_553_000))
        let missing = try app.reconcile(date: LocalDate(parsing: "2026-11-21"))
        #expect(missing.blockers == ["no imported statement of account main covers 2026-11-21"])
    }

    @Test func closingIsRefusedWhileItemsAreOpenThenImmutable() throws {
        let (_, app) = try ReviewTests.imported()
        let day = try LocalDate(parsing: "2026-11-19")
        #expect(try app.reconcile(date: day).blockers.isEmpty)
        let sixteenth = try LocalDate(parsing: "2026-11-16")
        #expect(throws: CoreError(.conflict, "day 2026-11-16 of account main cannot be closed: 3 credit(s) of 2026-11-16 still need review")) {
            try app.closeDay(date: sixteenth, by: "user:ke-toan")
        }
        // Resolve the day's three items, then it closes.
        for item in try app.reviewQueue(date: sixteenth) {
            if item.outcome == .unmatched {
                _ = try app.ignore(credit: item.credit, reason: "transfer from the centre's own account", by: "user:ke-toan")
            } else {
                _ = try app.markRefund(credit: item.credit, reason: "refund what is owed", by: "user:ke-toan")
            }
        }
        let closed = try app.closeDay(date: sixteenth, by: "user:ke-toan")
        #expect(closed.closed && closed.closedBy == "user:ke-toan")
        // A closed day cannot change, nor be closed twice.
        let credit = try #require(try app.database.read { try $0.queryOne("SELECT id FROM credit WHERE booking_date = '2026-11-16' AND outcome = 'ignored'") { $0.int64(0) } })
        let action = try #require(try app.database.read { try $0.queryOne("SELECT MAX(id) FROM review_action WHERE credit_id = ?", credit) { $0.int64(0) } })
        #expect(throws: CoreError(.conflict, "day 2026-11-16 of account main is closed; record the change on an open day as an adjustment")) {
            try app.undoReview(action: action, reason: "changed my mind", by: "t")
        }
        #expect(throws: CoreError.self) { try app.closeDay(date: sixteenth, by: "t") }
        #expect(try app.verifyAudit().rows > 0)
    }

    @Test func forceNeedsAReasonAndIsRecorded() throws {
        let (_, app) = try ReviewTests.imported()
        let day = try LocalDate(parsing: "2026-11-17")
        #expect(throws: CoreError(.invalid, "closing a day with --force needs a reason")) { try app.closeDay(date: day, force: true, by: "t") }
        let closed = try app.closeDay(date: day, force: true, reason: "bank confirms the typo credit tomorrow", by: "user:ke-toan")
        #expect(closed.closed)
        let forced = try app.database.read { try $0.queryOne("SELECT forced_reason FROM day_close") { $0.text(0) } }
        #expect(forced == "bank confirms the typo credit tomorrow")
    }
}
