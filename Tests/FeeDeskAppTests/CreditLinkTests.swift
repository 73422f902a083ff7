@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation
import Testing

/// One transfer reported by a callback and by a statement line is one credit, in either order.
@Suite struct CreditLinkTests {
    static let day = LocalDate(year: 2026, month: 11, day: 22)!

    @Test func callbackThenStatementWithTheSameReferenceIsOneCredit() throws {
        var bed = try CreditLinkBed()
        let reference = try bed.dossier(1)
        let callback = try bed.callback(id: "FT26326000001", amount: 10_000, memo: "MBVCB.1.\(reference) nop phi.CT tu 0123 NGUYEN VAN AN")
        #expect(callback.outcome == .matched)
        let report = try bed.statement([("09:15:40", "FT26326000001", 10_000, "MBVCB.1.\(reference) nop phi.CT tu 0123 NGUYEN VAN AN")])
        #expect(report.confirmedCallbacks == 1 && report.callbackConflicts == 0)
        #expect(report.new == 1 && report.credits == 1)
        // The confirmed credit keeps the outcome the callback got, and the report still covers every line.
        #expect(report.outcomes.matched == 1 && report.outcomeAmounts.values.reduce(0, +) == report.creditTotal)
        let credits = try bed.credits()
        #expect(credits.count == 1)
        #expect(credits.first?.id == callback.creditID)
        #expect(credits.first?.source == "both" && credits.first?.provider == "FT26326000001" && credits.first?.line != nil)
        #expect(try bed.allocated() == [CreditLinkBed.code(1): 10_000])
        let day = try bed.app.reconcile(date: Self.day)
        #expect(day.creditCount == 1 && day.creditTotal == Money(dong: 10_000))
        #expect(day.outcomes["matched"] == OutcomeTotal(count: 1, amount: Money(dong: 10_000)))
        #expect(day.exceptions.isEmpty, "\(day.exceptions)")
        #expect(day.blockers.isEmpty, "\(day.blockers)")
    }

    @Test func statementThenCallbackWithTheSameReferenceIsOneCredit() throws {
        var bed = try CreditLinkBed()
        let reference = try bed.dossier(1)
        try bed.statement([("09:15:40", "FT26326000002", 10_000, "\(reference) nop phi")])
        let before = try bed.credits()
        #expect(before.map(\.source) == ["statement"] && before.map(\.outcome) == ["matched"])
        let callback = try bed.callback(id: "FT26326000002", amount: 10_000, memo: "\(reference) nop phi")
        #expect(callback.creditID == before.first?.id && callback.outcome == nil && !callback.duplicate)
        let after = try bed.credits()
        #expect(after.count == 1 && after.first?.source == "both" && after.first?.provider == "FT26326000002")
        #expect(try bed.allocated() == [CreditLinkBed.code(1): 10_000])
        let day = try bed.app.reconcile(date: Self.day)
        #expect(day.creditCount == 1 && day.creditTotal == Money(dong: 10_000) && day.blockers.isEmpty)
    }

    /// Without a shared reference: same account, amount and memo (case and separators aside) with
    /// booking times within the window link; the same transfer an hour later does not.
    @Test func withoutASharedReferenceTheWindowDecides() throws {
        var bed = try CreditLinkBed()
        let one = try bed.dossier(1), two = try bed.dossier(2)
        let first = try bed.callback(id: "payos-7781", amount: 10_000, memo: "\(one) nop phi ho so", bookedAt: "2026-11-22T09:15:00+07:00")
        // A second transfer with the same memo and amount, an hour after the statement line: not the same.
        let late = try bed.callback(id: "payos-7782", amount: 10_000, memo: "\(two) nop phi", bookedAt: "2026-11-22T11:20:00+07:00")
        let report = try bed.statement([
            ("09:16:10", "5202.261122", 10_000, "\(one.lowercased()) NOP-PHI.ho so"),
            ("10:05:00", "5203.261122", 10_000, "\(two) nop phi"),
        ])
        #expect(report.confirmedCallbacks == 1)
        let credits = try bed.credits()
        #expect(credits.count == 3)
        #expect(credits.first { $0.id == first.creditID }?.source == "both")
        #expect(credits.first { $0.id == late.creditID }?.source == "callback")
        // The unconfirmed one paid dossier 2 first, so its statement line is a duplicate owed back.
        #expect(credits.filter { $0.source == "statement" }.map(\.outcome) == ["duplicate"])
        let day = try bed.app.reconcile(date: Self.day)
        #expect(day.creditCount == 3)
        #expect(day.exceptions.contains { $0.kind == "unconfirmed_callback" && $0.credit == late.creditID })
    }

