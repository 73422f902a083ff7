@testable import FeeDeskStore
import Foundation
import Testing

@Suite struct AuditJournalTests {
    /// A database with `rows` journal rows.
    static func journal(_ folder: TemporaryDirectory, rows: Int) throws -> Database {
        let database = try Database(path: folder.file("audit.sqlite"))
        try database.write { connection in
            for index in 1...rows {
                try AuditJournal.append(connection, at: "2026-11-22T09:0\(index % 10):00+07:00", actor: "cli:test",
                                        action: "dossier.add", entity: "dossier", entityID: "D\(index)",
                                        details: ["amount": String(index * 1_000), "note": "hồ sơ số \(index)"])
            }
        }
        return database
    }

    @Test func chainsEveryRowToThePreviousOne() throws {
        let folder = TemporaryDirectory()
        let database = try Self.journal(folder, rows: 5)
        let verification = try database.read { try AuditJournal.verify($0) }
        #expect(verification.rows == 5)
        let entries = try database.read { try AuditJournal.entries($0, entity: "dossier", entityID: "D2") }
        #expect(entries.count == 1)
        #expect(entries[0].details == #"{"amount":"2000","note":"hồ sơ số 2"}"#)
        let first = try database.read { try AuditJournal.entries($0, entity: "dossier", entityID: "D1") }[0]
        #expect(first.previousHash == AuditJournal.genesis)
        #expect(entries[0].previousHash == first.hash)
        #expect(verification.head.count == 64)
    }

    @Test func refusesUpdatesAndDeletesThroughSQL() throws {
        let folder = TemporaryDirectory()
        let database = try Self.journal(folder, rows: 2)
        for sql in ["UPDATE audit SET actor = 'someone else' WHERE seq = 1", "DELETE FROM audit WHERE seq = 2"] {
            do {
                try database.write { connection in try connection.run(sql) }
                Issue.record("'\(sql)' was allowed")
            } catch let error as StoreError {
                #expect(error.description.contains("the audit journal is append-only"))
            }
        }
    }

    /// Tampering with the file (triggers dropped first, as an attacker with the file could) is found.
    @Test(arguments: [
        ("UPDATE audit SET details = '{\"amount\":\"9000\"}' WHERE seq = 3", Int64(3), "its contents do not match its hash"),
        ("DELETE FROM audit WHERE seq = 2", 3, "row 2 is missing"),
        ("UPDATE audit SET prev_hash = hash WHERE seq = 4", 4, "its previous-hash does not match the hash of row 3"),
        ("UPDATE audit SET at = '2026-01-01T00:00:00+07:00' WHERE seq = 5", 5, "its contents do not match its hash"),
    ])
    func findsTheFirstBrokenLink(tamper: String, row: Int64, reason: String) throws {
        let folder = TemporaryDirectory()
        let database = try Self.journal(folder, rows: 6)
        let attacker = try SQLiteConnection(path: database.path)
        try attacker.execute("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
        try attacker.execute(tamper)
        #expect(throws: StoreError.auditBroken(row: row, reason: reason)) {
            _ = try database.read { try AuditJournal.verify($0) }
        }
    }

    @Test func digestSeparatesFieldsUnambiguously() {
        let a = AuditJournal.digest(seq: 1, at: "t", actor: "ab", action: "c", entity: "e", entityID: "i", details: "{}", previousHash: "0")
        let b = AuditJournal.digest(seq: 1, at: "t", actor: "a", action: "bc", entity: "e", entityID: "i", details: "{}", previousHash: "0")
        #expect(a != b)
    }
}

@Suite struct CanonicalJSONTests {
    @Test(arguments: [
        ([String: String](), "{}"),
        (["b": "2", "a": "1"], #"{"a":"1","b":"2"}"#),
        (["memo": "Nộp \"phí\"\n\\ \t\u{01}"], #"{"memo":"Nộp \"phí\"\n\\ \t\u0001"}"#),
    ])
    func writesSortedEscapedJSON(values: [String: String], expected: String) throws {
        #expect(CanonicalJSON.object(values) == expected)
        let parsed = try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? [String: String]
        #expect(parsed == values)
    }
}
