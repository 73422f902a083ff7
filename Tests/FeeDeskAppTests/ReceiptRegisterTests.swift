@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation
import Testing

@Suite struct ReceiptRegisterTests {
    /// Breaks of the register's rules found in the database: series with a gap or a duplicate, live
    /// payments without exactly one receipt in force, voided or reversed payments with one.
    static func violations(_ app: FeeDesk) throws -> [String] {
        try app.database.read { connection in
            var found: [String] = []
            try connection.forEach("""
                SELECT r.symbol, r.year, COUNT(*), COUNT(DISTINCT r.number), MIN(r.number), MAX(r.number), s.last_number
                FROM receipt r LEFT JOIN receipt_series s ON s.symbol = r.symbol AND s.year = r.year GROUP BY r.symbol, r.year
                """) { row in
                if row.int64(2) != row.int64(3) || row.int64(4) != 1 || row.int64(5) != row.int64(2) || row.optionalInt64(6) != row.int64(5) {
                    found.append("series \(row.text(0) ?? "") \(row.int64(1)): \(row.int64(2)) receipts, numbers \(row.int64(4))–\(row.int64(5))")
                }
            }
            for (table, column, live) in [("cash_payment", "cash_payment_id", "voided_at IS NULL"), ("allocation", "allocation_id", "reversed_at IS NULL")] {
                try connection.forEach("""
                    SELECT p.id, \(live), (SELECT COUNT(*) FROM receipt r WHERE r.\(column) = p.id AND r.cancelled_at IS NULL) FROM \(table) p
                    """) { row in
                    if row.int64(2) != row.int64(1) { found.append("\(table) \(row.int64(0)): \(row.int64(2)) receipts in force") }
                }
            }
            return found
        }
    }

    static func series(_ app: FeeDesk) throws -> [String: Int64] {
        try app.database.read { connection in
            Dictionary(uniqueKeysWithValues: try connection.query("SELECT symbol, last_number FROM receipt_series") {
                ($0.text(0) ?? "", $0.int64(1))
            })
        }
    }

    @Test func everySettlementPathNumbersWithoutGapsAndCancelsWithoutReuse() throws {
        let (_, app) = try ReviewTests.imported()
        #expect(try Self.violations(app) == [])
        let before = try Self.series(app)
        #expect(before["TM-26E"] == 17)
        // Review: assign, ignore and its undo (the restored allocation gets a new number), refund.
        let typo = try ReviewTests.item(app, memo: "HS00001557")
        _ = try app.assign(credit: typo.credit, to: "000.06.16.G09-261117-0005", amount: nil, reason: "typo", by: "test")
        let paidDossier = try app.dossier(code: "000.06.16.G09-261117-0005")
        #expect(paidDossier.receipts.count == 1 && paidDossier.receipts[0].symbol == "CK-26E" && paidDossier.receipts[0].status == .issued)
        #expect(paidDossier.receipts[0].number == (before["CK-26E"] ?? 0) + 1)
        _ = try app.ignore(credit: typo.credit, reason: "not a fee", by: "test")
        let ignoreAction = try #require(try app.database.read { try $0.queryOne("SELECT id FROM review_action WHERE action = 'ignore'") { $0.int64(0) } })
        _ = try app.undoReview(action: ignoreAction, reason: "was a fee after all", by: "test")
        let restored = try app.dossier(code: "000.06.16.G09-261117-0005").receipts
        #expect(restored.map(\.status) == [.cancelled, .issued])
        #expect(restored.map(\.number) == [paidDossier.receipts[0].number, paidDossier.receipts[0].number + 1])
        // Cancel a dossier paid by transfer (its allocations are reversed) and void a cash receipt.
        let cashless = try #require(try app.dossiers(status: .paid).first { $0.payments.contains { $0.source == .cashless } })
        _ = try app.cancelDossier(code: cashless.code, reason: "withdrawn", by: "test")
        let cancelled = try app.dossier(code: cashless.code)
        #expect(!cancelled.receipts.isEmpty && cancelled.receipts.allSatisfy { $0.status == .cancelled })
        let cash = try #require(try app.dossiers(status: .paid).first { $0.payments.contains { $0.source == .cash } })
        let cashReceipt = try #require(cash.payments.first { $0.source == .cash }?.reference)
        _ = try app.voidCash(receipt: cashReceipt, reason: "wrong dossier", by: "test")
        #expect(try app.dossier(code: cash.code).receipts.contains { $0.status == .cancelled && $0.source == .cash })
        // Many more settlements, by cash, each taking the next number.
        let due = try app.dossiers(status: .unpaid).filter { !$0.cancelled }
        for (index, dossier) in due.enumerated() {
            _ = try app.recordCash(NewCashPayment(dossierCode: dossier.code, amount: dossier.amountDue, receipt: "T\(index)", cashier: "Thu"), by: "test")
        }
        #expect(try Self.series(app)["TM-26E"] == 17 + Int64(due.count))
        #expect(try Self.violations(app) == [])
        let register = try app.receiptRegister(ReportPeriod(from: LocalDate(parsing: "2026-01-01"), to: LocalDate(parsing: "2026-12-31")))
        #expect(register.lines.count == Int(try Self.series(app).values.reduce(0, +)))
        #expect(register.total(.cancelled).count >= 2)
    }

