import BankStatements
@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation
import Testing

/// Everything a refused import must leave untouched.
struct LedgerSnapshot: Equatable {
    let tables: [String: Int64]
    let dossiers: [DossierDetail]
    let auditRows: Int64

    init(_ app: FeeDesk) throws {
        var tables: [String: Int64] = [:]
        for table in ["statement_file", "statement", "statement_line", "credit", "allocation"] {
            tables[table] = try app.database.read { connection in
                try connection.queryOne("SELECT COUNT(*) FROM \(table)") { $0.int64(0) } ?? -1
            }
        }
        self.tables = tables
        dossiers = try app.dossiers()
        auditRows = try app.verifyAudit().rows
    }
}

@Suite struct StatementImportTests {
    static let csv = "vietcombank-2026-11-16_18.csv"
    static let mt940 = "vietcombank-2026-11-19.sta"
    static let camt = "vietcombank-2026-11-20.camt053.xml"

    static func demo() throws -> (AppFixture, FeeDesk) {
        let fixture = try AppFixture()
        let app = try fixture.app()
        _ = try app.loadDemo(by: "test")
        return (fixture, app)
    }

    static func upload(_ name: String, profile: String? = "vietcombank") throws -> StatementUpload {
        StatementUpload(data: try AppFixture.sample(name), fileName: name, profile: profile)
    }

    @Test func importsEachSampleAndMatchesItsCredits() throws {
        let (_, app) = try Self.demo()
        let csv = try app.importStatement(Self.upload(Self.csv), by: "test")
        #expect(csv.lines == 14 && csv.credits == 13 && csv.debits == 1)
        #expect(csv.creditTotal == 906_000 && csv.debitTotal == 11_000)
        #expect(csv.new == 14 && csv.known == 0)
        #expect(csv.outcomes == .init(matched: 7, underpaid: 1, overpaid: 1, duplicate: 1, unmatched: 3))
        #expect(csv.balances.map(\.status) == ["balanced"])
        let mt940 = try app.importStatement(Self.upload(Self.mt940, profile: nil), by: "test")
        #expect(mt940.outcomes == .init(matched: 4, underpaid: 0, overpaid: 0, duplicate: 0, unmatched: 0))
        let camt = try app.importStatement(Self.upload(Self.camt, profile: nil), by: "test")
        #expect(camt.outcomes == .init(matched: 3, underpaid: 0, overpaid: 0, duplicate: 1, unmatched: 0))
        // The outcome sums add up to the credit total of every file, to the đồng.
        for report in [csv, mt940, camt] {
            #expect(report.outcomeAmounts.values.reduce(0, +) == report.creditTotal)
        }
        // A dossier paid by the statement shows the cashless payment.
        let paid = try app.dossier(code: "000.06.16.G09-261116-0002")
        #expect(paid.status == .paid)
        #expect(paid.payments.map(\.source) == [.cashless])
        #expect(paid.payments.first?.at == "2026-11-16T09:07:13+07:00")
        #expect(try app.dossier(code: "000.06.16.G09-261116-0005").status == .partiallyPaid)
        #expect(try app.dossier(code: "000.06.16.G09-261116-0006").status == .paid)
        #expect(try app.verifyAudit().rows > 0)
        // The import writes each statement's row at its end and the file's row last, with foreign keys
        // unchecked: every row they point at is there, and each file and statement row is complete.
        try app.database.read { connection in
            #expect(try connection.query("PRAGMA foreign_key_check") { $0.text(0) ?? "" }.isEmpty)
            let files = try connection.query("SELECT format, lines, credit_total FROM statement_file ORDER BY id") {
                "\($0.text(0) ?? "") \($0.int64(1)) \($0.int64(2))"
            }
            #expect(files == ["csv 14 906000", "mt940 \(mt940.lines) \(mt940.creditTotal)", "camt053 \(camt.lines) \(camt.creditTotal)"])
            let statements = try connection.query(
                "SELECT s.balance, (SELECT COUNT(*) FROM statement_line l WHERE l.statement_id = s.id) FROM statement s ORDER BY s.id"
            ) { (balance: $0.text(0) ?? "", lines: $0.int64(1)) }
            #expect(statements.map(\.lines) == [14, Int64(mt940.lines), Int64(camt.lines)], "\(statements)")
            #expect(statements.map(\.balance) == ["balanced", "balanced", "balanced"])
        }
    }

    @Test func reimportingTheSameFileChangesNothing() throws {
        let (_, app) = try Self.demo()
        _ = try app.importStatement(Self.upload(Self.csv), by: "test")
        let before = try LedgerSnapshot(app)
        let again = try app.importStatement(Self.upload(Self.csv), by: "test")
        #expect(again.alreadyImported)
        #expect(again.new == 0)
        #expect(try LedgerSnapshot(app) == before)
    }

