@testable import FeeDeskStore
import Testing

/// `StorageCensus`: rows and index entries per b-tree, from SQLite's `dbstat`.
@Suite struct StorageCensusTests {
    @Test func countsRowsAndIndexEntriesAndWhatWasAdded() throws {
        let folder = TemporaryDirectory()
        let connection = try SQLiteConnection(path: folder.file("census.sqlite"))
        try connection.execute("""
            CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, amount INTEGER NOT NULL, kind TEXT NOT NULL) STRICT;
            CREATE INDEX t_by_amount ON t (amount);
            CREATE INDEX t_open ON t (kind) WHERE kind = 'open';
            """)
        let empty = try StorageCensus.take(connection)
        #expect(empty.entries["t"] == 0)
        // Enough rows for interior pages, so keys kept in an index's interior pages are counted too.
        try connection.execute("""
            WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
            INSERT INTO t (code, amount, kind) SELECT printf('HS-%08d', i), i * 7 % 1000, CASE WHEN i % 4 = 0 THEN 'open' ELSE 'done' END FROM n
            """)
        let full = try StorageCensus.take(connection)
        #expect(full.entries["t"] == 20000)
        #expect(full.entries["t_by_amount"] == 20000)
        #expect(full.entries["t_open"] == 5000) // a partial index holds only the rows it covers
        #expect(full.entries["sqlite_autoindex_t_1"] == 20000)
        #expect(full.indexes.isSuperset(of: ["t_by_amount", "t_open", "sqlite_autoindex_t_1"]))
        #expect(!full.indexes.contains("t"))
        let added = full.added(since: empty)
        #expect(added.rows == 20000 + 0) // schema rows were written before the first census
        #expect(added.indexEntries == 45000)
    }

    @Test func addedCountsOnlyTheDifference() {
        let before = StorageCensus(entries: ["line": 10, "line_by_day": 10], indexes: ["line_by_day"])
        let after = StorageCensus(entries: ["line": 15, "line_by_day": 15, "receipt": 3], indexes: ["line_by_day"])
        let added = after.added(since: before)
        #expect(added.rows == 8)
        #expect(added.indexEntries == 5)
    }
}