    @Test func withoutASharedReferenceTheStatementMayComeFirst() throws {
        var bed = try CreditLinkBed()
        let reference = try bed.dossier(1)
        try bed.statement([("09:16:10", "5202.261122", 10_000, "CT nhanh 247 den: \(reference) NGUYEN VAN AN")])
        let statementCredit = try #require(try bed.credits().first)
        // Too far from the statement's booking time: a different transfer.
        let far = try bed.callback(id: "sepay-1", amount: 10_000, memo: "CT nhanh 247 den: \(reference) NGUYEN VAN AN",
                                   bookedAt: "2026-11-22T07:00:00+07:00")
        #expect(far.creditID != statementCredit.id)
        let near = try bed.callback(id: "sepay-2", amount: 10_000, memo: "ct nhanh 247 den \(reference) nguyen van an",
                                    bookedAt: "2026-11-22T09:15:30+07:00")
        #expect(near.creditID == statementCredit.id)
        #expect(try bed.credits().map(\.source) == ["both", "callback"])
    }

    /// Date-only statements (MT940-style) link by date, a day either way.
    @Test func aDateOnlyStatementLinksWithinADay() throws {
        var bed = try CreditLinkBed()
        let reference = try bed.dossier(1)
        let callback = try bed.callback(id: "vcb-1", amount: 10_000, memo: "\(reference)", bookedAt: "2026-11-21T23:50:00+07:00")
        try bed.statement([("", "5202.261122", 10_000, reference)])
        let credits = try bed.credits()
        #expect(credits.count == 1 && credits.first?.id == callback.creditID && credits.first?.source == "both")
        // The statement's booking date counts: the credit moved to the 22nd.
        #expect(try bed.app.reconcile(date: Self.day).creditCount == 1)
        #expect(try bed.app.reconcile(date: Self.day.adding(days: -1)).creditCount == 0)
    }

