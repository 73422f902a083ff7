@testable import FeeDeskStore
import FeeDeskCore
import Testing

@Suite struct ReceiptMigrationTests {
    /// A version-6 database with payments stored out of time order, some voided or reversed.
    static func versionSix(_ path: String) throws {
        let old = try Database(path: path, migrations: Array(Schema.migrations.prefix(6)))
        try old.write { connection in
            try connection.execute("""
                INSERT INTO fee VALUES ('CT.CHUKY', 'Chứng thực chữ ký', 'Chứng thực', 'phi', 10000, 1);
                INSERT INTO bank_account (id, bin, number, holder) VALUES ('main', '970436', '0071000123456', 'TT');
                INSERT INTO dossier (id, code, procedure, applicant, amount_due, reference, registered_at, business_date) VALUES
                    (1, 'D1', 'CT.CHUKY', 'An', 10000, 'HS1', '2025-12-30T08:00:00+07:00', '2025-12-30'),
                    (2, 'D2', 'CT.CHUKY', 'Bình', 10000, 'HS2', '2026-01-02T08:00:00+07:00', '2026-01-02'),
                    (3, 'D3', 'CT.CHUKY', 'Chi', 10000, 'HS3', '2026-01-02T08:00:00+07:00', '2026-01-02');
                INSERT INTO cash_payment (id, dossier_id, amount, receipt_no, cashier, paid_at, business_date, voided_at) VALUES
                    (1, 2, 4000, 'P1', 'Thu', '2026-01-05T10:00:00+07:00', '2026-01-05', NULL),
                    (2, 2, 6000, 'P2', 'Thu', '2026-01-03T10:00:00+07:00', '2026-01-03', NULL),
                    (3, 3, 5000, 'P3', 'Thu', '2026-01-03T10:00:00+07:00', '2026-01-03', '2026-01-04T08:00:00+07:00'),
                    (4, 1, 10000, 'P4', 'Thu', '2025-12-31T23:59:00+07:00', '2025-12-31', NULL),
                    (5, 3, 5000, 'P5', 'Thu', '2026-01-03T10:00:00+07:00', '2026-01-03', NULL);
                INSERT INTO credit (id, account_id, amount, booking_date, source, outcome, created_at) VALUES
                    (1, 'main', 5000, '2026-01-06', 'statement', 'matched', '2026-01-07T09:00:00+07:00'),
                    (2, 'main', 5000, '2026-01-06', 'statement', 'matched', '2026-01-06T09:00:00+07:00');
                INSERT INTO allocation (id, credit_id, dossier_id, amount, method, created_at, reversed_at) VALUES
                    (1, 1, 3, 5000, 'auto', '2026-01-07T09:00:00+07:00', NULL),
                    (2, 2, 3, 5000, 'auto', '2026-01-06T09:00:00+07:00', '2026-01-06T10:00:00+07:00'),
                    (3, 2, 3, 5000, 'manual', '2026-01-06T11:00:00+07:00', NULL);
                """)
        }
    }

    @Test func numbersThePaymentsOfAnOlderDatabaseByTimeThenId() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("old.sqlite")
        try Self.versionSix(path)
        let database = try Database(path: path)
        let rows = try database.read { connection in
            try connection.query("""
                SELECT symbol, number, COALESCE('cash ' || cash_payment_id, 'allocation ' || allocation_id), issued_at FROM receipt
                ORDER BY symbol, year, number
                """) { "\($0.text(0) ?? "") \(ReceiptSeries.numberText($0.int64(1))) \($0.text(2) ?? "") \($0.text(3) ?? "")" }
        }
        #expect(rows == [
            "CK-26E 0000001 allocation 3 2026-01-06T11:00:00+07:00",
            "CK-26E 0000002 allocation 1 2026-01-07T09:00:00+07:00",
            "TM-25E 0000001 cash 4 2025-12-31T23:59:00+07:00",
            "TM-26E 0000001 cash 2 2026-01-03T10:00:00+07:00",
            "TM-26E 0000002 cash 5 2026-01-03T10:00:00+07:00",
            "TM-26E 0000003 cash 1 2026-01-05T10:00:00+07:00",
        ])
        // The series continue from there, in the same transaction as the payment.
        try database.write { connection in
            try connection.run("INSERT INTO cash_payment (id, dossier_id, amount, receipt_no, cashier, paid_at, business_date) VALUES (6, 1, 1, 'P6', 'Thu', '2026-02-01T08:00:00+07:00', '2026-02-01')")
            try ReceiptIssuer(connection).issue(cashPaymentID: 6, at: "2026-02-01T08:00:00+07:00")
            try connection.run("UPDATE cash_payment SET voided_at = '2026-02-02T08:00:00+07:00' WHERE id = 1")
        }
        let series = try database.read { connection in
            try connection.query("SELECT symbol, year, last_number FROM receipt_series ORDER BY symbol, year") { "\($0.text(0) ?? "") \($0.int64(1)) \($0.int64(2))" }
        }
        #expect(series == ["CK-26E 2026 2", "TM-25E 2025 1", "TM-26E 2026 4"])
        let register = try database.read { try ReceiptRepository($0).register(from: LocalDate(parsing: "2026-01-05"), to: LocalDate(parsing: "2026-02-01")) }
        #expect(register.map { "\($0.symbol) \($0.numberText) \($0.status.rawValue) \($0.dossier) \($0.amount.dong)" } == [
            "CK-26E 0000001 issued D3 5000", "CK-26E 0000002 issued D3 5000", "TM-26E 0000003 cancelled D2 4000", "TM-26E 0000004 issued D1 1",
        ])
    }

    @Test func settingsAreStoredOnlyWhenTheyChange() throws {
        let folder = TemporaryDirectory()
        let database = try Database(path: folder.file("s.sqlite"))
        let custom = try ReceiptSeries(form: "01BLP0-002", cashSymbol: "TM/{YY}", cashlessSymbol: "CK/{YY}")
        let answers = try database.write { connection throws -> [Bool] in
            let issuer = ReceiptIssuer(connection)
            let initial = try issuer.settings()
            let unchanged = try issuer.setSettings(.standard), changed = try issuer.setSettings(custom)
            return [initial == .standard, !unchanged, changed, try issuer.settings() == custom]
        }
        #expect(answers == [true, true, true, true])
    }
}
