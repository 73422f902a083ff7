@testable import FeeDeskApp
import FeeDeskCore
import Foundation
import Testing

/// The benchmarks' synthetic data is deterministic and realistic enough to exercise every outcome.
@Suite struct BenchmarkTests {
    @Test func syntheticStatementsParseAndImportWithEveryOutcome() throws {
        let fixture = try AppFixture()
        for format in Benchmarks.SyntheticFormat.allCases {
            let runs = format == .csv ? 1 : 2
            let parse = try Benchmarks.parse(format: format, lines: 2_000, runs: 1, folder: fixture.folder)
            #expect(parse.first?.items == 2_000)
            let results = try Benchmarks.importStatement(config: try FeeDeskConfig.load(path: fixture.configPath), format: format,
                                                         lines: 2_000, runs: runs, folder: fixture.folder, floorRows: 20_000)
            #expect(results.map(\.name).dropFirst(2).prefix(6) == ["· read pass", "· read dossiers", "· write pass, matching alongside",
                                                                    "· commit (fsync)", "· (match, on its own thread during the write pass)",
                                                                    "· WAL checkpoint, after the import returned"])
            #expect(results[2...8].allSatisfy { $0.runs == runs })
            #expect(results[8].name.hasPrefix("· SQLite reference, before each run") && results[8].seconds > 0)
            if runs == 1 {
                // The phases add up to the import; matching ran alongside the write pass, not counted again.
                #expect(abs(results[2...5].map(\.seconds).reduce(0, +) - results[1].seconds) < 0.001)
            } else {
                // Each run into a fresh copy of the set-up database (the bench checks they matched the same);
                // each figure is a median of its own, listed run by run.
                #expect(results[1].name.contains("of 2000; runs ") && results[1].runs == 2, "\(results[1].name)")
                #expect(results[8].name.hasPrefix("· SQLite reference, before each run (0."), "\(results[8].name)")
            }
            #expect(results[6].seconds > 0 && results[6].seconds < results[1].seconds)
            // About 1 line, 1 credit, 0.9 allocations and 0.9 receipts a line; a dozen index entries.
            let floor = try #require(results.last)
            let counts = floor.name.split(separator: " ").compactMap { Double($0) }
            #expect(counts.count == 2)
            #expect((3.0...4.5).contains(counts[0]), "rows a line: \(floor.name)")
            #expect((6.0...14.0).contains(counts[1]), "index entries a line: \(floor.name)")
            #expect(floor.seconds > 0 && floor.seconds < results[1].seconds)
        }
        // Same seed, same file.
        try Benchmarks.writeStatement(format: .csv, lines: 500, dossiers: 500, to: fixture.folder + "/a.csv")
        try Benchmarks.writeStatement(format: .csv, lines: 500, dossiers: 500, to: fixture.folder + "/b.csv")
        #expect(FileManager.default.contentsEqual(atPath: fixture.folder + "/a.csv", andPath: fixture.folder + "/b.csv"))
    }

    /// A set-up app with 3,000 synthetic dossiers, and the synthetic CSV statement paying them with its
    /// credit total.
    private static func syntheticDay() throws -> (FeeDesk, Data, Money) {
        let app = try AppFixture().app()
        try app.setUp(by: "test")
        try Benchmarks.registerDossiers(app, count: 3_000)
        let path = NSTemporaryDirectory() + "bench-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let total = try Benchmarks.writeStatement(format: .csv, lines: 3_000, dossiers: 3_000, to: path)
        return (app, try Data(contentsOf: URL(fileURLWithPath: path)), total)
    }

    /// The first pass stores lines as it reads (a thousand and more before the end here): a refusal at
    /// the statement's end, or a failure in the second pass, leaves nothing of them.
    @Test func aRefusalAfterThousandsOfStoredLinesLeavesNothing() throws {
        let (app, statement, total) = try Self.syntheticDay()
        let good = String(decoding: statement, as: UTF8.self)
        let closing = "Số dư cuối kỳ: \(1_000_000_000 + total.dong)"
        #expect(good.contains(closing))
        let unbalanced = good.replacingOccurrences(of: closing, with: "Số dư cuối kỳ: \(1_000_000_000 + total.dong + 1)")
        let before = try LedgerSnapshot(app)
        #expect(throws: CoreError.self) {
            try app.importStatement(StatementUpload(data: Data(unbalanced.utf8), fileName: "s.csv", format: .csv), by: "test")
        }
        #expect(try LedgerSnapshot(app) == before)
        // The same lines with the right balance import whole.
        let report = try app.importStatement(StatementUpload(data: Data(good.utf8), fileName: "s.csv", format: .csv), by: "test")
        #expect(report.new == 3_000)
        #expect(try app.database.read { try $0.queryOne("SELECT COUNT(*) FROM statement_line") { $0.int64(0) } } == 3_000)
    }

    @Test func syntheticCreditsCoverTheAdversarialCases() throws {
        let (app, statement, _) = try Self.syntheticDay()
        let report = try app.importStatement(StatementUpload(data: statement, fileName: "s.csv", format: .csv), by: "test")
        let outcomes = report.outcomes
        #expect(outcomes.matched > 2_000)
        #expect(outcomes.underpaid > 50 && outcomes.overpaid > 30 && outcomes.duplicate > 30 && outcomes.unmatched > 200)
        #expect(report.outcomeAmounts.values.reduce(0, +) == report.creditTotal)
        // About one memo in twenty carries the dossier code instead of the reference, mangled.
        let byCode = try app.database.read { connection in
            try connection.queryOne("SELECT COUNT(*) FROM credit WHERE note LIKE '%named by its dossier code'") { $0.int64(0) } ?? 0
        }
        let codeForAnotherAmount = try app.database.read { connection in
            try connection.queryOne("SELECT COUNT(*) FROM credit WHERE outcome = 'unmatched' AND note LIKE '%by its dossier code; it owes%'") { $0.int64(0) } ?? 0
        }
        #expect(byCode > 90 && codeForAnotherAmount > 10, "\(byCode) matched by code, \(codeForAnotherAmount) for another amount")
    }

    @Test func registerBenchmarkImportsThenFindsEveryRowUnchanged() throws {
        let fixture = try AppFixture()
        let results = try Benchmarks.register(config: try FeeDeskConfig.load(path: fixture.configPath), rows: 1_500, folder: fixture.folder)
        #expect(results.map(\.name) == ["dossier import (1500 new of 1500 rows)", "dossier import again (1500 unchanged)"])
    }

    @Test func matcherBenchmarkRuns() {
        let results = Benchmarks.match(dossiers: 2_000, credits: 2_000, runs: 1)
        #expect(results.first?.items == 2_000)
        #expect(results.first?.perSecond ?? 0 > 0)
    }

    @Test func reconcileBenchmarkBuildsABalancedDay() throws {
        let fixture = try AppFixture()
        let results = try Benchmarks.reconcile(config: try FeeDeskConfig.load(path: fixture.configPath), credits: 2_000, runs: 1,
                                               folder: fixture.folder)
        #expect(results.first?.name == "day reconcile (2000 credits, 20 exceptions)")
    }

    @Test func callbackBenchmarkCountsWhatItStored() throws {
        let fixture = try AppFixture()
        let loads = try Benchmarks.callbacks(config: try FeeDeskConfig.load(path: fixture.configPath), folder: fixture.folder,
                                             seconds: 1, connections: 8, rate: 100, threads: 2)
        #expect(loads.map(\.mode) == ["max throughput", "100/s offered"])
        let acknowledged = loads.reduce(0) { $0 + $1.acknowledged }
        #expect(acknowledged > 50)
        #expect(loads.allSatisfy { $0.failed == 0 && $0.p50Milliseconds > 0 && $0.p99Milliseconds >= $0.p50Milliseconds })
        #expect(loads[0].storedCallbacks == Int64(acknowledged))
        #expect(abs(loads[1].offeredPerSecond - 100) < 5)
        #expect(loads.allSatisfy { $0.commits > 0 && $0.meanBatch >= 1 && $0.slowestCommitMilliseconds >= $0.meanCommitMilliseconds })
    }
}
