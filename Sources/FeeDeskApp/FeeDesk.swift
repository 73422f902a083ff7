import FeeDeskCore
import FeeDeskStore
import Foundation

/// The FeeDesk application: every use case the CLI and the HTTP service offer, over one database.
///
/// Each use case that changes state runs in one write transaction together with its audit row, so
/// it is stored completely or not at all.
public final class FeeDesk: Sendable {
    /// The configuration in force.
    public let config: FeeDeskConfig
    /// The database.
    public let database: Database
    /// The clock (injected for tests).
    public let clock: any WallClock

    /// Opens (creating and migrating if needed) the database at `databasePath`, or the configured one.
    public init(config: FeeDeskConfig, databasePath: String? = nil, clock: any WallClock = SystemWallClock()) throws {
        let path = databasePath ?? config.databasePath
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw AppError.file(path: folder, message: "cannot create the database folder (\(error.localizedDescription))")
            }
        }
        self.config = config
        self.clock = clock
        database = try Database(path: path)
    }

    /// The zone business dates are counted in.
    public var calendar: BusinessCalendar { config.calendar }

    /// The current time as stored in the audit journal.
    func nowStamp() -> String { calendar.timestamp(clock.now()) }
}
