@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation
import Testing

/// The parts of the two-pass import: reference keys, the dossier book, order independence, and lines
/// repeated inside one file.
@Suite struct ImportMatchingTests {
    static let formats = [PaymentReferenceFormat.standard, try! PaymentReferenceFormat(prefix: "QLDT", sequenceDigits: 4),
                          try! PaymentReferenceFormat(prefix: "AB", sequenceDigits: 12)]

    /// A canonical reference and its key name each other; anything else has no key.
    @Test(arguments: formats)
    func referenceKeysRoundTrip(format: PaymentReferenceFormat) throws {
        let keys = ReferenceKey(format: format)
        var generator = SplitMix64(seed: 5)
        for sequence in [1, 9, 10, 99_999, 1_000_000, 123_456_789] + (0..<500).map({ _ in Int64(generator.next() % 99_999_999) + 1 }) {
            guard let reference = try? PaymentReference(sequence: sequence, format: format) else { continue }
            let key = try #require(keys.key(reference))
            #expect(keys.reference(key) == reference)
        }
        let prefix = format.prefix
        let zeros = String(repeating: "0", count: format.sequenceDigits)
        for text in [prefix + "0" + zeros + "198", "X" + prefix.dropFirst() + zeros + "98", prefix + "00", prefix + zeros + "9A",
                     prefix + String(repeating: "1", count: 20)] {
            var bytes = text
            #expect(bytes.withUTF8 { keys.key($0) } == nil, "\(text)")
        }
    }

