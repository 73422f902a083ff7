import Synchronization

/// The FeeDesk database: a migrated SQLite file shared safely between threads.
///
/// Writes go through one connection behind a mutex (SQLite admits one writer at a time anyway);
/// reads use a second connection so that WAL readers never wait for a writer.
public final class Database: @unchecked Sendable { // each connection is touched only while its mutex is held
    /// The database file.
    public let path: String
    private let writeLock = Mutex(())
    private let writeConnection: SQLiteConnection
    private let readLock = Mutex(())
    private let readConnection: SQLiteConnection

    /// Opens the database at `path`, creating the file and applying pending migrations.
    public init(path: String, migrations: [Migration] = Schema.migrations) throws {
        self.path = path
        let writeConnection = try SQLiteConnection(path: path)
        try Migrator(migrations: migrations).migrate(writeConnection)
        let readConnection = try SQLiteConnection(path: path, create: false)
        self.writeConnection = writeConnection
        self.readConnection = readConnection
    }

    /// Runs `body` in one write transaction: everything it does is committed together, or nothing.
    @discardableResult
    public func write<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try writeLock.withLock { _ in try writeConnection.writeTransaction(body) }
    }

    /// Runs `body` in one read transaction on a snapshot of the database.
    public func read<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try readLock.withLock { _ in try readConnection.readTransaction(body) }
    }

    /// Runs `body` in one write transaction, like `write`, with SQLite's foreign-key enforcement off.
    ///
    /// For bulk inserts whose parent rows the caller itself writes or reads in the same transaction
    /// (a statement import: lines of the statement it inserts, credits of those lines, allocations of
    /// those credits to dossiers it read, receipts of those allocations), where SQLite's per-row parent
    /// lookups are a quarter of the insert cost and can never fail. The caller checks any parent it did
    /// not write or read itself. Enforcement is back on when this returns or throws; if it cannot be
    /// restored the connection is unusable and says so.
    @discardableResult
    public func writeWithoutForeignKeyChecks<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try writeLock.withLock { _ in
            try writeConnection.execute("PRAGMA foreign_keys=OFF")
            let result: Result<T, any Error> = Result { try writeConnection.writeTransaction(body) }
            try writeConnection.execute("PRAGMA foreign_keys=ON")
            return try result.get()
        }
    }

    /// Runs `body` with the write connection outside any transaction (backups, maintenance).
    public func withWriter<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try writeLock.withLock { _ in try body(writeConnection) }
    }

    /// The schema version recorded in the file.
    public func schemaVersion() throws -> Int {
        try read { connection in try Migrator.version(of: connection) }
    }
}
