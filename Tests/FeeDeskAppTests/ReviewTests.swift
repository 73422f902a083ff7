@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation
import Testing

@Suite struct ReviewTests {
    /// The demo with all three sample statements imported.
    static func imported() throws -> (AppFixture, FeeDesk) {
        let (fixture, app) = try StatementImportTests.demo()
        for (name, profile) in [(StatementImportTests.csv, "vietcombank"), (StatementImportTests.mt940, nil), (StatementImportTests.camt, nil)] {
            _ = try app.importStatement(StatementImportTests.upload(name, profile: profile), by: "test")
        }
        return (fixture, app)
    }

    static func item(_ app: FeeDesk, memo: String) throws -> ReviewItem {
        try #require(try app.reviewQueue().first { $0.memo.contains(memo) })
    }

    @Test func queueListsWhatNeedsAnAccountantWithSuggestions() throws {
        let (_, app) = try Self.imported()
        let queue = try app.reviewQueue()
        #expect(queue.map(\.outcome) == [.overpaid, .duplicate, .unmatched, .unmatched, .unmatched, .duplicate])
        let typo = try Self.item(app, memo: "HS00001557")
        #expect(typo.suggestions.first?.dossier == "000.06.16.G09-261117-0005")
        #expect(typo.suggestions.first?.score == 0.95)
        #expect(try app.reviewQueue(date: LocalDate(parsing: "2026-11-18")).count == 1)
        // Suggestions are never applied by themselves.
        #expect(try app.dossier(code: "000.06.16.G09-261117-0005").status == .unpaid)
    }

    @Test func assignRefundIgnoreAndUndoAreRecorded() throws {
        let (_, app) = try Self.imported()
        let typo = try Self.item(app, memo: "HS00001557")
        let assigned = try app.assign(credit: typo.credit, to: "000.06.16.G09-261117-0005", amount: nil, reason: "payer typed 7 for 6", by: "user:ke-toan")
        #expect(assigned.outcome == .matched)
        #expect(assigned.issue.hasPrefix("Đã xử lý (settled) — Khớp (matched)"), "\(assigned.issue)")
        #expect(try app.dossier(code: "000.06.16.G09-261117-0005").status == .paid)
        let cashDeposit = try Self.item(app, memo: "Nop tien mat")
        let ignored = try app.ignore(credit: cashDeposit.credit, reason: "cash deposit of 17/11", by: "user:ke-toan")
        #expect(ignored.outcome == .ignored)
        #expect(ignored.issue.hasPrefix("Đã xử lý (settled) — Không phải phí (ignored)") && !ignored.issue.contains("callback"), "\(ignored.issue)")
        let stray = try Self.item(app, memo: "chuyen tien le phi ho so")
        let refunded = try app.markRefund(credit: stray.credit, reason: "no dossier; payer asked for it back", by: "user:ke-toan")
        #expect(refunded.outcome == .refund && refunded.owedBack == Money(dong: 50_000))
        let overpaid = try Self.item(app, memo: "CT nhanh 247")
        #expect(try app.markRefund(credit: overpaid.credit, reason: "refund the excess", by: "user:ke-toan").owedBack == Money(dong: 10_000))
        // Undo the assignment: the dossier is unpaid again and the credit waits again.
        let actionID = try app.database.read { try $0.queryOne("SELECT id FROM review_action WHERE action = 'assign'") { $0.int64(0) } }
        let undone = try app.undoReview(action: try #require(actionID), reason: "wrong dossier", by: "user:ke-toan")
        #expect(undone.outcome == .unmatched)
        #expect(try app.dossier(code: "000.06.16.G09-261117-0005").status == .unpaid)
        let journal = try app.database.read { connection in
            try connection.query("SELECT action, actor, details FROM audit WHERE action LIKE 'review.%' ORDER BY seq") {
                "\($0.text(0) ?? "") \($0.text(1) ?? "") \($0.text(2) ?? "")"
            }
        }
        #expect(journal.count == 5)
        #expect(journal.allSatisfy { $0.contains("user:ke-toan") && $0.contains("\"reason\":") })
        #expect(try app.verifyAudit().rows > 0)
    }

    /// Refused actions say why and change nothing.
    @Test func refusedActionsChangeNothing() throws {
        let (_, app) = try Self.imported()
        let typo = try Self.item(app, memo: "HS00001557")
        let duplicate = try Self.item(app, memo: "HS00000198 (CT1111)")
        _ = try app.markRefund(credit: duplicate.credit, reason: "paid twice", by: "t")
        _ = try app.assign(credit: typo.credit, to: "000.06.16.G09-261117-0005", amount: Money(dong: 40_000), reason: "part", by: "t")
        let action = try #require(try app.database.read { try $0.queryOne("SELECT MAX(id) FROM review_action") { $0.int64(0) } })
        _ = try app.undoReview(action: action, reason: "oops", by: "t")
        let before = try LedgerSnapshot(app)
        let attempts: [(String, () throws -> Any)] = [
            ("assigning 200.000 ₫ is more than the 100.000 ₫ of credit #\(typo.credit) not yet counted for a dossier",
             { try app.assign(credit: typo.credit, to: "000.06.16.G09-261117-0005", amount: Money(dong: 200_000), reason: "x", by: "t") }),
            ("no dossier has the code 'NOPE'", { try app.assign(credit: typo.credit, to: "NOPE", amount: nil, reason: "x", by: "t") }),
            ("dossier '000.06.16.G09-261116-0001' is already paid",
             { try app.assign(credit: typo.credit, to: "000.06.16.G09-261116-0001", amount: nil, reason: "x", by: "t") }),
            ("credit #\(duplicate.credit) is already marked for refund", { try app.markRefund(credit: duplicate.credit, reason: "again", by: "t") }),
            ("action \(action) is already undone", { try app.undoReview(action: action, reason: "again", by: "t") }),
            ("a reason is required for every review action", { try app.ignore(credit: typo.credit, reason: " ", by: "t") }),
            ("no credit has the number 999", { try app.ignore(credit: 999, reason: "x", by: "t") }),
            ("no review action has the number 999", { try app.undoReview(action: 999, reason: "x", by: "t") }),
        ]
        for (message, attempt) in attempts {
            do {
                _ = try attempt()
                Issue.record("accepted: \(message)")
            } catch {
                #expect("\(error)" == message + ".")
            }
        }
        #expect(try LedgerSnapshot(app) == before)
    }

    @Test func aCreditForADossierNotYetRegisteredMatchesWhenItIs() throws {
        let (fixture, app) = try StatementImportTests.demo()
        let next = try PaymentReference(sequence: 51, format: .standard).text
        let statement = """
        :20:X\r\n:25:0071000123456\r\n:28C:1/1\r\n:60F:C261121VND1000,\r\n:61:2611221122C75000,NTRFNONREF//FT9\r\n:86:\(next) nop phi\r\n:62F:C261122VND76000,\r\n-
        """
        let report = try app.importStatement(StatementUpload(data: Data(statement.utf8), fileName: "early.sta"), by: "test")
        #expect(report.outcomes.unmatched == 1)
        let detail = try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0001", procedure: "XD.GPXD.NHA"), by: "test")
        #expect(detail.reference == next)
        #expect(detail.status == .paid)
        _ = fixture
    }
}
