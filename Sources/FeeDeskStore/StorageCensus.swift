/// How many entries each b-tree of a database holds, read from SQLite's `dbstat` table: rows for a
/// table, keys for an index (partial indexes count only the rows they cover).
///
/// Benchmarks take one before and one after an operation to see how much it asked SQLite to write;
/// `SQLiteFloor` turns that into the least time SQLite alone needs for it.
public struct StorageCensus: Sendable, Equatable {
    /// Entries per b-tree, by table or index name.
    public let entries: [String: Int]
    /// The names in `entries` that are indexes (including SQLite's automatic UNIQUE indexes).
    public let indexes: Set<String>

    /// Counts every b-tree of the main database of `connection` (reads every page: seconds for a GB).
    public static func take(_ connection: SQLiteConnection) throws(StoreError) -> StorageCensus {
        // A table b-tree keeps its rows in its leaves; an index b-tree keeps keys in interior pages too.
        let counts = try connection.query("""
            SELECT s.name, m.type = 'index',
                   sum(CASE WHEN s.pagetype = 'leaf' OR (s.pagetype = 'internal' AND m.type = 'index') THEN s.ncell ELSE 0 END)
            FROM dbstat AS s LEFT JOIN sqlite_schema AS m ON m.name = s.name
            GROUP BY s.name
            """) { row in (name: row.text(0) ?? "", isIndex: row.int64(1) == 1, entries: Int(row.int64(2))) }
        return StorageCensus(entries: Dictionary(counts.map { ($0.name, $0.entries) }, uniquingKeysWith: +),
                             indexes: Set(counts.filter(\.isIndex).map(\.name)))
    }

    /// An explicit census (tests).
    public init(entries: [String: Int], indexes: Set<String>) {
        self.entries = entries
        self.indexes = indexes
    }

    /// Table rows and index entries added since `earlier`.
    public func added(since earlier: StorageCensus) -> (rows: Int, indexEntries: Int) {
        var rows = 0, indexEntries = 0
        for (name, count) in entries {
            let added = count - (earlier.entries[name] ?? 0)
            if indexes.contains(name) { indexEntries += added } else { rows += added }
        }
        return (rows, indexEntries)
    }
}
