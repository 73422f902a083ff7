import FeeDeskCore
import FeeDeskStore

/// A one-screen summary of the database.
public struct StatusReport: Sendable, Equatable, Encodable {
    public let database: String
    public let schemaVersion: Int
    public let unit: String
    public let fees: Int
    public let dossiers: Int64
    public let dossiersByStatus: [String: Int]
    public let cashPayments: Int64
    public let auditRows: Int64
}

extension FeeDesk {
    /// Copies the database to `path` with SQLite's online backup API.
    public func backup(to path: String) throws {
        try database.backup(to: path)
    }

    /// Walks the audit journal's hash chain; throws at the first broken link.
    public func verifyAudit() throws -> AuditVerification {
        try database.read { connection in try AuditJournal.verify(connection) }
    }

    /// Counts for `feedesk status` and `make run`.
    public func status() throws -> StatusReport {
        let version = try database.schemaVersion()
        return try database.read { connection in
            var byStatus: [String: Int] = [:]
            for stored in try DossierRepository(connection, calendar: calendar).list() {
                byStatus[stored.status.rawValue, default: 0] += 1
            }
            return StatusReport(
                database: database.path, schemaVersion: version, unit: config.unit.name,
                fees: try FeeRepository(connection).active().count,
                dossiers: try DossierRepository(connection, calendar: calendar).count(),
                dossiersByStatus: byStatus, cashPayments: try CashRepository(connection, calendar: calendar).count(),
                auditRows: try connection.queryOne("SELECT COUNT(*) FROM audit") { row in row.int64(0) } ?? 0)
        }
    }
}