    /// A callback that said another amount than its statement line: one credit, the statement's
    /// amount, matched again; the disagreement is kept and blocks closing unless forced.
    @Test func anAmountDisagreementIsOneCreditAndAnException() throws {
        var bed = try CreditLinkBed()
        let reference = try bed.dossier(1)
        let callback = try bed.callback(id: "FT26326000009", amount: 10_000, memo: "\(reference) nop phi")
        #expect(callback.outcome == .matched)
        let report = try bed.statement([("09:15:40", "FT26326000009", 8_000, "\(reference) nop phi")])
        #expect(report.confirmedCallbacks == 1 && report.callbackConflicts == 1)
        #expect(report.outcomes.underpaid == 1 && report.outcomeAmounts == ["underpaid": 8_000])
        let credits = try bed.credits()
        #expect(credits.count == 1 && credits.first?.amount == 8_000 && credits.first?.source == "both")
        #expect(credits.first?.outcome == "underpaid")
        #expect(try bed.allocated() == [CreditLinkBed.code(1): 8_000])
        #expect(try bed.app.dossier(code: CreditLinkBed.code(1)).status == .partiallyPaid)
        // Durable: another process sees it.
        let other = try bed.fixture.app(at: CreditLinkBed.now)
        let day = try other.reconcile(date: Self.day)
        #expect(day.creditTotal == Money(dong: 8_000) && day.creditCount == 1)
        let exception = try #require(day.exceptions.first { $0.kind == "callback_mismatch" })
        #expect(exception.credit == callback.creditID && exception.amount == Money(dong: 8_000))
        #expect(exception.message == "credit #\(callback.creditID ?? 0): the callback FT26326000009 reported 10.000 ₫ but the statement shows 8.000 ₫; "
            + "the statement's figures are counted: check the callback with the partner, then close the day with a reason")
        #expect(day.blockers.contains("1 callback(s) of 2026-11-22 disagree with the statement line of the same transfer"))
        #expect(throws: CoreError.self) { try other.closeDay(date: Self.day, by: "user:ke-toan") }
        #expect(try other.reviewQueue(date: Self.day).isEmpty, "an underpaid credit owes nothing back and needs no review")
        let closed = try other.closeDay(date: Self.day, force: true, reason: "partner confirmed 8.000 ₫", by: "user:ke-toan")
        #expect(closed.closed)
    }

    /// A statement that corrects a callback's amount and pays the same dossier again on another line:
    /// the matcher counts the dossier as the correction left it (the callback's allocation given back),
    /// whether the import read every dossier while its first pass ran (a small table) or looked the
    /// named ones up after it (2,000 dossiers more, none named).
    @Test(arguments: [0, 2_000])
    func anotherLineSeesTheAllocationTheCorrectionGaveBack(unnamedDossiers: Int) throws {
        var bed = try CreditLinkBed()
        if unnamedDossiers > 0 { try Benchmarks.registerDossiers(bed.app, count: unnamedDossiers) }
        let reference = try bed.dossier(1)
        #expect(try bed.callback(id: "FT26326000009", amount: 10_000, memo: "\(reference) nop phi").outcome == .matched)
        let report = try bed.statement([("09:15:40", "FT26326000009", 8_000, "\(reference) nop phi"),
                                        ("10:00:00", "FT26326000010", 10_000, "\(reference) nop lai")])
        #expect(report.confirmedCallbacks == 1 && report.callbackConflicts == 1)
        // The new line pays the whole fee; the corrected callback credit, matched again after it, is a duplicate.
        #expect(report.outcomeAmounts == ["matched": 10_000, "duplicate": 8_000])
        #expect(try bed.allocated() == [CreditLinkBed.code(1): 10_000])
    }

    @Test func anAmountDisagreementWhenTheStatementCameFirst() throws {
        var bed = try CreditLinkBed()
        let reference = try bed.dossier(1)
        try bed.statement([("09:15:40", "FT26326000010", 8_000, "\(reference) nop phi")])
        let callback = try bed.callback(id: "FT26326000010", amount: 10_000, memo: "\(reference) nop phi")
        let credits = try bed.credits()
        #expect(credits.count == 1 && credits.first?.id == callback.creditID && credits.first?.amount == 8_000)
        #expect(try bed.allocated() == [CreditLinkBed.code(1): 8_000])
        let day = try bed.app.reconcile(date: Self.day)
        #expect(day.exceptions.map(\.kind) == ["callback_mismatch"])
        #expect(day.creditCount == 1)
    }

    /// The same reference on the statement of another collection account than the partner's.
    @Test func anAccountDisagreementIsListedOnBothAccounts() throws {
        var bed = try CreditLinkBed(config: CreditLinkBed.twoAccounts)
        let reference = try bed.dossier(1)
        let callback = try bed.callback(id: "FT26326000011", amount: 10_000, memo: "\(reference) nop phi")
        try bed.statement([("09:15:40", "FT26326000011", 10_000, "\(reference) nop phi")], account: "0099000111222")
        let credits = try bed.credits()
        #expect(credits.count == 1 && credits.first?.account == "second" && credits.first?.id == callback.creditID)
        for account in ["main", "second"] {
            let day = try bed.app.reconcile(date: Self.day, account: account)
            let exception = try #require(day.exceptions.first { $0.kind == "callback_mismatch" }, "\(account)")
            #expect(exception.message.contains("was for account main but the statement line is on account second"))
        }
        #expect(try bed.app.reconcile(date: Self.day, account: "main").creditCount == 0)
        #expect(try bed.app.reconcile(date: Self.day, account: "second").creditCount == 1)
        // Amounts agreed: the matcher's allocation stands.
        #expect(try bed.allocated() == [CreditLinkBed.code(1): 10_000])
    }

    /// A re-imported file and a repeated callback change nothing more.
    @Test func repeatsChangeNothing() throws {
        var bed = try CreditLinkBed()
        let reference = try bed.dossier(1)
        try bed.callback(id: "FT26326000012", amount: 10_000, memo: reference)
        try bed.statement([("09:15:40", "FT26326000012", 10_000, reference)])
        let once = try bed.credits()
        try bed.callback(id: "FT26326000012", amount: 10_000, memo: reference)
        try bed.statement([("09:15:40", "FT26326000012", 10_000, reference)]) // another file, the same line
        #expect(try bed.credits().map(\.id) == once.map(\.id))
        #expect(try bed.app.reconcile(date: Self.day).creditCount == 1)
    }
}
