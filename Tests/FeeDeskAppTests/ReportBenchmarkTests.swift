@testable import FeeDeskApp
import FeeDeskCore
import Foundation
import Testing

/// The report benchmark's synthetic year is deterministic and its report checks out to the đồng.
@Suite struct ReportBenchmarkTests {
    @Test func aSmallSyntheticYearReportsWhatWasWritten() throws {
        let fixture = try AppFixture()
        let results = try Benchmarks.report(config: try FeeDeskConfig.load(path: fixture.configPath), payments: 3_000, desks: 10, runs: 1,
                                            folder: fixture.folder)
        #expect(results.count == 8)
        #expect(results[0].items == 3_000)
        #expect(results.contains { $0.name.hasPrefix("cash-vs-cashless year by desk (10 groups)") })
    }

    @Test func theSyntheticYearIsDeterministic() throws {
        func written() throws -> SyntheticYear.Written {
            let app = try AppFixture().app()
            try app.setUp(by: "test")
            let year = SyntheticYear(year: 2025, desks: 5, payments: 1_000, fees: app.config.feeSchedule.fees)
            return try year.write(into: app.database, calendar: app.calendar, accountID: "main")
        }
        let first = try written(), second = try written()
        #expect(first.payments == 1_000 && first.cash == second.cash && first.cashless == second.cashless && first.dossiers == second.dossiers)
        #expect(first.cashlessCount > 0 && first.dossiers < first.payments)
    }
}
