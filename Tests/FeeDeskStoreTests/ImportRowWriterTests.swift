import FeeDeskCore
@testable import FeeDeskStore
import Foundation
import Testing

@Suite struct ImportRowWriterTests {
    static let day = LocalDate(daysSinceEpoch: 20_780)

    /// A seeded database (three dossiers, account `main`) with one statement to write lines into.
    static func database(_ folder: TemporaryDirectory) throws -> (Database, statementID: Int64) {
        let database = try RepositoryTests.seeded(folder)
        let statementID = try database.write { connection in
            try AccountRepository(connection).upsert(try CollectionAccount(id: "main", bin: "970436", number: "0071000123456", holder: "TT"))
            let statements = StatementRepository(connection)
            let file = try statements.insertFile(sha256: "00", fileName: "f.csv", format: "csv", at: "2026-11-22T09:00:00+07:00", by: "t")
            return try statements.insertStatement(fileID: file, accountID: "main", reference: nil, sequence: nil)
        }
        return (database, statementID)
    }

    static func line(_ id: Int64, statement: Int64, memo: String, raw: String? = nil, identity: UInt8? = nil) -> ImportedLineRow {
        ImportedLineRow(id: id, statementID: statement, identity: LineIdentity(day: day, digest: Array(repeating: identity ?? UInt8(id), count: 12)),
                        accountID: "main", bookingDate: day, valueDate: day.adding(days: 1), bookedAt: id % 2 == 0 ? nil : "2026-11-22T09:15:00+07:00",
                        amount: 1_000 * id, isCredit: true, reversal: false, bankReference: id % 3 == 0 ? nil : "FT\(id)", endToEnd: nil,
                        counterpartyName: "NGUYỄN VĂN \(id)", counterpartyAccount: nil, memo: memo, raw: raw ?? "raw \(id)")
    }

    /// Long text as its length, so a failure stays readable.
    static func short(_ text: String?) -> String? {
        text.map { $0.utf8.count > 100 ? "\($0.utf8.count) bytes" : $0 }
    }

