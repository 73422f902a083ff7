import FeeDeskCore
@testable import FeeDeskStore
import Foundation
import Testing

@Suite struct RepositoryTests {
    static let calendar = BusinessCalendar.vietnam

    static func seeded(_ folder: TemporaryDirectory) throws -> Database {
        let database = try Database(path: folder.file("repo.sqlite"))
        try database.write { connection in
            let schedule = try FeeSchedule([
                try Fee(procedure: "CT.CHUKY", name: "Chứng thực chữ ký", field: "Chứng thực", kind: .phi, amount: Money(dong: 10_000)),
                try Fee(procedure: "XD.GPXD.NHA", name: "Cấp giấy phép xây dựng", field: "Xây dựng", kind: .lePhi, amount: Money(dong: 75_000)),
            ])
            _ = try FeeRepository(connection).sync(to: schedule)
            let dossiers = DossierRepository(connection, calendar: calendar)
            for (index, code) in ["A-1", "A-2", "A-3"].enumerated() {
                let reference = try PaymentReference(sequence: try dossiers.nextReferenceSequence(), format: .standard)
                try dossiers.insert(Dossier(code: code, procedure: "XD.GPXD.NHA", applicant: "Người \(index)", amountDue: Money(dong: 75_000),
                                            desk: "Q1", reference: reference, registeredAt: try Timestamp.parse("2026-11-2\(index)T09:00:00+07:00")))
            }
        }
        return database
    }

    @Test func feeSyncAddsChangesAndDeactivates() throws {
        let folder = TemporaryDirectory()
        let database = try Self.seeded(folder)
        let changed = try FeeSchedule([
            try Fee(procedure: "CT.CHUKY", name: "Chứng thực chữ ký", field: "Chứng thực", kind: .phi, amount: Money(dong: 12_000)),
            try Fee(procedure: "DKKD.HKD", name: "Đăng ký hộ kinh doanh", field: "Đăng ký kinh doanh", kind: .lePhi, amount: Money(dong: 100_000)),
        ])
        let result = try database.write { try FeeRepository($0).sync(to: changed) }
        #expect(result == FeeSyncResult(added: ["DKKD.HKD"], changed: ["CT.CHUKY"], deactivated: ["XD.GPXD.NHA"]))
        #expect(try database.read { try FeeRepository($0).active().map(\.procedure) } == ["CT.CHUKY", "DKKD.HKD"])
        #expect(try database.read { try FeeRepository($0).find(procedure: "XD.GPXD.NHA")?.active } == false)
        #expect(try database.write { try FeeRepository($0).sync(to: changed) }.isEmpty)
    }

    @Test func referencesComeFromOneSequence() throws {
        let folder = TemporaryDirectory()
        let database = try Self.seeded(folder)
        let references = try database.read { try DossierRepository($0, calendar: Self.calendar).list().map(\.dossier.reference.text) }
        #expect(references == ["HS00000198", "HS00000295", "HS00000392"])
    }

    @Test func statusFollowsCashAndAllocations() throws {
        let folder = TemporaryDirectory()
        let database = try Self.seeded(folder)
        let at = try Timestamp.parse("2026-11-22T10:00:00+07:00")
        try database.write { connection in
            let dossiers = DossierRepository(connection, calendar: Self.calendar)
            let cash = CashRepository(connection, calendar: Self.calendar)
            let first = try #require(try dossiers.find(code: "A-1"))
            let second = try #require(try dossiers.find(code: "A-2"))
            try cash.insert(dossierID: first.id, amount: Money(dong: 75_000), receipt: "0000001", cashier: "Thu", at: at)
            try cash.insert(dossierID: second.id, amount: Money(dong: 25_000), receipt: "0000002", cashier: "Thu", at: at)
            // A cashless credit of 60.000 allocated to A-2 makes it overpaid.
            try AccountRepository(connection).upsert(try CollectionAccount(id: "main", bin: "970436", number: "0071000123456", holder: "TT"))
            try connection.run("""
                INSERT INTO credit (account_id, amount, booking_date, memo, source, outcome, created_at)
                VALUES ('main', 60000, '2026-11-22', 'HS00000295', 'statement', 'overpaid', '2026-11-22T10:00:00+07:00')
                """)
            try connection.run("INSERT INTO allocation (credit_id, dossier_id, amount, method, created_at) VALUES (?, ?, 60000, 'auto', 'x')",
                               connection.lastInsertRowID, second.id)
        }
        try database.read { connection throws in
            let dossiers = DossierRepository(connection, calendar: Self.calendar)
            #expect(try dossiers.find(code: "A-1")?.status == .paid)
            #expect(try dossiers.find(code: "A-2")?.status == .overpaid)
            #expect(try dossiers.find(code: "A-2")?.paid == Money(dong: 85_000))
            #expect(try dossiers.find(code: "A-3")?.status == .unpaid)
            #expect(try dossiers.list(status: .unpaid).map(\.dossier.code) == ["A-3"])
            #expect(try dossiers.list(date: try LocalDate(parsing: "2026-11-21")).map(\.dossier.code) == ["A-2"])
            let payments = try dossiers.payments(dossierID: try #require(try dossiers.find(code: "A-2")).id)
            #expect(payments.map(\.source) == [.cash, .cashless] || payments.map(\.source) == [.cashless, .cash])
            #expect(payments.map(\.amount).sum() == Money(dong: 85_000))
        }
        // Voiding the cash makes A-1 unpaid again; the receipt stays on record.
        try database.write { connection in
            let cash = CashRepository(connection, calendar: Self.calendar)
            let record = try #require(try cash.find(receipt: "0000001"))
            try cash.void(id: record.id, at: at, reason: "nhầm hồ sơ")
        }
        try database.read { connection throws in
            #expect(try DossierRepository(connection, calendar: Self.calendar).find(code: "A-1")?.status == .unpaid)
            #expect(try CashRepository(connection, calendar: Self.calendar).find(receipt: "0000001")?.voided?.reason == "nhầm hồ sơ")
        }
    }

    @Test func databaseConstraintsBackTheRules() throws {
        let folder = TemporaryDirectory()
        let database = try Self.seeded(folder)
        let attempts = [
            "INSERT INTO dossier (code, procedure, applicant, amount_due, reference, registered_at, business_date) VALUES ('A-9', 'NOPE', '', 1, 'R9', 'x', 'y')",
            "INSERT INTO dossier (code, procedure, applicant, amount_due, reference, registered_at, business_date) VALUES ('A-9', 'CT.CHUKY', '', 0, 'R9', 'x', 'y')",
            "INSERT INTO dossier (code, procedure, applicant, amount_due, reference, registered_at, business_date) VALUES ('A-1', 'CT.CHUKY', '', 5, 'R9', 'x', 'y')",
            "INSERT INTO cash_payment (dossier_id, amount, receipt_no, cashier, paid_at, business_date) VALUES (1, -5, 'R', 'c', 'x', 'y')",
            "INSERT INTO fee (procedure, name, field, kind, amount) VALUES ('X', 'n', 'f', 'other', 5)",
        ]
        for sql in attempts {
            do {
                try database.write { connection in try connection.run(sql) }
                Issue.record("accepted: \(sql)")
            } catch let error as StoreError {
                #expect(error.isConstraintViolation, "\(error)")
            }
        }
    }
}
