import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Testing

/// Counts that must not move when a request is refused.
struct Snapshot: Equatable {
    let dossiers: [DossierDetail]
    let auditRows: Int64

    init(_ app: FeeDesk) throws {
        dossiers = try app.dossiers()
        auditRows = try app.verifyAudit().rows
    }
}

@Suite struct DossierUseCaseTests {
    @Test func registersAFeeWithAReferenceAndAnAuditRow() throws {
        let fixture = try AppFixture()
        let app = try fixture.app()
        try app.setUp(by: "test")
        let detail = try app.addDossier(NewDossier(code: "000.06.16.g09-261122-0001", procedure: "XD.GPXD.NHA",
                                                   applicant: " Nguyễn Văn An ", desk: "Q2"), by: "test")
        #expect(detail.code == "000.06.16.G09-261122-0001")
        #expect(detail.amountDue == Money(dong: 75_000))
        #expect(detail.status == .unpaid)
        #expect(detail.reference == "HS00000198")
        #expect(detail.applicant == "Nguyễn Văn An")
        #expect(detail.registeredAt == "2026-11-22T09:00:00+07:00")
        #expect(detail.kind == .lePhi)
        #expect(try app.dossier(code: "000.06.16.G09-261122-0001") == detail)
        let second = try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0002", procedure: "CT.BANSAO", amount: Money(dong: 14_000)), by: "test")
        #expect(second.amountDue == Money(dong: 14_000))
        #expect(second.reference == "HS00000295")
        #expect(try app.verifyAudit().rows > 2)
    }

    /// Refused requests: one sentence naming the value, and nothing changes.
    @Test(arguments: [
        (NewDossier(code: "000.06.16.G09-261122-0009", procedure: "NOPE"), "procedure 'NOPE' is not in the fee schedule."),
        (NewDossier(code: "000.06.16.G09-261122-0001", procedure: "CT.CHUKY"), "dossier '000.06.16.G09-261122-0001' is already registered."),
        (NewDossier(code: "000.06.16.G09-261122-0009", procedure: "CT.CHUKY", amount: Money(dong: 0)), "amount 0 must be between 1 and 9999999999999 đồng."),
        (NewDossier(code: "000.06.16.G09-261122-0009", procedure: "CT.CHUKY", amount: Money(dong: -5)), "amount -5 must be between 1 and 9999999999999 đồng."),
        (NewDossier(code: "G09-1", procedure: "CT.CHUKY"), "dossier code 'G09-1' is not of the form <unit code>-YYMMDD-NNNN (e.g. 000.06.16.G09-210315-0001)."),
    ])
    func refusesWithoutChangingAnything(request: NewDossier, message: String) throws {
        let fixture = try AppFixture()
        let app = try fixture.app()
        try app.setUp(by: "test")
        _ = try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0001", procedure: "CT.CHUKY"), by: "test")
        let before = try Snapshot(app)
        #expect(throws: CoreError.self) { try app.addDossier(request, by: "test") }
        do { _ = try app.addDossier(request, by: "test") } catch { #expect("\(error)" == message) }
        #expect(try Snapshot(app) == before)
        // The refused attempt did not consume a reference number either.
        #expect(try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0002", procedure: "CT.CHUKY"), by: "test").reference == "HS00000295")
    }

    @Test func listsByStatusAndDate() throws {
        let fixture = try AppFixture()
        let app = try fixture.app()
        _ = try app.loadDemo(by: "test")
        let all = try app.dossiers()
        #expect(all.count == 50)
        let paid = try app.dossiers(status: .paid)
        #expect(paid.count == 17)
        #expect(paid.allSatisfy { $0.paid == $0.amountDue && $0.payments.count == 1 && $0.payments[0].source == .cash })
        #expect(try app.dossiers(date: LocalDate(parsing: "2026-11-16")).count == 10)
        #expect(try app.dossiers(status: .unpaid, date: LocalDate(parsing: "2026-11-16")).count == 6)
    }
}
