import Foundation
import Testing

/// `feedesk bench all` (what `make bench` runs): each benchmark in a child process, one table.
@Suite struct BenchAllCommandTests {
    @Test func quickRunGathersEveryChosenBenchmarkWithItsOwnPeakMemory() throws {
        let run = try Feedesk.run(["bench", "all", "--quick", "--only", "qr,match,reconcile", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try run.json() as? [[String: Any]])
        let names = rows.compactMap { $0["benchmark"] as? String }
        #expect(names.count == 6, "\(names)")
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(names.prefix(4) == ["qr.encode (1 core)", "qr.decode (1 core)", "qr.svg, libqrencode + SVG (1 core)",
                                    "qr.svg, libqrencode + SVG (\(cores) cores)"])
        #expect(names.contains { $0.hasPrefix("match (in memory, 20000 dossiers") })
        #expect(names.last?.hasPrefix("day reconcile (2000 credits") == true)
        for row in rows {
            #expect((row["items"] as? Int ?? 0) > 0 && (row["perSecond"] as? Double ?? 0) > 0, "\(row)")
            #expect((row["peakMemoryMB"] as? Double ?? 0) > 1, "\(row)")
            #expect(row["target"] as? String != nil)
        }
        #expect(run.stderr.contains("bench qr --count 2000 …"))
    }

    @Test func theTablePrintsTheMachineAndRefusesUnknownNames() throws {
        let table = try Feedesk.run(["bench", "all", "--quick", "--only", "qr"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains(" cores · ") && table.stdout.contains("load average"))
        #expect(table.stdout.contains("benchmark") && table.stdout.contains("peak MB") && table.stdout.contains("qr.svg"))
        let unknown = try Feedesk.run(["bench", "all", "--only", "qr,nope"])
        #expect(unknown.status == 3)
        #expect(unknown.stderr == "feedesk: --only: 'nope' is not one of callbacks, import, match, parse, qr, reconcile, register, report, report-daily.\n")
    }

    /// `bench import --runs N`: N imports into copies of one set-up database, medians, each run listed;
    /// the peak memory reported is the first run's.
    @Test func benchImportMakesSeveralRunsAndRefusesNone() throws {
        let run = try Feedesk.run(["bench", "import", "--lines", "2000", "--runs", "2", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try run.json() as? [[String: Any]])
        let names = rows.compactMap { $0["name"] as? String }
        #expect(names.contains { $0.hasPrefix("import+match csv (") && $0.contains("of 2000; runs ") }, "\(names)")
        #expect(names.contains { $0.hasPrefix("· SQLite reference, before each run (0.") }, "\(names)")
        #expect(rows.dropFirst().dropLast(2).allSatisfy { $0["runs"] as? Int == 2 }, "\(rows)")
        let none = try Feedesk.run(["bench", "import", "--runs", "0"])
        #expect(none.status == 3)
        #expect(none.stderr == "feedesk: --runs: '0' is not a whole number between 1 and 100000000.\n")
    }
}
