@testable import FeeDeskStore
import Foundation
import Testing

@Suite struct BackupTests {
    @Test func copiesAConsistentSnapshotThatOpensAndVerifies() throws {
        let folder = TemporaryDirectory()
        let database = try AuditJournalTests.journal(folder, rows: 20)
        let copy = folder.file("backup.sqlite")
        try database.backup(to: copy)
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
        let restored = try Database(path: copy)
        #expect(try restored.read { try AuditJournal.verify($0) } == database.read { try AuditJournal.verify($0) })
        // A second backup over the first replaces it.
        _ = try database.write { connection in
            try AuditJournal.append(connection, at: "2026-11-22T10:00:00+07:00", actor: "t", action: "a", entity: "e", entityID: "1")
        }
        try database.backup(to: copy)
        #expect(try Database(path: copy).read { try AuditJournal.verify($0) }.rows == 21)
    }

    @Test func failsCleanlyIntoAMissingFolder() throws {
        let folder = TemporaryDirectory()
        let database = try AuditJournalTests.journal(folder, rows: 1)
        let target = folder.file("no/such/folder/backup.sqlite")
        #expect(throws: StoreError.self) { try database.backup(to: target) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
