import FeeDeskCore
import Testing

@Suite struct FeeScheduleTests {
    static func fee(_ code: String, _ amount: Int64 = 10_000) throws -> Fee {
        try Fee(procedure: code, name: "Chứng thực chữ ký", field: "Chứng thực", kind: .phi, amount: Money(dong: amount))
    }

    @Test func looksUpByProcedure() throws {
        let schedule = try FeeSchedule([try Self.fee("CT.CHUKY"), try Self.fee("CT.HOPDONG", 50_000)])
        #expect(schedule.fee(for: "CT.HOPDONG")?.amount == Money(dong: 50_000))
        #expect(schedule.fee(for: "NOPE") == nil)
        #expect(throws: CoreError(.notFound, "procedure 'NOPE' is not in the fee schedule")) { try schedule.requireFee(for: "NOPE") }
    }

    @Test func refusesDuplicates() throws {
        #expect(throws: CoreError(.conflict, "procedure 'CT.CHUKY' appears twice in the fee schedule")) {
            try FeeSchedule([try Self.fee("CT.CHUKY"), try Self.fee("CT.CHUKY")])
        }
    }

    @Test(arguments: [
        ("", Int64(1), "procedure code is empty"),
        ("CT CHUKY", 1, "procedure code 'CT CHUKY' may hold only letters, digits and . _ - / (64 at most)"),
        ("CT.CHUKY", 0, "procedure 'CT.CHUKY' amount 0 must be between 1 and 9999999999999 đồng"),
        ("CT.CHUKY", -10_000, "procedure 'CT.CHUKY' amount -10000 must be between 1 and 9999999999999 đồng"),
    ])
    func validatesLines(code: String, amount: Int64, message: String) {
        #expect(throws: CoreError(.invalid, message)) { try Self.fee(code, amount) }
    }

    @Test(arguments: [(Int64(0), Int64(0), DossierStatus.unpaid), (75_000, 0, .unpaid), (75_000, 50_000, .partiallyPaid),
                      (75_000, 75_000, .paid), (75_000, 80_000, .overpaid)])
    func derivesStatus(due: Int64, paid: Int64, status: DossierStatus) {
        #expect(DossierStatus(due: Money(dong: due), paid: Money(dong: paid)) == status)
    }

    @Test func collectionAccountValidation() {
        #expect(throws: CoreError(.invalid, "bank BIN '97043' is not 6 digits")) {
            try CollectionAccount(id: "main", bin: "97043", number: "0071000123456", holder: "X")
        }
        #expect(throws: CoreError(.invalid, "account number '0071 000' must be 1 to 19 letters or digits without spaces")) {
            try CollectionAccount(id: "main", bin: "970436", number: "0071 000", holder: "X")
        }
    }
}
