@testable import FeeDeskStore
import Testing

@Suite struct CallbackLookupIndexTests {
    /// The statement-credit lookup every callback makes inside the shared commit uses the partial
    /// index of migration 8, not the index of all credits of the day.
    @Test func statementCreditLookupUsesThePartialIndex() throws {
        let folder = TemporaryDirectory()
        let database = try Database(path: folder.file("plan.sqlite"))
        let plan = try database.read { connection in
            try connection.query("""
                EXPLAIN QUERY PLAN SELECT id, bank_reference, memo, amount FROM credit
                WHERE account_id = ? AND booking_date IN (?, ?, ?) AND amount = ? AND source = 'statement' ORDER BY id
                """, "main", "2026-11-21", "2026-11-22", "2026-11-23", Int64(75_000)) { $0.text(3) ?? "" }
        }
        #expect(plan.contains { $0.contains("USING INDEX credit_statement_by_amount") }, "\(plan)")
    }
}
