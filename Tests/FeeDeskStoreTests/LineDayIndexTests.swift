import FeeDeskCore
@testable import FeeDeskStore
import Foundation
import Testing

/// Schema version 13: a database of version 12 with statement lines migrates; `statement_line_by_day`
/// holds a day's lines in id order (so an import appends to it), and the day's totals still read it alone.
@Suite struct LineDayIndexTests {
    @Test func version12MigratesAndTheDaysLinesAreInIdOrder() throws {
        let folder = TemporaryDirectory()
        let path = try DayIndexTests.database(version: 12, in: folder, rows: DayIndexTests.oneStatement + """
                INSERT INTO statement_line (id, statement_id, identity, account_id, booking_date, value_date, amount, direction, reversal, memo, raw)
                VALUES (1, 1, x'01', 'main', '2026-11-17', '2026-11-17', 9000, 'credit', 0, 'a', 'a'),
                       (2, 1, x'02', 'main', '2026-11-17', '2026-11-17', 700, 'debit', 0, 'b', 'b'),
                       (3, 1, x'03', 'main', '2026-11-17', '2026-11-17', 4000, 'credit', 0, 'c', 'c'),
                       (4, 1, x'04', 'main', '2026-11-17', '2026-11-17', 2000, 'credit', 0, 'd', 'd'),
                       (5, 1, x'05', 'main', '2026-11-16', '2026-11-16', 1000, 'credit', 0, 'e', 'e');
                """)
        let database = try Database(path: path)
        #expect(try database.schemaVersion() == Schema.migrations.last?.version)
        try database.read { connection in
            let columns = try connection.query("PRAGMA index_info(statement_line_by_day)") { row in row.text(2) ?? "" }
            #expect(columns == ["account_id", "booking_date", "direction", "id", "amount"])
            // Walking the index, the day's credits come in id order whatever their amounts.
            let walked = try connection.query("""
                SELECT id FROM statement_line INDEXED BY statement_line_by_day
                WHERE account_id = 'main' AND booking_date = '2026-11-17' AND direction = 'credit'
                """) { row in row.int64(0) }
            #expect(walked == [1, 3, 4])
            let totals = "SELECT direction, COUNT(*), SUM(amount) FROM statement_line WHERE account_id = 'main' AND booking_date = '2026-11-17' GROUP BY direction"
            let plan = try DayIndexTests.plan(connection, totals)
            #expect(plan.contains("USING COVERING INDEX statement_line_by_day"), "\(plan)")
            let day = try DayRepository(connection).lineTotals(account: "main", date: LocalDate(parsing: "2026-11-17"))
            #expect(day.credits.count == 3 && day.credits.amount == Money(dong: 15_000))
            #expect(day.debits.count == 1 && day.debits.amount == Money(dong: 700))
            let debitPlan = try DayIndexTests.plan(connection, "SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM statement_line WHERE account_id = 'main' AND booking_date = '2026-11-17' AND direction = 'debit'")
            #expect(debitPlan.contains("USING COVERING INDEX statement_line_by_day"), "\(debitPlan)")
        }
    }
}
