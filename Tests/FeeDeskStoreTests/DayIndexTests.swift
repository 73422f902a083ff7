import FeeDeskCore
@testable import FeeDeskStore
import Foundation
import Testing

/// Schema version 7: a database of version 6 with credits migrates, and the day's reads use the indexes
/// (the review queue only the credits that wait, the day's totals the indexes alone).
@Suite struct DayIndexTests {
    /// SQLite's plan for `sql`, one line per step.
    static func plan(_ connection: SQLiteConnection, _ sql: String) throws -> String {
        try connection.query("EXPLAIN QUERY PLAN " + sql) { row in row.text(3) ?? "" }.joined(separator: "\n")
    }

    /// An imported file with one statement (id 1) of account `main`, for statement lines to belong to.
    static let oneStatement = """
        INSERT INTO statement_file (id, sha256, file_name, format, imported_at, imported_by, lines, new_lines, credit_total, debit_total)
        VALUES (1, 'x', 'f', 'csv', '', 't', 0, 0, 0, 0);
        INSERT INTO statement (id, file_id, account_id, balance) VALUES (1, 1, 'main', 'balanced');

        """

    /// A database file in `folder` at schema `version`, with the collection account `main` and then `rows`
    /// (SQL) in it, for a migration test to open with every migration.
    static func database(version: Int, in folder: TemporaryDirectory, rows: String) throws -> String {
        let path = folder.file("v\(version).sqlite")
        let old = try Database(path: path, migrations: Array(Schema.migrations.prefix(version)))
        try old.write { connection in
            try connection.run("INSERT INTO bank_account (id, bin, number, holder) VALUES ('main', '970436', '1', 'A')")
            try connection.execute(rows)
        }
        return path
    }

    @Test func version6MigratesAndTheDaysReadsUseTheIndexes() throws {
        let folder = TemporaryDirectory()
        let path = try Self.database(version: 6, in: folder, rows: """
                INSERT INTO credit (account_id, amount, booking_date, memo, source, outcome, owed_back, created_at)
                VALUES ('main', 5000, '2026-11-16', 'a', 'statement', 'matched', 0, ''),
                       ('main', 7000, '2026-11-16', 'b', 'statement', 'unmatched', 0, ''),
                       ('main', 9000, '2026-11-16', 'c', 'callback', 'matched', 0, ''),
                       ('main', 4000, '2026-11-16', 'd', 'statement', 'overpaid', 1000, '');
                """)
        let database = try Database(path: path)
        #expect(try database.schemaVersion() == Schema.migrations.last?.version)
        try database.read { connection in
            let queue = try ReviewRepository(connection).queue(date: LocalDate(parsing: "2026-11-16"), account: "main")
            #expect(queue.map(\.memo) == ["b", "c", "d"])
            let queuePlan = try Self.plan(connection, ReviewRepository.select + " WHERE " + ReviewRepository.needsReview
                                          + " AND c.booking_date = '2026-11-16' AND c.account_id = 'main'")
            #expect(queuePlan.contains("USING INDEX credit_needs_review"), "\(queuePlan)")
            for sql in ["SELECT outcome, COUNT(*), SUM(amount) FROM credit WHERE account_id = 'main' AND booking_date = '2026-11-16' GROUP BY outcome",
                        "SELECT COALESCE(SUM(amount), 0) FROM credit WHERE account_id = 'main' AND booking_date = '2026-11-16' AND statement_line_id IS NOT NULL",
                        "SELECT direction, COUNT(*), SUM(amount) FROM statement_line WHERE account_id = 'main' AND booking_date = '2026-11-16' GROUP BY direction"] {
                let plan = try Self.plan(connection, sql)
                #expect(plan.contains("USING COVERING INDEX"), "\(sql): \(plan)")
            }
            // The callback lookup keeps its prefix: account, booking date, amount.
            let lookup = try Self.plan(connection, "SELECT id FROM credit WHERE account_id = 'main' AND booking_date IN ('2026-11-15', '2026-11-16') AND amount = 9000")
            #expect(lookup.contains("credit_by_day (account_id=? AND booking_date=? AND amount=?)"), "\(lookup)")
            let outcomes = try DayRepository(connection).outcomeTotals(account: "main", date: LocalDate(parsing: "2026-11-16"))
            #expect(outcomes.map(\.amount).sum() == Money(dong: 25_000))
        }
    }
}
