@testable import FeeDeskStore
import Foundation
import Testing

/// Schema version 12: a database of version 11 with statement lines migrates, and the search for
/// unexplained debits reads the partial index (only the debits waiting), not every statement line.
@Suite struct DebitIndexTests {
    @Test func version11MigratesAndUnexplainedDebitsUseTheIndex() throws {
        let folder = TemporaryDirectory()
        let path = try DayIndexTests.database(version: 11, in: folder, rows: DayIndexTests.oneStatement + """
                INSERT INTO statement_line (id, statement_id, identity, account_id, booking_date, value_date, amount, direction, reversal, memo, raw, outcome)
                VALUES (1, 1, x'01', 'main', '2026-11-17', '2026-11-17', 5000, 'credit', 0, 'a', 'a', NULL),
                       (2, 1, x'02', 'main', '2026-11-17', '2026-11-17', 700, 'debit', 0, 'phi', 'phi', NULL),
                       (3, 1, x'03', 'main', '2026-11-16', '2026-11-16', 900, 'debit', 0, 'rut', 'rut', 'unexplained'),
                       (4, 1, x'04', 'main', '2026-11-16', '2026-11-16', 300, 'debit', 0, 'nop', 'nop', 'remittance');
                """)
        let database = try Database(path: path)
        #expect(try database.schemaVersion() == Schema.migrations.last?.version)
        try database.read { connection in
            #expect(try MoneyOutRepository(connection).unexplainedDebits().map(\.id) == [3, 2], "oldest first, explained ones left out")
            let plan = try DayIndexTests.plan(connection, "SELECT id FROM statement_line WHERE " + MoneyOutRepository.unexplainedDebit
                                              + " ORDER BY booking_date, id")
            #expect(plan.contains("USING INDEX statement_line_unexplained_debit") && !plan.contains("TEMP B-TREE"), "\(plan)")
            let indexed = try connection.queryOne("SELECT COUNT(*) FROM statement_line INDEXED BY statement_line_unexplained_debit WHERE "
                                                  + MoneyOutRepository.unexplainedDebit) { $0.int64(0) }
            #expect(indexed == 2)
        }
    }
}
