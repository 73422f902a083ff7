import FeeDeskStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `feedesk restore` put in place.
public struct RestoreReport: Sendable, Equatable, Encodable {
    /// The backup file read.
    public let backup: String
    /// The database file replaced or created.
    public let database: String
    /// True when an existing database was replaced (`--force`).
    public let replaced: Bool
    /// The schema version of the backup (a later `feedesk` command migrates an older one).
    public let schemaVersion: Int
    /// Rows in the audit journal.
    public let auditRows: Int64
    /// The audit journal's head hash: compare it with the one recorded when the backup was taken.
    public let auditHead: String
    /// Dossiers restored.
    public let dossiers: Int64
    /// Credits restored.
    public let credits: Int64
}

/// Restores a database from a backup made by `feedesk backup`.
///
/// 1. The backup is copied into a temporary file beside the database and checked there, so what is
///    checked is exactly what is installed: it must open as SQLite, pass `PRAGMA integrity_check`,
///    have a schema version this program knows and an intact audit journal. It is then flushed.
/// 2. An existing database is locked exclusively (`ExclusiveDatabaseLock`): if another connection has
///    it open, typically `feedesk serve`, the restore is refused even with `force`. A database that
///    holds dossiers, credits, payments, statement lines or callbacks is replaced only with `force`.
/// 3. The lock's holder folds the old write-ahead log into the old file, the temporary file is renamed
///    over the database (atomic), the folder is flushed, and stale `-wal`/`-shm` files are removed.
/// 4. The installed file is opened again and its audit head compared with the checked one.
///
/// Every refusal is an `AppError` (exit status 3) naming the file; nothing is changed by a refusal.
public enum DatabaseRestore {
    /// Tables whose rows make a database worth protecting with `--force`, and what their rows are.
    static let dataTables = [
        ("dossier", "dossiers"), ("credit", "credits"), ("cash_payment", "cash payments"),
        ("statement_line", "statement lines"), ("callback", "callbacks"),
    ]

    /// Replaces (or creates) the database at `target` with the backup at `backup`.
    public static func restore(backup: String, over target: String, force: Bool) throws -> RestoreReport {
        guard FileManager.default.fileExists(atPath: backup) else {
            throw AppError.file(path: backup, message: "no such backup file")
        }
        if FileManager.default.fileExists(atPath: target),
           URL(fileURLWithPath: backup).resolvingSymlinksInPath() == URL(fileURLWithPath: target).resolvingSymlinksInPath() {
            throw AppError.file(path: backup, message: "is the database itself, not a backup of it")
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        try createFolder(folder)
        let staging = target + ".restore-\(ProcessInfo.processInfo.processIdentifier)"
        removeWithCompanions(staging)
        defer { removeWithCompanions(staging) }
        do {
            try FileManager.default.copyItem(atPath: backup, toPath: staging)
        } catch {
            throw AppError.file(path: backup, message: "cannot be copied beside the database (\(error.localizedDescription))")
        }
        let checked = try BackupCheck.check(staging, shownAs: backup, seal: true)
        try flush(staging)

        var replaced = false
        var lock: ExclusiveDatabaseLock?
        if FileManager.default.fileExists(atPath: target) {
            lock = try lockExisting(target, force: force)
            replaced = true
        }
        if rename(staging, target) != 0 {
            let reason = String(cString: strerror(errno))
            lock?.release()
            throw AppError.file(path: target, message: "cannot be replaced (\(reason))")
        }
        try flush(folder)
        lock?.release()
        for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: target + suffix) }

        let installed = try BackupCheck.check(target, shownAs: target, seal: false)
        guard installed.audit.head == checked.audit.head, installed.dossiers == checked.dossiers else {
            throw AppError.file(path: target, message: "does not hold what the backup held after the rename (audit head \(installed.audit.head))")
        }
        return RestoreReport(backup: backup, database: target, replaced: replaced, schemaVersion: checked.schemaVersion,
                             auditRows: checked.audit.rows, auditHead: checked.audit.head,
                             dossiers: checked.dossiers, credits: checked.credits)
    }

    /// Locks the existing database and checks it may be replaced; the checkpoint leaves its
    /// write-ahead log empty, so no stale frame can be replayed into the restored file.
    private static func lockExisting(_ target: String, force: Bool) throws -> ExclusiveDatabaseLock? {
        let lock: ExclusiveDatabaseLock
        do {
            lock = try ExclusiveDatabaseLock(path: target)
        } catch let error where error.isBusy {
            throw AppError.file(path: target, message: "is open in another program (is feedesk serve running?); stop it before restoring")
        } catch {
            guard force else {
                throw AppError.file(path: target, message: "exists but cannot be read as a database (\(BackupCheck.clause(error))); add --force to replace it")
            }
            return nil
        }
        let counts = try lock.rowCounts(dataTables.map(\.0))
        let held = dataTables.compactMap { table, noun in counts[table].flatMap { $0 > 0 ? "\($0) \(noun)" : nil } }
        if !force, !held.isEmpty {
            lock.release()
            throw AppError.file(path: target, message: "already holds \(held.joined(separator: ", ")); add --force to replace it with the backup")
        }
        try lock.checkpoint()
        return lock
    }

    private static func createFolder(_ folder: String) throws {
        guard !FileManager.default.fileExists(atPath: folder) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw AppError.file(path: folder, message: "cannot create the database folder (\(error.localizedDescription))")
        }
    }

    /// `fsync` on a file or a folder.
    private static func flush(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw AppError.file(path: path, message: "cannot be opened to flush it (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw AppError.file(path: path, message: "cannot be flushed to disk (\(String(cString: strerror(errno))))")
        }
    }

    private static func removeWithCompanions(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