    /// Every row lands with every field, whatever mix of batch sizes the counts need, and text of any
    /// length (empty, several times the arena's block) is stored exactly, empty never as NULL.
    @Test(arguments: [1, 3, 64, 65, 200])
    func writesEveryRowAndField(count: Int) throws {
        let folder = TemporaryDirectory()
        let (database, statementID) = try Self.database(folder)
        let long = String(repeating: "nộp phí ", count: 20_000)
        try database.write { connection in
            let writer = ImportRowWriter(connection: connection, createdAt: "2026-11-22T10:00:00+07:00")
            let dossier = try #require(try DossierRepository(connection, calendar: RepositoryTests.calendar).find(code: "A-1"))
            for index in 1...count {
                let line = Self.line(Int64(index), statement: statementID, memo: index == 2 ? "" : index == 3 ? long : "HS00000198 \(index)")
                try writer.add(line: line, credit: ImportedCreditRow(id: Int64(index) + 100, outcome: index % 2 == 0 ? .matched : .unmatched,
                                                                     owedBack: Money(dong: Int64(index)), note: "note \(index)"))
                if index % 2 == 0 { writer.addAllocation(creditID: Int64(index) + 100, dossierID: dossier.id, amount: Money(dong: 7)) }
            }
            try writer.flush()
        }
        try database.read { connection in
            #expect(try connection.queryOne("SELECT COUNT(*) FROM statement_line") { $0.int64(0) } == Int64(count))
            #expect(try connection.queryOne("SELECT COUNT(*), SUM(amount) FROM allocation WHERE method = 'auto'") { [$0.int64(0), $0.int64(1)] }
                == [Int64(count / 2), Int64(7 * (count / 2))])
            for index in 1...count {
                let expected = Self.line(Int64(index), statement: statementID, memo: index == 2 ? "" : index == 3 ? long : "HS00000198 \(index)")
                let values = try #require(try connection.queryOne("""
                    SELECT l.booking_date, l.value_date, l.booked_at, l.direction, l.bank_reference, l.counterparty_name, l.memo, l.raw,
                           c.memo, c.outcome, c.note, c.source, c.created_at, c.booking_date, c.booked_at
                    FROM statement_line l JOIN credit c ON c.statement_line_id = l.id WHERE l.id = ?
                    """, Int64(index)) { row in (0..<15).map { row.text(Int32($0)) } })
                let wanted: [String?] = [
                    Self.day.description, Self.day.adding(days: 1).description, expected.bookedAt, "credit", expected.bankReference,
                    expected.counterpartyName, expected.memo, expected.raw, expected.memo, index % 2 == 0 ? "matched" : "unmatched",
                    "note \(index)", "statement", "2026-11-22T10:00:00+07:00", Self.day.description, expected.bookedAt,
                ]
                #expect(values.map(Self.short) == wanted.map(Self.short))
                if index == 3 { #expect(values[6] == long) }
                let numbers = try connection.queryOne("""
                    SELECT l.amount, l.reversal, c.id, c.amount, c.owed_back FROM statement_line l JOIN credit c ON c.statement_line_id = l.id
                    WHERE l.id = ?
                    """, Int64(index)) { row in (0..<5).map { row.int64(Int32($0)) } }
                #expect(numbers == [Int64(1_000 * index), 0, Int64(index) + 100, Int64(1_000 * index), Int64(index)])
                let identity = try connection.queryOne("SELECT identity FROM statement_line WHERE id = ?", Int64(index)) { row in
                    row.withBlob(0, LineIdentity.init(bytes:))
                }
                #expect(identity == expected.identity)
            }
        }
    }

    /// A line whose identity is already stored fails the write and the whole transaction: nothing of
    /// it stays, not even the rows written before in the same transaction.
    @Test func aRepeatedIdentityFailsTheWholeTransaction() throws {
        let folder = TemporaryDirectory()
        let (database, statementID) = try Self.database(folder)
        #expect(throws: StoreError.self) {
            try database.write { connection in
                let writer = ImportRowWriter(connection: connection, createdAt: "2026-11-22T10:00:00+07:00")
                try writer.add(line: Self.line(1, statement: statementID, memo: "a"), credit: nil)
                try writer.add(line: Self.line(2, statement: statementID, memo: "b", identity: 1), credit: nil)
                try writer.flush()
            }
        }
        #expect(try database.read { try $0.queryOne("SELECT COUNT(*) FROM statement_line") { $0.int64(0) } } == 0)
        // The connection is usable afterwards.
        try database.write { connection in
            let writer = ImportRowWriter(connection: connection, createdAt: "2026-11-22T10:00:00+07:00")
            try writer.add(line: Self.line(1, statement: statementID, memo: "a"), credit: nil)
            try writer.flush()
        }
        #expect(try database.read { try $0.queryOne("SELECT COUNT(*) FROM statement_line") { $0.int64(0) } } == 1)
    }

    /// Identities sort by booking day first, and a day's stored identities are found by one range scan.
    @Test func identitiesOfADayAreOneRange() throws {
        let folder = TemporaryDirectory()
        let (database, statementID) = try Self.database(folder)
        let days = [Self.day.adding(days: -1), Self.day, Self.day.adding(days: 1)]
        try database.write { connection in
            let writer = ImportRowWriter(connection: connection, createdAt: "2026-11-22T10:00:00+07:00")
            for (offset, day) in days.enumerated() {
                for index in 0..<3 {
                    var line = Self.line(Int64(offset * 3 + index + 1), statement: statementID, memo: "m")
                    line.identity = LineIdentity(day: day, digest: Array(repeating: UInt8(255 - index), count: 12))
                    line.bookingDate = day
                    try writer.add(line: line, credit: nil)
                }
            }
            try writer.flush()
        }
        var found = Set<LineIdentity>()
        try database.read { try StatementRepository($0).forEachIdentity(ofDay: Self.day) { found.insert($0) } }
        #expect(found == Set((0..<3).map { LineIdentity(day: Self.day, digest: Array(repeating: UInt8(255 - $0), count: 12)) }))
        #expect(LineIdentity.first(of: Self.day) == LineIdentity(day: Self.day, digest: [0]))
        #expect(LineIdentity(day: Self.day, digest: Array(repeating: 255, count: 12)) < LineIdentity.first(of: Self.day.adding(days: 1)))
        let bytes = LineIdentity(day: Self.day, digest: Array(1...12)).withBytes { Array($0) }
        #expect(bytes == [0, 0, 0x51, 0x2C] + Array(1...12))
    }
}
