import FeeDeskApp
import Foundation

extension Commands {
    /// `feedesk restore FILE [--force]`: replaces the database with a checked backup.
    static let restore: [CommandSpec] = [
        CommandSpec("restore", arguments: ["FILE"], options: [.flag("force")],
                    summary: "Khôi phục CSDL từ bản sao lưu / replace the database from a checked backup") { context in
            // The database is named but never opened here: opening it would migrate it and hold it open.
            let database = try context.globals.database ?? context.environment["FEEDESK_DB"] ?? context.config().databasePath
            let report = try DatabaseRestore.restore(backup: context.arguments.positionals[0], over: database,
                                                     force: context.arguments.flag("force"))
            try context.emit(report) { report in
                """
                Đã khôi phục / restored \(report.backup) → \(report.database)\(report.replaced ? " (replaced the previous database)" : "")
                schema version \(report.schemaVersion), \(report.dossiers) dossiers, \(report.credits) credits
                audit journal: \(report.auditRows) rows, head \(report.auditHead)
                """
            }
            return 0
        },
    ]
}
