import FeeDeskCore
@testable import FeeDeskStore
import Foundation
import Testing

@Suite struct CreditLinkRepositoryTests {
    static let stamp = "2026-11-22T10:00:00+07:00"
    static let day = LocalDate(year: 2026, month: 11, day: 22)!

    static func credit(_ connection: SQLiteConnection, account: String, amount: Int64, source: CreditSource, reference: String,
                       day: LocalDate = day) throws -> Int64 {
        try CreditRepository(connection).insert(NewCredit(accountID: account, amount: Money(dong: amount), bookingDate: day,
                                                          bookedAt: "\(day)T09:15:00+07:00", memo: "HS00000198", counterpartyName: nil,
                                                          counterpartyAccount: nil, bankReference: reference,
                                                          providerReference: source == .callback ? reference : nil, source: source), at: stamp)
    }

    /// Open callback credits: not ignored, not on a closed day; statement credits found by reference whatever the amount.
    @Test func candidatesAndLookups() throws {
        let folder = TemporaryDirectory()
        let database = try RepositoryTests.seeded(folder)
        try database.write { connection in
            for (id, number) in [("main", "0071000123456"), ("second", "0099000111222")] {
                _ = try AccountRepository(connection).upsert(try CollectionAccount(id: id, bin: "970436", number: number, holder: "TT"))
            }
            let open = try Self.credit(connection, account: "main", amount: 75_000, source: .callback, reference: "FT1")
            let ignored = try Self.credit(connection, account: "main", amount: 75_000, source: .callback, reference: "FT2")
            try CreditRepository(connection).setOutcome(id: ignored, outcome: .ignored, owedBack: .zero, note: "not a fee")
            let closedDay = Self.day.adding(days: -3)
            _ = try Self.credit(connection, account: "main", amount: 75_000, source: .callback, reference: "FT3", day: closedDay)
            try DayRepository(connection).close(account: "main", date: closedDay, at: Self.stamp, by: "t", forcedReason: nil, summary: "{}")
            let statement = try Self.credit(connection, account: "second", amount: 70_000, source: .statement, reference: "FT4")
            let links = CreditLinkRepository(connection)
            #expect(try links.openCallbackCredits().map(\.id) == [open])
            #expect(try links.statementCredit(reference: "FT4")?.id == statement)
            #expect(try links.statementCredit(reference: "FT1") == nil, "a callback credit is not a statement credit")
            #expect(try links.statementCredits(account: "second", amount: Money(dong: 70_000), around: Self.day.adding(days: 1)).map(\.id) == [statement])
            #expect(try links.statementCredits(account: "second", amount: Money(dong: 70_000), around: Self.day.adding(days: 2)).isEmpty)
            try links.confirmByCallback(creditID: statement, providerReference: "FT4")
            #expect(try links.statementCredit(reference: "FT4") == nil, "once confirmed it waits for no other callback")
        }
    }

    /// Releasing reverses automatic allocations only; conflicts are listed for both accounts.
    @Test func releaseAndConflicts() throws {
        let folder = TemporaryDirectory()
        let database = try RepositoryTests.seeded(folder)
        try database.write { connection in
            for (id, number) in [("main", "0071000123456"), ("second", "0099000111222")] {
                _ = try AccountRepository(connection).upsert(try CollectionAccount(id: id, bin: "970436", number: number, holder: "TT"))
            }
            let credit = try Self.credit(connection, account: "main", amount: 75_000, source: .callback, reference: "FT1")
            let credits = CreditRepository(connection)
            try credits.allocate(creditID: credit, dossierID: 1, amount: Money(dong: 50_000), method: "auto", at: Self.stamp)
            try credits.allocate(creditID: credit, dossierID: 2, amount: Money(dong: 25_000), method: "manual", at: Self.stamp)
            try credits.setOutcome(id: credit, outcome: .matched, owedBack: .zero, note: "pays")
            let links = CreditLinkRepository(connection)
            let reversed = try links.releaseAutomatic(creditID: credit, at: Self.stamp)
            #expect(reversed.map(\.dossierID) == [1] && reversed.map(\.amount) == [Money(dong: 50_000)])
            let live = try connection.query("SELECT method FROM allocation WHERE credit_id = ? AND reversed_at IS NULL", credit) { $0.text(0) ?? "" }
            #expect(live == ["manual"])
            #expect(try connection.queryOne("SELECT outcome FROM credit WHERE id = ?", credit) { $0.text(0) } == "unmatched")
            try links.recordConflict(creditID: credit, lineID: nil, providerReference: "FT1", accountID: "second", bookingDate: Self.day,
                                     callbackAccount: "main", callbackAmount: Money(dong: 75_000), statementAmount: Money(dong: 70_000),
                                     at: Self.stamp)
            for account in ["main", "second"] {
                let conflicts = try links.conflicts(account: account, date: Self.day)
                #expect(conflicts.map(\.creditID) == [credit], "\(account)")
                #expect(conflicts.first?.callbackAmount == Money(dong: 75_000) && conflicts.first?.statementAmount == Money(dong: 70_000))
            }
            #expect(try links.conflicts(account: "main", date: Self.day.adding(days: 1)).isEmpty)
        }
    }
}