    /// Two exports that overlap (the second repeats the first's last day) never duplicate a credit.
    @Test func overlappingStatementsDoNotDuplicateCredits() throws {
        let (_, app) = try Self.demo()
        let text = String(decoding: try AppFixture.sample(Self.csv), as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n")
        // Second export: only the 18/11 rows with that day's opening balance, and one new row added.
        let header = rows.prefix(while: { !$0.hasPrefix("STT,") }).filter { !$0.contains("Số dư đầu kỳ") }
        let grid = rows.filter { $0.contains("/11/2026 ") && $0.contains(",18/11/2026") }
        let extra = "99,18/11/2026 16:00:00,5299.261118,,\"20,000\",\"13,415,000\",\"HS00002235 nop phi\""
        let overlap = (header + ["\"Số dư đầu kỳ: 13,070,000\",,,,,,", rows.first { $0.hasPrefix("STT,") } ?? ""] + grid + [extra,
                       "\"Số dư cuối kỳ: 13,415,000\",,,,,,"]).joined(separator: "\r\n")
        _ = try app.importStatement(Self.upload(Self.csv), by: "test")
        let credits = try LedgerSnapshot(app).tables["credit"]
        let second = try app.importStatement(StatementUpload(data: Data(overlap.utf8), fileName: "overlap.csv", profile: "vietcombank"), by: "test")
        #expect(second.lines == 4)
        #expect(second.known == 3)
        #expect(second.new == 1)
        #expect(try LedgerSnapshot(app).tables["credit"] == (credits ?? 0) + 1)
    }

    @Test func anUnbalancedStatementIsRefusedWholeUnlessAllowed() throws {
        let (_, app) = try Self.demo()
        let text = String(decoding: try AppFixture.sample(Self.mt940), as: UTF8.self).replacingOccurrences(of: ":62F:C261119VND13467000,", with: ":62F:C261119VND13467001,")
        let before = try LedgerSnapshot(app)
        #expect(throws: CoreError(.invalid, "bad.sta: statement of account main: opening 13.395.000 ₫ + credits 83.000 ₫ − debits 11.000 ₫ = 13.467.000 ₫, but the closing balance is 13.467.001 ₫ (difference 1 ₫); nothing was imported (--allow-unbalanced imports it flagged)")) {
            try app.importStatement(StatementUpload(data: Data(text.utf8), fileName: "bad.sta"), by: "test")
        }
        #expect(try LedgerSnapshot(app) == before)
        let flagged = try app.importStatement(StatementUpload(data: Data(text.utf8), fileName: "bad.sta", allowUnbalanced: true), by: "test")
        #expect(flagged.balances.map(\.status) == ["unbalanced"])
    }

    /// Bad files: one sentence with file and line (or XML path), exit 3 on the CLI, nothing stored.
    @Test(arguments: [
        ("truncated.sta", ":20:X\r\n:25:VCBVVNVX/0071000123456\r\n:28C:1/1\r\n:60F:C261118VND100,\r\n:61:2611191119C10000,NTRFNONREF//FT1\r\n:86:HS00000198\r\n", "csv-free"),
        ("baddate.sta", ":20:X\r\n:25:0071000123456\r\n:28C:1/1\r\n:60F:C261118VND100,\r\n:61:2613411341C10,NTRFNONREF//FT1\r\n:86:x\r\n:62F:C261119VND110,\r\n-", ""),
        ("letters.sta", ":20:X\r\n:25:0071000123456\r\n:28C:1/1\r\n:60F:C261118VND100,\r\n:61:2611191119C1O0,NTRFNONREF//FT1\r\n:86:x\r\n:62F:C261119VND200,\r\n-", ""),
        ("wrongroot.xml", "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn/></Document>", ""),
        ("noheader.csv", "a,b,c\r\n1,2,3\r\n", ""),
        ("fraction.csv", "Ngày GD,Số CT,Số tiền ghi nợ,Số tiền ghi có,Nội dung\r\n16/11/2026,1,,\"12,5\",HS00000198\r\n", ""),
        ("binary.bin", "\u{0}\u{1}\u{2}PK\u{3}\u{4}\u{0}\u{0}", ""),
        ("usd.sta", ":20:X\r\n:25:0071000123456\r\n:28C:1/1\r\n:60F:C261118USD100,00\r\n:61:2611191119C10,00NTRFNONREF//FT1\r\n:86:x\r\n:62F:C261119USD110,00\r\n-", ""),
        ("otheraccount.sta", ":20:X\r\n:25:9999999999\r\n:28C:1/1\r\n:60F:C261118VND100,\r\n:61:2611191119C10,NTRFNONREF//FT1\r\n:86:x\r\n:62F:C261119VND110,\r\n-", ""),
    ])
    func refusesBadFilesAndStoresNothing(name: String, content: String, _ unused: String) throws {
        let (_, app) = try Self.demo()
        let before = try LedgerSnapshot(app)
        do {
            _ = try app.importStatement(StatementUpload(data: Data(content.utf8), fileName: name), by: "test")
            Issue.record("\(name) was imported")
        } catch {
            let message = "\(error)"
            #expect(message.hasPrefix(name), "\(message)")
            #expect(error is StatementError || error is CoreError, "\(type(of: error))")
        }
        #expect(try LedgerSnapshot(app) == before)
    }

    /// The import inserts without SQLite's foreign-key lookups, so it checks the one parent it does not
    /// write or read itself: a statement's account must be stored, else nothing is imported.
    @Test func aStatementForAnAccountMissingFromTheDatabaseIsRefusedWhole() throws {
        let fixture = try AppFixture()
        let app = try fixture.app()
        try app.database.write { connection in _ = try connection.run("DELETE FROM bank_account") }
        let before = try LedgerSnapshot(app)
        #expect(throws: CoreError(.notFound, "\(Self.mt940): account 'main' is not stored in the database; nothing was imported")) {
            try app.importStatement(Self.upload(Self.mt940, profile: nil), by: "test")
        }
        #expect(try LedgerSnapshot(app) == before)
        #expect(try app.database.read { try $0.queryOne("PRAGMA foreign_keys") { $0.int64(0) } } == 1)
        #expect(try app.database.withWriter { try $0.queryOne("PRAGMA foreign_keys") { $0.int64(0) } } == 1)
    }
}
