import CSQLite

/// SQLite's process-wide settings (`feedesk_sqlite_configure`), applied once before the first connection
/// opens; SQLite refuses them, harmlessly, if it was already in use.
private let sqliteConfigured: Int32 = feedesk_sqlite_configure()

/// One SQLite connection with FeeDesk's settings: WAL, `synchronous=FULL`, foreign keys, busy timeout.
///
/// Not thread-safe by itself (opened with `SQLITE_OPEN_NOMUTEX`): `Database` confines each connection
/// behind a mutex. Prepared statements are cached by SQL text and finalized before the connection closes.
public final class SQLiteConnection {
    let handle: OpaquePointer
    /// The database file.
    public let path: String
    private var cache: [String: SQLiteStatement] = [:]

    /// Opens (creating if needed) the database at `path` and applies FeeDesk's pragmas.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 5_000, create: Bool = true) throws(StoreError) {
        _ = sqliteConfigured
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        if create { flags |= SQLITE_OPEN_CREATE }
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw StoreError.sqlite(code: rc, message: message, context: "opening \(path)")
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        try configure()
    }

    /// True when SQLite counts the memory it uses (off in FeeDesk: see `feedesk_sqlite_configure`).
    static var countsMemory: Bool {
        _ = sqliteConfigured
        var current: Int64 = 0, highest: Int64 = 0
        sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &current, &highest, 0)
        return current != 0
    }

    private func configure() throws(StoreError) {
        let mode = try queryOne("PRAGMA journal_mode=WAL") { row in row.text(0) } ?? nil
        guard mode?.lowercased() == "wal" else {
            throw StoreError.sqlite(code: SQLITE_ERROR, message: "journal_mode answered '\(mode ?? "nothing")'", context: "enabling WAL on \(path)")
        }
        try execute("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;")
    }

    deinit {
        for statement in cache.values { statement.finalize() }
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements that return no rows.
    public func execute(_ sql: String) throws(StoreError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errorMessage)
            throw StoreError.sqlite(code: rc, message: message, context: "running \(SQLiteConnection.abbreviate(sql))")
        }
    }

    /// The cached prepared statement for `sql`, reset and with bindings cleared.
    public func prepare(_ sql: String) throws(StoreError) -> SQLiteStatement {
        if let statement = cache[sql] {
            statement.reset()
            return statement
        }
        var raw: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard rc == SQLITE_OK, let raw else {
            throw StoreError.sqlite(code: rc, message: lastErrorMessage, context: "preparing \(SQLiteConnection.abbreviate(sql))")
        }
        let statement = SQLiteStatement(raw, connection: self, sql: sql)
        cache[sql] = statement
        return statement
    }

    /// Runs one statement with `arguments` bound to its `?` parameters; returns the rows changed.
    @discardableResult
    public func run(_ sql: String, _ arguments: any SQLBindable...) throws(StoreError) -> Int {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        try statement.runToEnd()
        return Int(sqlite3_changes(handle))
    }

    /// Every row of a query, each turned into a value by `transform`.
    public func query<T>(_ sql: String, _ arguments: any SQLBindable..., transform: (SQLiteRow) throws(StoreError) -> T) throws(StoreError) -> [T] {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        var rows: [T] = []
        while try statement.step() {
            rows.append(try transform(SQLiteRow(statement: statement.handle)))
        }
        statement.reset()
        return rows
    }

    /// Calls `visit` for every row of a query without collecting them (for large scans).
    public func forEach(_ sql: String, _ arguments: [any SQLBindable] = [], visit: (SQLiteRow) throws(StoreError) -> Void) throws(StoreError) {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        while try statement.step() {
            try visit(SQLiteRow(statement: statement.handle))
        }
    }

    /// The first row of a query turned into a value, or nil when there is none.
    public func queryOne<T>(_ sql: String, _ arguments: any SQLBindable..., transform: (SQLiteRow) throws(StoreError) -> T) throws(StoreError) -> T? {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return try transform(SQLiteRow(statement: statement.handle))
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True while a transaction is open.
    public var inTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    static func abbreviate(_ sql: String) -> String {
        let oneLine = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: " ") }.joined(separator: " ")
        return oneLine.count > 80 ? String(oneLine.prefix(77)) + "..." : oneLine
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}
