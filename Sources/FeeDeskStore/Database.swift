import Foundation
import Dispatch
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
    /// Runs the WAL checkpoints that follow bulk writes, each on a connection of its own.
    private let checkpointer = DispatchQueue(label: "feedesk.checkpoint")
    private let checkpoints = DispatchGroup()

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

    /// Runs `body` in one write transaction, like `write`, with SQLite's foreign-key enforcement off,
    /// for bulk inserts (a statement import).
    ///
    /// Foreign keys: for inserts whose parent rows the caller itself writes or reads in the same
    /// transaction (lines of the statement it inserts, credits of those lines, allocations of those
    /// credits to dossiers it read, receipts of those allocations), SQLite's per-row parent lookups are
    /// a quarter of the insert cost and can never fail. The caller checks any parent it did not write
    /// or read itself. Enforcement is back on when this returns or throws; if it cannot be restored
    /// the connection is unusable and says so.
    ///
    /// Checkpoint: the commit does not copy the new pages from the WAL into the database (SQLite's
    /// automatic checkpoint, a second or more after a million-line import, while the write lock is
    /// held); a passive checkpoint on a connection of its own does it after the lock is released, so
    /// the caller and the next writers need not wait. The commit is durable either way (the WAL is
    /// synced); `waitForCheckpoints` waits for it, and the database waits for it before it closes.
    ///
    /// Sync: while `body` runs, `WALWriteback` syncs the WAL every quarter second on a thread of its
    /// own, so that the commit's sync has only the last pages to write (0.2 s less for a million lines),
    /// and `WALRunway` keeps the WAL extended and cached ahead of the frames, so that appending them
    /// does not wait for the kernel to allocate and zero new pages (a fifth of the write pass).
    @discardableResult
    public func writeWithoutForeignKeyChecks<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let result: Result<T, any Error> = try writeLock.withLock { _ in
            try writeConnection.execute("PRAGMA foreign_keys=OFF; PRAGMA wal_autocheckpoint=0")
            let writeback = WALWriteback(walPath: path + "-wal")
            let runway = WALRunway(walPath: path + "-wal")
            let result: Result<T, any Error> = Result { try writeConnection.writeTransaction(body) }
            runway.stop()
            writeback.stop()
            try writeConnection.execute("PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=1000")
            return result
        }
        if case .success = result { checkpointInBackground() }
        return try result.get()
    }

    /// Starts a passive WAL checkpoint on a connection of its own (a failure leaves the pages in the
    /// WAL, where SQLite's next automatic checkpoint takes them).
    private func checkpointInBackground() {
        let path = self.path
        checkpointer.async(group: checkpoints) {
            guard let connection = try? SQLiteConnection(path: path, create: false) else { return }
            try? connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        }
    }

    /// Waits until the checkpoints started by bulk writes have finished.
    public func waitForCheckpoints() {
        checkpoints.wait()
    }

    deinit {
        checkpoints.wait()
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
