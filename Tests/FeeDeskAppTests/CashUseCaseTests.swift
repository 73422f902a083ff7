import FeeDeskApp
import FeeDeskCore
import Testing

@Suite struct CashUseCaseTests {
    static func prepared() throws -> (AppFixture, FeeDesk) {
        let fixture = try AppFixture()
        let app = try fixture.app()
        try app.setUp(by: "test")
        _ = try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0001", procedure: "XD.GPXD.NHA"), by: "test")
        _ = try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0002", procedure: "CT.CHUKY"), by: "test")
        return (fixture, app)
    }

    @Test func partialThenFullPaymentThenVoid() throws {
        let (_, app) = try Self.prepared()
        let code = "000.06.16.G09-261122-0001"
        var detail = try app.recordCash(NewCashPayment(dossierCode: code, amount: Money(dong: 25_000), receipt: "0000001", cashier: "Thu"), by: "test")
        #expect(detail.status == .partiallyPaid)
        #expect(detail.outstanding == Money(dong: 50_000))
        detail = try app.recordCash(NewCashPayment(dossierCode: code, amount: Money(dong: 50_000), receipt: "0000002", cashier: "Thu"), by: "test")
        #expect(detail.status == .paid)
        #expect(detail.payments.map(\.reference) == ["0000001", "0000002"])
        detail = try app.voidCash(receipt: "0000001", reason: "ghi nhầm số tiền", by: "test")
        #expect(detail.status == .partiallyPaid)
        #expect(detail.paid == Money(dong: 50_000))
        #expect(try app.verifyAudit().rows >= 5)
    }

    @Test(arguments: [
        (NewCashPayment(dossierCode: "000.06.16.G09-261122-0002", amount: Money(dong: 10_000), receipt: "0000001", cashier: "Thu"),
         "receipt number '0000001' is already used for dossier '000.06.16.G09-261122-0001'."),
        (NewCashPayment(dossierCode: "000.06.16.G09-261122-0001", amount: Money(dong: 80_000), receipt: "0000009", cashier: "Thu"),
         "cash 80.000 ₫ is more than the 65.000 ₫ still due on dossier '000.06.16.G09-261122-0001'."),
        (NewCashPayment(dossierCode: "000.06.16.G09-261122-0404", amount: Money(dong: 1_000), receipt: "0000009", cashier: "Thu"),
         "no dossier has the code '000.06.16.G09-261122-0404'."),
        (NewCashPayment(dossierCode: "000.06.16.G09-261122-0001", amount: Money(dong: 0), receipt: "0000009", cashier: "Thu"),
         "amount 0 must be between 1 and 9999999999999 đồng."),
        (NewCashPayment(dossierCode: "000.06.16.G09-261122-0001", amount: Money(dong: 1_000), receipt: "00 01", cashier: "Thu"),
         "receipt number '00 01' may hold only letters, digits and / - . (32 at most)."),
        (NewCashPayment(dossierCode: "000.06.16.G09-261122-0001", amount: Money(dong: 1_000), receipt: "0000009", cashier: " "),
         "cashier name is empty."),
    ])
    func refusesBadCashWithoutChangingAnything(payment: NewCashPayment, message: String) throws {
        let (_, app) = try Self.prepared()
        _ = try app.recordCash(NewCashPayment(dossierCode: "000.06.16.G09-261122-0001", amount: Money(dong: 10_000), receipt: "0000001", cashier: "Thu"), by: "test")
        let before = try Snapshot(app)
        do {
            _ = try app.recordCash(payment, by: "test")
            Issue.record("accepted")
        } catch {
            #expect("\(error)" == message)
        }
        #expect(try Snapshot(app) == before)
    }

    @Test func refusesPayingAPaidDossierAndVoidingTwice() throws {
        let (_, app) = try Self.prepared()
        let code = "000.06.16.G09-261122-0002"
        _ = try app.recordCash(NewCashPayment(dossierCode: code, amount: Money(dong: 10_000), receipt: "A1", cashier: "Thu"), by: "test")
        #expect(throws: CoreError(.conflict, "dossier '\(code)' is already paid")) {
            try app.recordCash(NewCashPayment(dossierCode: code, amount: Money(dong: 1_000), receipt: "A2", cashier: "Thu"), by: "test")
        }
        _ = try app.voidCash(receipt: "A1", reason: "trả lại", by: "test")
        let before = try Snapshot(app)
        #expect(throws: CoreError(.conflict, "receipt 'A1' is already voided")) { try app.voidCash(receipt: "A1", reason: "x", by: "test") }
        #expect(throws: CoreError(.notFound, "no cash payment has the receipt number 'ZZ'")) { try app.voidCash(receipt: "ZZ", reason: "x", by: "test") }
        #expect(throws: CoreError(.invalid, "a reason is required to void a receipt")) { try app.voidCash(receipt: "A1", reason: " ", by: "test") }
        #expect(try Snapshot(app) == before)
        // A voided receipt number is never reused.
        #expect(throws: CoreError.self) {
            try app.recordCash(NewCashPayment(dossierCode: code, amount: Money(dong: 10_000), receipt: "A1", cashier: "Thu"), by: "test")
        }
    }
}
