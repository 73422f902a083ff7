import FeeDeskCore
@testable import FeeDeskStore
import Foundation
import Testing

/// The maintained report totals follow every kind of change to the payments, and a database migrated
/// from version 5 counts the payments it already held.
@Suite struct ReportTotalsTests {
    static let calendar = BusinessCalendar.vietnam

    static func report(_ database: Database, _ from: String, _ to: String, by grouping: ReportGrouping)
        throws -> (groups: [ReportQueries.Group], totals: CashlessFigures) {
        let period = try ReportPeriod(from: LocalDate(parsing: from), to: LocalDate(parsing: to))
        return try database.write { connection in
            try ReportTotals(connection).refresh()
            #expect(try ReportTotals(connection).isCurrent())
            let queries = ReportQueries(connection)
            return (try queries.cashVsCashless(period, by: grouping), try queries.cashVsCashlessTotals(period))
        }
    }

    static func cash(_ connection: SQLiteConnection, dossier: Int64, amount: Int64, receipt: String, at: String) throws {
        try CashRepository(connection, calendar: calendar).insert(dossierID: dossier, amount: Money(dong: amount), receipt: receipt,
                                                                  cashier: "thu ngân", at: try Timestamp.parse(at))
    }

    @Test func paymentsStoredBeforeVersion6AreCounted() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("old.sqlite")
        let database = try Database(path: path, migrations: Array(Schema.migrations.prefix(5)))
        try database.write { connection in
            let schedule = try FeeSchedule([try Fee(procedure: "XD.GPXD.NHA", name: "Cấp giấy phép xây dựng", field: "Xây dựng", kind: .lePhi,
                                                    amount: Money(dong: 75_000))])
            _ = try FeeRepository(connection).sync(to: schedule)
            try DossierRepository(connection, calendar: Self.calendar).insert(
                Dossier(code: "OLD-1", procedure: "XD.GPXD.NHA", applicant: "A", amountDue: Money(dong: 75_000), desk: nil,
                        reference: try PaymentReference(sequence: 1, format: .standard), registeredAt: try Timestamp.parse("2026-10-01T09:00:00+07:00")))
            // As a version-5 feedesk stored it (today's repository also issues a register receipt, a later table).
            try connection.run("""
                INSERT INTO cash_payment (dossier_id, amount, receipt_no, cashier, paid_at, business_date)
                VALUES (1, 75000, '0000001', 'thu ngân', '2026-10-01T09:30:00+07:00', '2026-10-01')
                """)
        }
        let migrated = try Database(path: path)
        #expect(try migrated.schemaVersion() == Schema.migrations.last?.version)
        let report = try Self.report(migrated, "2026-10-01", "2026-10-31", by: .desk)
        #expect(report.totals.cashAmount == Money(dong: 75_000) && report.totals.dossiers == 1)
        #expect(report.groups.map(\.key) == [""])
    }

    @Test func newChangedAndMovedPaymentsAreFollowed() throws {
        let folder = TemporaryDirectory()
        let database = try RepositoryTests.seeded(folder)   // dossiers 1…3, 75,000 đồng each, desk Q1, 20–22 Nov 2026
        try database.write { connection in
            try Self.cash(connection, dossier: 1, amount: 75_000, receipt: "0000001", at: "2026-11-20T10:00:00+07:00")
            try AccountRepository(connection).upsert(try CollectionAccount(id: "main", bin: "970436", number: "0071000123456", holder: "TT"))
            let credits = CreditRepository(connection)
            let credit = try credits.insert(NewCredit(accountID: "main", amount: Money(dong: 75_000), bookingDate: try LocalDate(parsing: "2026-11-21"),
                                                      bookedAt: nil, memo: "HS2", counterpartyName: nil, counterpartyAccount: nil,
                                                      bankReference: "FT1", source: .statement), at: "2026-11-21T10:00:00+07:00")
            try credits.allocate(creditID: credit, dossierID: 2, amount: Money(dong: 75_000), method: "auto", at: "2026-11-21T10:00:00+07:00")
        }
        var report = try Self.report(database, "2026-11-01", "2026-11-30", by: .kind)
        #expect(report.totals == CashlessFigures(dossiers: 2, cashCount: 1, cashAmount: Money(dong: 75_000), cashlessCount: 1,
                                                 cashlessAmount: Money(dong: 75_000)))
        // Dossier 3 paid in two parts on two days; dossier 1's receipt voided; dossier 2 moved to desk Q2.
        try database.write { connection in
            try Self.cash(connection, dossier: 3, amount: 25_000, receipt: "0000002", at: "2026-11-22T10:00:00+07:00")
            try Self.cash(connection, dossier: 3, amount: 50_000, receipt: "0000003", at: "2026-11-24T10:00:00+07:00")
            try connection.run("UPDATE cash_payment SET voided_at = '2026-11-25T08:00:00+07:00' WHERE receipt_no = '0000001'")
            try connection.run("UPDATE dossier SET desk = 'Q2' WHERE id = 2")
        }
        report = try Self.report(database, "2026-11-01", "2026-11-30", by: .desk)
        #expect(report.groups.map(\.key) == ["Q1", "Q2"])
        #expect(report.groups[0].figures == CashlessFigures(dossiers: 1, cashCount: 2, cashAmount: Money(dong: 75_000), cashlessCount: 0, cashlessAmount: .zero))
        #expect(report.totals.dossiers == 2)
        let byDay = try Self.report(database, "2026-11-01", "2026-11-30", by: .day)
        #expect(byDay.groups.map(\.key) == ["2026-11-21", "2026-11-22", "2026-11-24"])
        #expect(byDay.groups.map(\.figures.dossiers).reduce(0, +) == 3 && byDay.totals.dossiers == 2)
        // A range that holds one of dossier 3's two days counts it once.
        #expect(try Self.report(database, "2026-11-22", "2026-11-23", by: .procedure).totals.dossiers == 1)
        // Reversing the allocation removes the cashless payment.
        try database.write { try $0.run("UPDATE allocation SET reversed_at = '2026-11-26T08:00:00+07:00'") }
        report = try Self.report(database, "2026-11-01", "2026-11-30", by: .month)
        #expect(report.totals.cashlessCount == 0 && report.totals.cashCount == 2 && report.totals.dossiers == 1)
        #expect(report.groups.map(\.key) == ["2026-11"])
    }

    /// A dossier paid on three days, then the middle payment voided: ranges still count it exactly once.
    @Test func voidingAMiddlePaymentKeepsDossierCountsExact() throws {
        let folder = TemporaryDirectory()
        let database = try RepositoryTests.seeded(folder)
        try database.write { connection in
            for (index, day) in ["20", "22", "24"].enumerated() {
                try Self.cash(connection, dossier: 1, amount: 25_000, receipt: "000000\(index + 1)", at: "2026-11-\(day)T10:00:00+07:00")
            }
        }
        #expect(try Self.report(database, "2026-11-21", "2026-11-24", by: .kind).totals.dossiers == 1)
        #expect(try Self.report(database, "2026-11-20", "2026-11-24", by: .desk).groups.map(\.figures.dossiers) == [1])
        #expect(try Self.report(database, "2026-11-01", "2026-11-30", by: .month).groups.map(\.figures.dossiers) == [1])
        try database.write { try $0.run("UPDATE cash_payment SET voided_at = '2026-11-25T08:00:00+07:00' WHERE receipt_no = '0000002'") }
        let after = try Self.report(database, "2026-11-21", "2026-11-24", by: .desk)
        #expect(after.totals.dossiers == 1 && after.groups.map(\.figures.dossiers) == [1] && after.totals.cashCount == 1)
        #expect(try Self.report(database, "2026-11-20", "2026-11-30", by: .month).groups.map(\.figures.dossiers) == [1])
        #expect(try Self.report(database, "2026-11-21", "2026-11-23", by: .kind).totals == .zero)
    }
}
