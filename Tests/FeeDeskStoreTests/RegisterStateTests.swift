import FeeDeskCore
@testable import FeeDeskStore
import Foundation
import Testing

/// What a register import reads and writes through `DossierRepository`.
@Suite struct RegisterStateTests {
    @Test func registerStateAndTheReferenceSequence() throws {
        let folder = TemporaryDirectory()
        let database = try RepositoryTests.seeded(folder)   // dossiers A-1…A-3 took sequence numbers 1…3
        try database.write { connection in
            let dossiers = DossierRepository(connection, calendar: RepositoryTests.calendar)
            #expect(try dossiers.lastReferenceSequence() == 3)
            let state = try #require(try dossiers.registerState(code: "A-2"))
            #expect(state.procedure == "XD.GPXD.NHA" && state.applicant == "Người 1" && state.amountDue == Money(dong: 75_000))
            #expect(state.desk == "Q1" && !state.cancelled && state.paid == .zero)
            try CashRepository(connection, calendar: RepositoryTests.calendar).insert(
                dossierID: state.id, amount: Money(dong: 5_000), receipt: "0000001", cashier: "thu ngân", at: try Timestamp.parse("2026-11-22T09:30:00+07:00"))
            try dossiers.cancel(id: state.id, at: try Timestamp.parse("2026-11-22T10:00:00+07:00"), reason: "test")
            let changed = try #require(try dossiers.registerState(code: "A-2"))
            #expect(changed.cancelled && changed.paid == Money(dong: 5_000))
            #expect(try dossiers.registerState(code: "A-9") == nil)
            try dossiers.setLastReferenceSequence(10)
            #expect(try dossiers.nextReferenceSequence() == 11)
        }
    }
}
