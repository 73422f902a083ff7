import FeeDeskStore

/// The checks a backup must pass before `feedesk restore` installs it, and what it holds.
struct BackupCheck: Sendable {
    /// The schema version recorded in the file.
    let schemaVersion: Int
    /// The verified audit journal.
    let audit: AuditVerification
    /// Rows of `dossier`.
    let dossiers: Int64
    /// Rows of `credit`.
    let credits: Int64

    /// Opens `path` and checks it: a SQLite file that passes `PRAGMA integrity_check`, with a schema
    /// this program knows and an intact audit journal. With `seal`, the file is then switched to
    /// rollback-journal mode, so that no `-wal` is left beside it. Refusals are `AppError`s naming `shown`.
    static func check(_ path: String, shownAs shown: String, seal: Bool) throws -> BackupCheck {
        do {
            let connection = try SQLiteConnection(path: path, create: false)
            let problems = try connection.integrityProblems()
            if let first = problems.first {
                throw AppError.file(path: shown, message: "fails SQLite's integrity check (\(first))")
            }
            let version = try Migrator.version(of: connection)
            let known = Migrator(migrations: Schema.migrations).latestVersion
            guard version <= known else {
                throw AppError.file(path: shown, message: "has schema version \(version), newer than this feedesk understands (\(known)); restore it with a newer feedesk")
            }
            let hasJournal = try connection.queryOne("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit'") { row in row.int64(0) } ?? 0
            guard version > 0, hasJournal > 0 else {
                throw AppError.file(path: shown, message: "is a SQLite file but not a FeeDesk database (no schema version or audit journal)")
            }
            let audit = try AuditJournal.verify(connection)
            let dossiers = try connection.queryOne("SELECT COUNT(*) FROM dossier") { row in row.int64(0) } ?? 0
            let credits = try connection.queryOne("SELECT COUNT(*) FROM credit") { row in row.int64(0) } ?? 0
            if seal { try connection.execute("PRAGMA journal_mode=DELETE") }
            return BackupCheck(schemaVersion: version, audit: audit, dossiers: dossiers, credits: credits)
        } catch let StoreError.auditBroken(row, reason) {
            throw AppError.file(path: shown, message: "has a broken audit journal at row \(row) (\(reason))")
        } catch let StoreError.sqlite(code, message, _) where [11, 26].contains(code & 0xFF) {
            throw AppError.file(path: shown, message: "is not a readable SQLite database (SQLite error \(code): \(message))")
        } catch let error as StoreError {
            throw AppError.file(path: shown, message: "cannot be checked (\(clause(error)))")
        }
    }

    /// An error's description without its final period, to quote inside a sentence.
    static func clause(_ error: any Error) -> String {
        let text = "\(error)"
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
