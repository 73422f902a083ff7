@testable import FeeDeskStore
import Testing

@Suite struct CallbackLookupIndexTests {
    /// The statement-credit lookup every callback makes inside the shared commit seeks the day's
    /// credit index on account, day, amount and source (migration 11), so the day's callback credits
    /// of the same amount are not visited.
    @Test func statementCreditLookupSeeksAccountDayAmountAndSource() throws {
        let folder = TemporaryDirectory()
        let database = try Database(path: folder.file("plan.sqlite"))
        let plan = try database.read { connection in
            try connection.query("""
                EXPLAIN QUERY PLAN SELECT id, bank_reference, memo, amount FROM credit
                WHERE account_id = ? AND booking_date IN (?, ?, ?) AND amount = ? AND source = 'statement' ORDER BY id
                """, "main", "2026-11-21", "2026-11-22", "2026-11-23", Int64(75_000)) { $0.text(3) ?? "" }
        }
        #expect(plan.contains { $0.contains("USING INDEX credit_by_day (account_id=? AND booking_date=? AND amount=? AND source=?)") },
                "\(plan)")
        let indexes = try database.read { connection in
            try connection.query("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'credit' AND sql IS NOT NULL ORDER BY name") {
                $0.text(0) ?? ""
            }
        }
        #expect(!indexes.contains("credit_statement_by_amount"))
    }
}
