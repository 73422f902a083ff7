@testable import FeeDeskApp
import FeeDeskCore
import Testing

/// The daily report benchmark builds its day through the real import and checks the report against
/// what it wrote, to the đồng (it throws otherwise).
@Suite struct DailyReportBenchmarkTests {
    @Test func aSmallSyntheticDayReportsWhatWasWritten() throws {
        let fixture = try AppFixture()
        let results = try Benchmarks.dailyReport(config: try FeeDeskConfig.load(path: fixture.configPath), credits: 2_000, runs: 1,
                                                 folder: fixture.folder)
        #expect(results.count == 3)
        #expect(results[1].name.hasPrefix("daily report (2002 credits, ") && results[1].name.hasSuffix(" exceptions, 10 cashiers)"))
        #expect(results[1].items == 2_002 && results[2].runs == 1)
    }

    /// All the synthetic day's credits fall on one booking date when `perDay` covers them.
    @Test func theLedgerPutsADayOnOneDate() {
        var ledger = SyntheticLedger(format: .standard, firstDay: LocalDate(daysSinceEpoch: 20_780))
        ledger.perDay = 50_000
        var generator = SplitMix64(seed: 42)
        let days = Set((0..<50_000).map { ledger.credit($0, count: 50_000, generator: &generator).day })
        #expect(days == [LocalDate(daysSinceEpoch: 20_780)])
        ledger.perDay = 20_000
        #expect(ledger.credit(20_000, count: 50_000, generator: &generator).day == LocalDate(daysSinceEpoch: 20_781))
    }
}
