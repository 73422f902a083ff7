import FeeDeskStore
import Foundation

/// One measured run of the import benchmark: a statement imported into a set-up database, with the
/// SQLite reference taken just before it and the WAL checkpoint after it.
struct ImportRun {
    /// Wall-clock seconds of the import, commit included.
    let seconds: Double
    /// The import's phases and the work done alongside them.
    let timing: ImportTiming
    /// The import's total less its phases: the commit.
    var commitSeconds: Double { max(0, seconds - timing.phases.map(\.seconds).reduce(0, +)) }
    /// The checkpoint the import left to a connection of its own, after it returned.
    let checkpointSeconds: Double
    /// The process's peak resident memory when the import had returned.
    let peakMemoryMB: Double
    /// `SQLiteFloor.reference(folder:)` just before the import.
    let referenceSeconds: Double
    /// Credits matched to a dossier automatically (any outcome but unmatched), and all credits.
    let matched: Int, credits: Int
    /// Rows and index entries the import added, when counted.
    let written: (rows: Int, indexEntries: Int)?

    /// Imports `upload` into the database at `databasePath`; with `census`, also counts what it wrote
    /// (reading every page, after the timed part).
    static func measure(config: FeeDeskConfig, databasePath: String, upload: StatementUpload, census: Bool, folder: String,
                        progress: (@Sendable (Int) -> Void)?) throws -> ImportRun {
        let app = try FeeDesk(config: config, databasePath: databasePath)
        let before = census ? try Benchmarks.census(databasePath) : nil
        let reference = try SQLiteFloor.reference(folder: folder)
        let timing = ImportTiming()
        var report: ImportReport?
        let seconds = try BenchResult.time(runs: 1) {
            report = try app.importStatement(upload, by: "bench", progress: progress, timing: timing)
        }[0]
        let peak = BenchResult.peakMemoryMB()
        let checkpoint = BenchResult.time(runs: 1) { app.database.waitForCheckpoints() }[0]
        let outcomes = report?.outcomes
        let matched = outcomes.map { $0.matched + $0.underpaid + $0.overpaid + $0.duplicate } ?? 0
        return ImportRun(seconds: seconds, timing: timing, checkpointSeconds: checkpoint, peakMemoryMB: peak, referenceSeconds: reference,
                         matched: matched, credits: report?.credits ?? 0,
                         written: try before.map { try Benchmarks.census(databasePath).added(since: $0) })
    }
}
