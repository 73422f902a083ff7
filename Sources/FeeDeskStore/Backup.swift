import CSQLite
import Foundation

extension Database {
    /// Copies the whole database to `destination` with SQLite's online backup API: a consistent
    /// snapshot while the service keeps running. The copy is written beside the destination and renamed
    /// into place, so a failed backup never leaves a half-written file under the final name.
    public func backup(to destination: String) throws {
        let temporary = destination + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try withWriter { source in
                let target = try SQLiteConnection(path: temporary)
                try Database.copy(from: source, to: target)
            }
            try Database.checkCopy(at: temporary)
            if FileManager.default.fileExists(atPath: destination) {
                try FileManager.default.removeItem(atPath: destination)
            }
            try FileManager.default.moveItem(atPath: temporary, toPath: destination)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            throw error
        }
    }

    /// Reopens the copy, runs SQLite's quick check and folds its WAL into the file; closes it again.
    private static func checkCopy(at path: String) throws {
        let check = try SQLiteConnection(path: path, create: false)
        let verdict = try check.queryOne("PRAGMA quick_check") { row in row.text(0) } ?? nil
        guard verdict == "ok" else {
            throw StoreError.corrupt("the backup copy failed its integrity check: \(verdict ?? "no answer")")
        }
        try check.execute("PRAGMA journal_mode=DELETE")
    }

    private static func copy(from source: SQLiteConnection, to target: SQLiteConnection) throws(StoreError) {
        guard let backup = sqlite3_backup_init(target.handle, "main", source.handle, "main") else {
            throw StoreError.sqlite(code: sqlite3_extended_errcode(target.handle), message: target.lastErrorMessage,
                                    context: "starting the backup to \(target.path)")
        }
        let stepResult = sqlite3_backup_step(backup, -1)
        let finishResult = sqlite3_backup_finish(backup)
        guard stepResult == SQLITE_DONE, finishResult == SQLITE_OK else {
            throw StoreError.sqlite(code: stepResult == SQLITE_DONE ? finishResult : stepResult,
                                    message: target.lastErrorMessage, context: "copying the database to \(target.path)")
        }
    }
}