    @Test func manySettlementsOfOneImportAreNumberedInFileOrder() throws {
        let fixture = try AppFixture()
        let app = try fixture.app()
        try app.setUp(by: "test")
        _ = try app.recordCash(NewCashPayment(dossierCode: try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0999", procedure: "CT.CHUKY"),
                                                                           by: "test").code, amount: Money(dong: 10_000), receipt: "C1", cashier: "Thu"), by: "test")
        var references: [String] = []
        for index in 1...300 {
            let code = "000.06.16.G09-261122-" + String(format: "%04d", index)
            references.append(try app.addDossier(NewDossier(code: code, procedure: "CT.CHUKY"), by: "test").reference)
        }
        var text = ":20:RCPT\r\n:25:0071000123456\r\n:28C:1/1\r\n:60F:C261121VND0,\r\n"
        for (index, reference) in references.enumerated() {
            text += ":61:2611221122C10000,NTRFNONREF//FT\(100_000 + index)\r\n:86:\(reference) nop phi\r\n"
        }
        text += ":62F:C261122VND\(10_000 * references.count),\r\n-\r\n"
        let report = try app.importStatement(StatementUpload(data: Data(text.utf8), fileName: "many.sta"), by: "test")
        #expect(report.outcomes.matched == 300)
        #expect(try Self.violations(app) == [])
        #expect(try Self.series(app) == ["TM-26E": 1, "CK-26E": 300])
        let register = try app.receiptRegister(ReportPeriod(from: LocalDate(parsing: "2026-11-22"), to: LocalDate(parsing: "2026-11-22")))
        let cashless = register.lines.filter { $0.source == .cashless }
        #expect(cashless.map(\.number) == Array(1...300))
        #expect(cashless.map(\.dossier) == (1...300).map { "000.06.16.G09-261122-" + String(format: "%04d", $0) })
    }

    @Test func eachSymbolRestartsAtOneOnTheFirstOfJanuaryInHanoi() throws {
        let fixture = try AppFixture()
        let clock = try FakeClock("2026-12-31T23:58:00+07:00")
        let app = try FeeDesk(config: FeeDeskConfig.load(path: fixture.configPath), clock: clock)
        try app.setUp(by: "test")
        var codes: [String] = []
        for index in 1...4 {
            codes.append(try app.addDossier(NewDossier(code: "000.06.16.G09-261231-000\(index)", procedure: "CT.CHUKY"), by: "test").code)
        }
        _ = try app.recordCash(NewCashPayment(dossierCode: codes[0], amount: Money(dong: 10_000), receipt: "A1", cashier: "Thu"), by: "test")
        _ = try app.recordCash(NewCashPayment(dossierCode: codes[1], amount: Money(dong: 10_000), receipt: "A2", cashier: "Thu"), by: "test")
        clock.advance(seconds: 180) // 2027-01-01 00:01 in Hanoi, still 2026-12-31 17:01 UTC
        _ = try app.recordCash(NewCashPayment(dossierCode: codes[2], amount: Money(dong: 10_000), receipt: "A3", cashier: "Thu"), by: "test")
        _ = try app.recordCash(NewCashPayment(dossierCode: codes[3], amount: Money(dong: 10_000), receipt: "A4", cashier: "Thu"), by: "test")
        let register = try app.receiptRegister(ReportPeriod(from: LocalDate(parsing: "2026-12-31"), to: LocalDate(parsing: "2027-01-01")))
        #expect(register.lines.map { "\($0.symbol) \($0.numberText) \($0.dossier.suffix(4))" }
                == ["TM-26E 0000001 0001", "TM-26E 0000002 0002", "TM-27E 0000001 0003", "TM-27E 0000002 0004"])
        #expect(register.lines.map(\.issuedAt) == ["2026-12-31T23:58:00+07:00", "2026-12-31T23:58:00+07:00",
                                                   "2027-01-01T00:01:00+07:00", "2027-01-01T00:01:00+07:00"])
        let newYear = try app.receiptRegister(ReportPeriod(from: LocalDate(parsing: "2027-01-01"), to: LocalDate(parsing: "2027-01-01")))
        #expect(newYear.lines.map(\.number) == [1, 2])
    }

    @Test func aVoidKeepsTheNumberAndTheNextPaymentTakesANewOne() throws {
        let (_, app) = try CashUseCaseTests.prepared()
        let code = "000.06.16.G09-261122-0001"
        _ = try app.recordCash(NewCashPayment(dossierCode: code, amount: Money(dong: 25_000), receipt: "B1", cashier: "Thu"), by: "test")
        _ = try app.voidCash(receipt: "B1", reason: "ghi nhầm", by: "test")
        let detail = try app.recordCash(NewCashPayment(dossierCode: code, amount: Money(dong: 75_000), receipt: "B2", cashier: "Thu"), by: "test")
        #expect(detail.receipts.map { "\($0.numberText) \($0.status.rawValue) \($0.cashReceipt ?? "")" }
                == ["0000001 cancelled B1", "0000002 issued B2"])
        #expect(detail.receipts[0].cancelledAt == "2026-11-22T09:00:00+07:00")
        #expect(try Self.violations(app) == [])
    }

    @Test func aFailedTransactionIssuesNoNumber() throws {
        let (_, app) = try CashUseCaseTests.prepared()
        struct Abort: Error {}
        let dossier = try #require(try app.database.read { try $0.queryOne("SELECT id FROM dossier ORDER BY id LIMIT 1") { $0.int64(0) } })
        #expect(throws: Abort.self) {
            try app.database.write { connection in
                try CashRepository(connection, calendar: app.calendar).insert(dossierID: dossier, amount: Money(dong: 1_000), receipt: "X1",
                                                                              cashier: "Thu", at: Date())
                #expect(try ReceiptRepository(connection).counts().issued == 1)
                throw Abort()
            }
        }
        #expect(try app.database.read { try ReceiptRepository($0).counts() } == (0, 0))
        #expect(try Self.series(app) == [:])
        // A refused statement (unbalanced) issues nothing either.
        let reference = try app.dossier(code: "000.06.16.G09-261122-0002").reference
        let text = ":20:BAD\r\n:25:0071000123456\r\n:28C:1/1\r\n:60F:C261121VND0,\r\n:61:2611221122C10000,NTRFNONREF//FT1\r\n:86:\(reference)\r\n"
            + ":62F:C261122VND99999,\r\n-\r\n"
        #expect(throws: (any Error).self) { try app.importStatement(StatementUpload(data: Data(text.utf8), fileName: "bad.sta"), by: "test") }
        #expect(try Self.series(app) == [:])
        _ = try app.recordCash(NewCashPayment(dossierCode: "000.06.16.G09-261122-0002", amount: Money(dong: 10_000), receipt: "X2", cashier: "Thu"),
                               by: "test")
        #expect(try app.dossier(code: "000.06.16.G09-261122-0002").receipts.map(\.number) == [1])
    }

    @Test func configuredSymbolsApplyFromInitAndBadOnesAreRefused() throws {
        let custom = AppFixture.standardConfig.replacingOccurrences(
            of: #""database""#, with: #""receipts": {"form": "02BLP0-002", "cashSymbol": "AB-{YY}T"}, "database""#)
        let fixture = try AppFixture(config: custom)
        let app = try fixture.app()
        #expect(app.config.receipts == (try ReceiptSeries(form: "02BLP0-002", cashSymbol: "AB-{YY}T", cashlessSymbol: "CK-{YY}E")))
        try app.setUp(by: "test")
        let code = try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0001", procedure: "CT.CHUKY"), by: "test").code
        let detail = try app.recordCash(NewCashPayment(dossierCode: code, amount: Money(dong: 10_000), receipt: "Z1", cashier: "Thu"), by: "test")
        #expect(detail.receipts.map { "\($0.form) \($0.symbol) \($0.numberText)" } == ["02BLP0-002 AB-26T 0000001"])
        #expect(try app.database.read { try $0.queryOne("SELECT COUNT(*) FROM audit WHERE action = 'receipts.set'") { $0.int64(0) } } == 1)

        let bad = try AppFixture(config: AppFixture.standardConfig.replacingOccurrences(
            of: #""database""#, with: #""receipts": {"cashlessSymbol": "ck {YY}"}, "database""#))
        #expect(throws: AppError.config(file: bad.configPath, field: "receipts.cashlessSymbol",
                                        message: "receipt symbol 'ck {YY}' must be 1 to 20 characters of A-Z, 0-9, - / . (and {YY} for the year)")) {
            _ = try FeeDeskConfig.load(path: bad.configPath)
        }
    }
}
