@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation
import Testing

@Suite struct RegisterImportTests {
    static func register(_ count: Int, changed: Set<Int> = []) -> Data {
        var text = "Mã hồ sơ,Mã thủ tục,Người nộp,Số tiền,Quầy,Ngày tiếp nhận\r\n"
        for index in 0..<count {
            let day = 1 + index / 9_000 % 28
            let amount = changed.contains(index) ? 20_000 : 10_000
            text += "000.06.16.G09-2611\(day < 10 ? "0" : "")\(day)-\(String(format: "%05d", index % 9_000 + 1)),CT.CHUKY,Người nộp \(index),\(amount),Q\(index % 3 + 1),2026-11-\(day < 10 ? "0" : "")\(day)T09:00:00+07:00\r\n"
        }
        return Data(text.utf8)
    }

    /// A 100,000-row register imports; importing it again changes nothing; ten changed amounts update
    /// exactly those ten unpaid dossiers.
    @Test func largeRegisterIsIdempotentAndUpdatesOnlyWhatChanged() throws {
        let fixture = try AppFixture(config: AppFixture.standardConfig.replacingOccurrences(of: #""database""#, with: #""dossierCodes": "strict", "database""#))
        let app = try fixture.app()
        try app.setUp(by: "test")
        let count = 100_000
        let first = try app.importDossiers(Self.register(count), fileName: "register.csv", format: .csv, by: "test")
        #expect(first == RegisterImportReport(read: count, new: count, updated: 0, unchanged: 0, refused: [], rematched: 0))
        let again = try app.importDossiers(Self.register(count), fileName: "register.csv", format: .csv, by: "test")
        #expect(again.new == 0 && again.updated == 0 && again.unchanged == count)
        let changed: Set<Int> = [3, 17, 99, 1_000, 5_555, 12_345, 40_000, 77_777, 88_888, 99_999]
        let third = try app.importDossiers(Self.register(count, changed: changed), fileName: "register.csv", format: .csv, by: "test")
        #expect(third.updated == 10 && third.unchanged == count - 10 && third.new == 0)
        let updatedRows = try app.database.read { try $0.queryOne("SELECT COUNT(*) FROM dossier WHERE amount_due = 20000") { $0.int64(0) } }
        #expect(updatedRows == 10)
        let audit = try app.database.read { try $0.queryOne("SELECT COUNT(*) FROM audit WHERE action = 'dossier.update'") { $0.int64(0) } }
        #expect(audit == 10)
        let references = try app.database.read { try $0.queryOne("SELECT COUNT(DISTINCT reference) FROM dossier") { $0.int64(0) } }
        #expect(references == Int64(count))
    }

    @Test func badRowsRefuseTheWholeFileAndListEveryLine() throws {
        let (_, app) = try StatementImportTests.demo()
        let before = try LedgerSnapshot(app)
        let text = """
        code,procedure,amountDue\r
        000.06.16.G09-261121-0001,CT.CHUKY,10000\r
        123,CT.CHUKY,5\r
        000.06.16.G09-261121-0002,NOPE,5\r
        000.06.16.G09-261121-0003,CT.CHUKY,-5\r
        000.06.16.G09-261121-0001,CT.CHUKY,10000\r
        """
        #expect(throws: CoreError(.invalid, "bad.csv was not imported: 4 bad row(s) — line 3: dossier code '123' is not of the form <unit code>-YYMMDD-NNNN (e.g. 000.06.16.G09-210315-0001); line 4: procedure 'NOPE' is not in the fee schedule; line 5: amount '-5' must be a whole number of đồng without a sign; line 6: dossier '000.06.16.G09-261121-0001' already appears on line 2")) {
            try app.importDossiers(Data(text.utf8), fileName: "bad.csv", format: .csv, by: "test")
        }
        #expect(throws: CoreError.self) { try app.importDossiers(Data("applicant\r\nx\r\n".utf8), fileName: "nocode.csv", format: .csv, by: "test") }
        #expect(throws: (any Error).self) { try app.importDossiers(Data([0, 1, 2, 0x50, 0x4B]), fileName: "x.bin", format: .csv, by: "test") }
        #expect(try LedgerSnapshot(app) == before)
    }

    @Test func changesToPaidDossiersAreRefusedButTheRestApplies() throws {
        let (_, app) = try StatementImportTests.demo()
        let json = """
        [{"code": "000.06.16.G09-261116-0001", "procedure": "XD.GPXD.CT", "applicant": "X", "amountDue": 200000},
         {"code": "000.06.16.G09-261116-0002", "procedure": "CT.BANSAO", "applicant": "Bùi Thị Hà", "amountDue": 8000},
         {"code": "000.06.16.G09-261121-0001", "procedure": "CT.CHUKY", "applicant": "Mới"}]
        """
        let report = try app.importDossiers(Data(json.utf8), fileName: "batch.json", format: .json, by: "test")
        #expect(report.new == 1 && report.updated == 1)
        #expect(report.refused == [RegisterProblem(line: 1, reason: "dossier '000.06.16.G09-261116-0001' already has payments of 150.000 ₫; it cannot change")])
        #expect(try app.dossier(code: "000.06.16.G09-261116-0002").amountDue == Money(dong: 8_000))
    }

    /// A cancelled unpaid dossier stops accepting matches; a paid one gives its cashless payment back.
    @Test func cancellationStopsMatchesAndReleasesPayments() throws {
        let (_, app) = try StatementImportTests.demo()
        _ = try app.cancelDossier(code: "000.06.16.G09-261116-0002", reason: "citizen withdrew the request", by: "test")
        #expect(throws: CoreError(.conflict, "dossier '000.06.16.G09-261116-0002' is cancelled")) { try app.paymentCode(forDossier: "000.06.16.G09-261116-0002") }
        let report = try app.importStatement(StatementImportTests.upload(StatementImportTests.csv), by: "test")
        #expect(report.outcomes.matched == 6)
        let waiting = try app.reviewQueue().first { $0.memo.contains("HS00000295") }
        #expect(waiting?.note == "dossier 000.06.16.G09-261116-0002 is cancelled")
        // A dossier paid by a statement credit: cancelling it makes the credit owe its money back.
        let cancelled = try app.cancelDossier(code: "000.06.16.G09-261116-0003", reason: "duplicate registration", by: "test")
        #expect(cancelled.cancelled && cancelled.paid == .zero)
        let creditID = try #require(try app.database.read { try $0.queryOne("SELECT id FROM credit WHERE memo LIKE '%hs000 00392%'") { $0.int64(0) } })
        let credit = try #require(try app.database.read { try ReviewRepository($0).credit(id: creditID) })
        #expect(credit.outcome == .refund && credit.owedBack == Money(dong: 4_000))
        #expect(throws: CoreError(.conflict, "dossier '000.06.16.G09-261116-0003' is already cancelled")) {
            try app.cancelDossier(code: "000.06.16.G09-261116-0003", reason: "again", by: "test")
        }
    }
}