    /// The book reads the same dossiers whether it scans the table or looks each reference up.
    @Test func bookScanAndLookupsAgree() throws {
        let app = try AppFixture().app()
        try app.setUp(by: "test")
        try Benchmarks.registerDossiers(app, count: 40)
        let code = try app.dossiers().map(\.code).sorted()
        _ = try app.recordCash(NewCashPayment(dossierCode: code[3], amount: Money(dong: 1_000), receipt: "0000001", cashier: "Thu"), by: "t")
        try app.database.write { connection in
            try connection.run("UPDATE dossier SET cancelled_at = '2026-11-22T09:00:00+07:00', cancel_reason = 'test' WHERE code = ?", code[5])
            // Dossier 8 has 2.000 allocated, plus 500 allocated then reversed (not counted).
            let credits = CreditRepository(connection)
            let credit = try credits.insert(NewCredit(accountID: "main", amount: Money(dong: 2_500), bookingDate: LocalDate(daysSinceEpoch: 20_780),
                                                      bookedAt: nil, memo: "m", counterpartyName: nil, counterpartyAccount: nil,
                                                      bankReference: "FT9", source: .statement), at: "2026-11-22T09:00:00+07:00")
            let dossier = try #require(try connection.queryOne("SELECT id FROM dossier WHERE code = ?", code[7]) { $0.int64(0) })
            try credits.allocate(creditID: credit, dossierID: dossier, amount: Money(dong: 2_000), method: "manual", at: "2026-11-22T09:00:00+07:00")
            try credits.allocate(creditID: credit, dossierID: dossier, amount: Money(dong: 500), method: "manual", at: "2026-11-22T09:00:00+07:00")
            try connection.run("UPDATE allocation SET reversed_at = '2026-11-22T10:00:00+07:00' WHERE amount = 500")
        }
        let keys = ReferenceKey(format: .standard)
        let named = try app.dossiers().map { try #require(keys.key(PaymentReference(storedText: $0.reference))) } + [987_654_321]
        func load(scanShare: Int64) throws -> [String] {
            try app.database.read { connection in
                var book = DossierBook(format: .standard, references: named)
                try book.load(from: CreditRepository(connection), scanShare: scanShare)
                return named.map { key in
                    guard let slot = book.slot(key) else { return "\(key): none" }
                    let dossier = book.dossier(slot, reference: keys.reference(key), paid: book.paid(slot), withCode: true)
                    return "\(key): \(dossier)"
                }
            }
        }
        let scanned = try load(scanShare: 1_000_000)
        #expect(scanned == (try load(scanShare: 0)))
        #expect(scanned.last == "987654321: none")
        #expect(scanned.filter { $0.contains("cancelled: true") }.count == 1)
        #expect(scanned.filter { $0.contains("paid: 1.000 ₫") }.count == 1)
        #expect(scanned.filter { $0.contains("paid: 2.000 ₫") }.count == 1)
        #expect(scanned.filter { $0.contains("paid: 0 ₫") }.count == 38)
    }

    /// A book whose dossiers' references are not in row order (registered out of sequence) still finds
    /// each by reference and by code, and reports the others absent.
    @Test func bookFindsReferencesRegisteredOutOfOrder() throws {
        let app = try AppFixture().app()
        try app.setUp(by: "test")
        let ledger = SyntheticLedger(format: .standard, firstDay: LocalDate(daysSinceEpoch: 20_780))
        let seeds = (0..<30).reversed().map { ledger.dossier($0) }
        try app.database.write { connection in
            let dossiers = DossierRepository(connection, calendar: app.calendar)
            for seed in seeds {
                try dossiers.insert(Dossier(code: seed.code, procedure: "CT.CHUKY", applicant: seed.applicant, amountDue: seed.amount,
                                            desk: "Q1", reference: seed.reference, registeredAt: app.calendar.startOfDay(ledger.firstDay)))
            }
        }
        let keys = ReferenceKey(format: .standard)
        let book = try app.database.read { try DossierBook.everyDossier(format: .standard, from: CreditRepository($0)) }
        for seed in seeds {
            let key = try #require(keys.key(seed.reference))
            let slot = try #require(book.slot(key), "\(seed.reference)")
            #expect(book.reference(slot) == seed.reference)
            #expect(book.slot(code: DossierCodeScanner.compactKey(seed.code)) == slot)
            #expect(book.dossier(slot, reference: seed.reference, paid: 0, withCode: true).code == seed.code)
        }
        let absent = try #require(keys.key(ledger.dossier(30).reference))
        #expect(book.slot(absent) == nil)
        #expect(book.slot(code: DossierCodeScanner.compactKey(ledger.dossier(30).code)) == nil)
    }

    /// The identity set agrees with `Set` through growth, repeats and lookups of absent identities.
    @Test func identitySetBehavesLikeASet() {
        var generator = SplitMix64(seed: 23)
        var set = IdentitySet(capacity: 4)
        var reference = Set<LineIdentity>()
        let pool = (0..<5_000).map { _ in (0..<12).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }
        for _ in 0..<20_000 {
            // Repeats come from the pool; the day varies apart from the digest.
            let identity = LineIdentity(day: LocalDate(daysSinceEpoch: Int64(generator.next() % 3)), digest: pool[Int(generator.next() % 5_000)])
            #expect(set.contains(identity) == reference.contains(identity))
            #expect(set.insert(identity) == reference.insert(identity).inserted)
        }
        #expect(set.count == reference.count)
        #expect(reference.allSatisfy { set.contains($0) })
    }

    /// The same lines in any order give the same outcomes and allocations (partial payments and second
    /// payments of one dossier depend on the fixed matching order, not on the file's).
    @Test func theSameLinesInAnyOrderGiveTheSameAllocations() throws {
        let fixture = try AppFixture()
        let path = fixture.folder + "/s.csv"
        try Benchmarks.writeStatement(format: .csv, lines: 600, dossiers: 600, to: path)
        let rows = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n")
        var generator = SplitMix64(seed: 17)
        let grid = rows[4..<(rows.count - 2)].shuffled(using: &generator)
        let shuffled = (rows[..<4] + grid + rows[(rows.count - 2)...]).joined(separator: "\r\n")
        func allocations(_ text: String) throws -> [String] {
            let app = try AppFixture().app()
            try app.setUp(by: "test")
            try Benchmarks.registerDossiers(app, count: 600)
            let report = try app.importStatement(StatementUpload(data: Data(text.utf8), fileName: "s.csv", format: .csv), by: "test")
            #expect(report.new == 600)
            return try app.database.read { connection in
                try connection.query("""
                    SELECT c.bank_reference || ' ' || c.outcome || ' ' || c.owed_back || ' ' || c.note || ' ' ||
                           COALESCE((SELECT group_concat(d.code || '=' || a.amount, ',') FROM allocation a JOIN dossier d ON d.id = a.dossier_id
                                     WHERE a.credit_id = c.id), '')
                    FROM credit c ORDER BY c.bank_reference
                    """) { row throws(StoreError) in try row.requiredText(0) }
            }
        }
        let inOrder = try allocations(rows.joined(separator: "\r\n"))
        #expect(inOrder.count == 600)
        #expect(inOrder.contains { $0.contains(" duplicate ") } && inOrder.contains { $0.contains(" underpaid ") })
        #expect(try allocations(shuffled) == inOrder)
    }

    /// A transaction listed twice in one file (two overlapping statements) is stored once; two equal
    /// lines without a bank reference are two transactions, and only as many are known on re-import.
    @Test func linesRepeatedInOneFile() throws {
        let app = try AppFixture().app()
        _ = try app.loadDemo(by: "test")
        func statement(_ number: Int, _ lines: [String], opening: Int, closing: Int) -> String {
            ":20:S\(number)\r\n:25:0071000123456\r\n:28C:\(number)/1\r\n:60F:C261122VND\(opening),\r\n"
                + lines.joined() + ":62F:C261122VND\(closing),\r\n-\r\n"
        }
        let withReference = ":61:2611221122C10000,NTRFNONREF//FT1\r\n:86:HS00002332\r\n"
        let withoutReference = ":61:2611221122C20000,NTRFNONREF\r\n:86:nop phi\r\n"
        let text = statement(1, [withReference, withoutReference, withoutReference], opening: 0, closing: 50_000)
            + statement(2, [withReference], opening: 50_000, closing: 60_000)
        let first = try app.importStatement(StatementUpload(data: Data(text.utf8), fileName: "twice.sta"), by: "test")
        #expect(first.lines == 4 && first.new == 3 && first.known == 1)
        #expect(first.outcomes.matched + first.outcomes.underpaid + first.outcomes.overpaid + first.outcomes.duplicate == 1)
        let again = statement(3, [withoutReference, withReference], opening: 0, closing: 30_000)
        let second = try app.importStatement(StatementUpload(data: Data(again.utf8), fileName: "again.sta"), by: "test")
        #expect(second.new == 0 && second.known == 2)
    }
}
