import FeeDeskStore
import Foundation

/// What SQLite alone writes per second on this machine with FeeDesk's connection settings (WAL,
/// `synchronous=FULL`, 64 MB cache), in one transaction: plain four-column rows, and index entries
/// in ascending key order, the cheapest kind. Nothing that stores rows through SQLite can be faster,
/// so `seconds(rows:indexEntries:)` is a lower bound for an operation that writes that many.
public struct SQLiteFloor: Sendable {
    /// Plain rows (integer key, an integer, two short texts, no index) per second.
    public let rowsPerSecond: Double
    /// Index entries (ascending keys) per second, beyond the rows they index.
    public let indexEntriesPerSecond: Double

    /// The least seconds SQLite needs to write `rows` rows and `indexEntries` index entries.
    public func seconds(rows: Int, indexEntries: Int) -> Double {
        Double(rows) / rowsPerSecond + Double(indexEntries) / indexEntriesPerSecond
    }

    /// Measures the floor with `rows` rows in a scratch database in `folder`, median of `runs`.
    public static func measure(rows: Int, runs: Int = 3, folder: String) throws -> SQLiteFloor {
        let plain = try (0..<runs).map { _ in try timeInsert(rows: rows, indexes: [], folder: folder) }.sorted()[runs / 2]
        let indexed = try (0..<runs).map { _ in
            try timeInsert(rows: rows, indexes: ["(account, day, amount)", "(amount)"], folder: folder)
        }.sorted()[runs / 2]
        return SQLiteFloor(rowsPerSecond: Double(rows) / plain,
                           indexEntriesPerSecond: Double(2 * rows) / max(indexed - plain, 1e-6))
    }

    /// Rows of `reference(folder:)`.
    static let referenceRows = 200_000

    /// Seconds to write `referenceRows` rows with two indexes, once: a reference of how fast SQLite
    /// runs on this machine at this moment, timed next to a benchmark. The host of a virtual machine
    /// may slow it for minutes at a time (up to twice as long, while a tight register-only loop keeps
    /// its speed): a run that met such a moment shows it here.
    static func reference(folder: String) throws -> Double {
        try timeInsert(rows: referenceRows, indexes: ["(account, day, amount)", "(amount)"], folder: folder)
    }

    private static func timeInsert(rows: Int, indexes: [String], folder: String) throws -> Double {
        let path = folder + "/bench-floor-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let connection = try SQLiteConnection(path: path)
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL, account TEXT NOT NULL, day TEXT NOT NULL) STRICT")
        for (number, columns) in indexes.enumerated() { try connection.execute("CREATE INDEX t\(number) ON t \(columns)") }
        return try BenchResult.time(runs: 1) {
            try connection.writeTransaction { connection in
                try connection.execute("""
                    WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(rows))
                    INSERT INTO t (id, amount, account, day) SELECT i, 100000 + i, 'vcb-thu-phi', '2026-11-22' FROM n
                    """)
            }
        }[0]
    }
}
