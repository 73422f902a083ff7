/// One step of the schema, applied once, in order, recorded in `PRAGMA user_version`.
///
/// A migration that has shipped is never edited; changes come as a new migration.
public struct Migration: Sendable {
    /// The schema version this migration produces (1, 2, …).
    public let version: Int
    /// What it does, for logs.
    public let name: String
    /// The SQL it runs.
    public let sql: String

    /// A migration to `version`.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// Applies pending migrations, each in its own write transaction.
public struct Migrator: Sendable {
    /// The migrations in version order.
    public let migrations: [Migration]

    /// A migrator for `migrations` (versions must be 1, 2, 3, … in order).
    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// The highest version this program knows.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Brings `connection`'s schema up to date; refuses a schema newer than this program.
    public func migrate(_ connection: SQLiteConnection) throws {
        for migration in migrations {
            try connection.writeTransaction { connection in
                // Read inside the transaction: another process may have migrated meanwhile.
                let current = try Migrator.version(of: connection)
                if current > latestVersion {
                    throw StoreError.schemaTooNew(found: current, known: latestVersion, path: connection.path)
                }
                guard current < migration.version else { return }
                try connection.execute(migration.sql)
                try connection.execute("PRAGMA user_version = \(migration.version)")
            }
        }
        if migrations.isEmpty { return }
        let final = try Migrator.version(of: connection)
        if final > latestVersion {
            throw StoreError.schemaTooNew(found: final, known: latestVersion, path: connection.path)
        }
    }

    /// The version recorded in the file (0 for a new file).
    public static func version(of connection: SQLiteConnection) throws(StoreError) -> Int {
        Int(try connection.queryOne("PRAGMA user_version") { row in row.int64(0) } ?? 0)
    }
}
