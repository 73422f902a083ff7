import CSQLite

/// Proof that no other connection, in this process or another, has a database open: a connection
/// in SQLite's exclusive locking mode holding an exclusive transaction.
///
/// In WAL mode every open connection keeps a shared lock on the database file for as long as it is
/// open, idle or not (SQLite relies on this to find the last connection at close). So
/// `PRAGMA locking_mode=EXCLUSIVE` followed by `BEGIN EXCLUSIVE` succeeds only when nobody else has
/// the file open, for example a running `feedesk serve`, and then keeps everyone else out until
/// ``release()``. Used by `feedesk restore` before it replaces the file.
///
/// Confined to the thread that created it.
public final class ExclusiveDatabaseLock {
    private var connection: SQLiteConnection?
    /// The database file.
    public let path: String

    /// Takes the lock without waiting.
    /// - Throws: `StoreError` whose `isBusy` is true when another connection has the database open;
    ///   another `StoreError` when the file cannot be opened as a database.
    public init(path: String) throws(StoreError) {
        self.path = path
        let connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 0, create: false)
        try connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        try connection.execute("BEGIN EXCLUSIVE")
        self.connection = connection
    }

    /// The number of rows of each of `tables` that exists; tables the schema lacks are left out.
    public func rowCounts(_ tables: [String]) throws(StoreError) -> [String: Int64] {
        let connection = try held()
        var counts: [String: Int64] = [:]
        for table in tables {
            let exists = try connection.queryOne("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", table) { row in
                row.int64(0)
            } ?? 0
            guard exists > 0 else { continue }
            counts[table] = try connection.queryOne("SELECT COUNT(*) FROM \"\(table)\"") { row in row.int64(0) } ?? 0
        }
        return counts
    }

    /// Ends the transaction and folds the write-ahead log into the file, emptying it, while keeping
    /// the lock (exclusive locking mode keeps it after the commit).
    public func checkpoint() throws(StoreError) {
        let connection = try held()
        try connection.execute("COMMIT")
        try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Closes the connection, which releases the lock. SQLite may then delete the file's `-wal` and
    /// `-shm` companions, as the last connection to a database does.
    public func release() {
        connection = nil
    }

    private func held() throws(StoreError) -> SQLiteConnection {
        guard let connection else {
            throw StoreError.sqlite(code: SQLITE_MISUSE, message: "the lock was released", context: "using the exclusive lock on \(path)")
        }
        return connection
    }
}

extension SQLiteConnection {
    /// `PRAGMA integrity_check`: the problems SQLite reports, empty when the file is sound.
    public func integrityProblems() throws(StoreError) -> [String] {
        let answers = try query("PRAGMA integrity_check") { row in row.text(0) ?? "" }
        return answers == ["ok"] ? [] : answers
    }
}
