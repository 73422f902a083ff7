import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation
import Synchronization
import Testing

/// The backup and restore drill: a backup taken while the application writes is consistent, and
/// `DatabaseRestore` installs only a sound backup, only over a database nobody uses, only with
/// `force` over one that holds data.
@Suite struct RestoreTests {
    static let clock = "2026-11-22T09:00:00+07:00"

    /// An installed application with `dossiers` registered dossiers.
    static func prepared(dossiers: Int = 2) throws -> (AppFixture, FeeDesk) {
        let fixture = try AppFixture()
        let app = try fixture.app(at: clock)
        try app.setUp(by: "test")
        for number in 1...max(dossiers, 1) where dossiers > 0 {
            _ = try app.addDossier(NewDossier(code: code(number), procedure: "CT.CHUKY"), by: "test")
        }
        return (fixture, app)
    }

    static func code(_ number: Int) -> String {
        "000.06.16.G09-261122-" + String(repeating: "0", count: 4 - String(number).count) + String(number)
    }

    /// Counts of `SELECT COUNT(*) …` in the file at `path`.
    static func count(_ path: String, _ sql: String) throws -> Int64 {
        let connection = try SQLiteConnection(path: path, create: false)
        return try connection.queryOne(sql) { $0.int64(0) } ?? -1
    }

    /// The error `body` throws, as its description.
    static func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func backupsTakenDuringConcurrentWritesAreConsistent() throws {
        let (fixture, app) = try Self.prepared(dossiers: 0)
        // `feedesk backup` runs in another process: a second application on the same file.
        let other = try fixture.app(at: Self.clock)
        let committer = GroupCommitter(database: app.database)
        let signedAt = try Timestamp.parse(Self.clock)
        let stop = Atomic<Bool>(false)
        let written = Atomic<Int>(0)
        let writers = DispatchGroup()
        let failures = LogLines()
        // Dedicated threads: the shared dispatch pool may be busy with other suites' work.
        func writer(_ write: @escaping @Sendable (Int) throws -> Void) {
            writers.enter()
            Thread {
                for number in 1...2_000 where !stop.load(ordering: .relaxed) {
                    do { try write(number) } catch { failures.append("\(error)") }
                    written.add(1, ordering: .relaxed)
                }
                writers.leave()
            }.start()
        }
        writer { number in
            _ = try app.addDossier(NewDossier(code: Self.code(number), procedure: "CT.CHUKY"), by: "test")
        }
        writer { number in
            let body = ServerFixture.notice(id: "FT\(number)", amount: 5_000, memo: "HS nop phi \(number)")
            let delivery = try ServerFixture.signedBank(body, at: signedAt)
            _ = try app.acceptCallback(partner: "bank", headers: delivery.headers.map { (name: $0.0, value: $0.1) }, body: delivery.body,
                                       secrets: [ServerFixture.bankSecret], committer: committer)
        }
        var backups: [String] = []
        for index in 1...4 {
            // Each backup after more writes, while the writers keep going.
            let deadline = Date().addingTimeInterval(30)
            while written.load(ordering: .relaxed) < index * 10, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
            let path = fixture.folder + "/backup-\(index).sqlite"
            try other.backup(to: path)
            backups.append(path)
        }
        stop.store(true, ordering: .relaxed)
        writers.wait()
        let last = fixture.folder + "/backup-final.sqlite"
        try other.backup(to: last)
        backups.append(last)
        #expect(failures.all.isEmpty, "\(failures.all)")

        var seen: Set<[Int64]> = []
        for path in backups {
            let connection = try SQLiteConnection(path: path, create: false)
            #expect(try connection.integrityProblems().isEmpty, "\(path)")
            let audit = try AuditJournal.verify(connection)
            let dossiers = try Self.count(path, "SELECT COUNT(*) FROM dossier")
            let callbacks = try Self.count(path, "SELECT COUNT(*) FROM callback")
            seen.insert([dossiers, callbacks])
            // Every row has its audit row and no audit row lacks its row: one snapshot, not a mix.
            #expect(try dossiers == Self.count(path, "SELECT COUNT(*) FROM audit WHERE action = 'dossier.add'"))
            #expect(try callbacks == Self.count(path, "SELECT COUNT(*) FROM audit WHERE action = 'callback.accept'"))
            #expect(try callbacks == Self.count(path, "SELECT COUNT(*) FROM credit"))
            let restored = try DatabaseRestore.restore(backup: path, over: path + ".restored", force: false)
            #expect(restored.auditHead == audit.head)
            #expect(restored.auditRows == audit.rows)
            #expect(restored.dossiers == dossiers)
        }
        // The backups were taken while the data grew, not all before or after it.
        #expect(seen.count > 1, "\(seen)")
        #expect(try Self.count(last, "SELECT COUNT(*) FROM dossier") == app.dossiers().count)
    }

    @Test func restoreRefusesALiveDatabaseEvenWithForce() throws {
        let (fixture, app) = try Self.prepared()
        let backup = fixture.folder + "/backup.sqlite"
        try app.backup(to: backup)
        let target = app.database.path
        #expect(Self.refusal { _ = try DatabaseRestore.restore(backup: backup, over: target, force: true) }
            == "\(target): is open in another program (is feedesk serve running?); stop it before restoring.")
        #expect(try app.dossiers().count == 2)
    }

    /// A database with 2 dossiers, its backup, then a third dossier; the application is closed on return.
    static func databaseAheadOfItsBackup() throws -> (fixture: AppFixture, target: String, backup: String) {
        let (fixture, app) = try prepared()
        let backup = fixture.folder + "/backup.sqlite"
        try app.backup(to: backup)
        _ = try app.addDossier(NewDossier(code: code(3), procedure: "CT.CHUKY"), by: "test")
        return (fixture, app.database.path, backup)
    }

    @Test func restoreRefusesADatabaseWithDataWithoutForceThenReplacesIt() throws {
        let (fixture, target, backup) = try Self.databaseAheadOfItsBackup()
        #expect(Self.refusal { _ = try DatabaseRestore.restore(backup: backup, over: target, force: false) }
            == "\(target): already holds 3 dossiers; add --force to replace it with the backup.")
        #expect(try Self.count(target, "SELECT COUNT(*) FROM dossier") == 3)

        let report = try DatabaseRestore.restore(backup: backup, over: target, force: true)
        #expect(report.replaced)
        #expect(report.dossiers == 2)
        #expect(report.credits == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.folder + "/var").sorted()
        #expect(leftovers == ["test.sqlite"])
        let app = try fixture.app(at: Self.clock)
        #expect(try app.verifyAudit().head == report.auditHead)
        #expect(try app.dossiers().map(\.code) == [Self.code(1), Self.code(2)])
    }

    /// Ways a backup can be unusable, and the sentence that says so.
    enum Damage: String, CaseIterable, CustomTestStringConvertible {
        case notSQLite, torn, badIndex, newerSchema, brokenJournal, missing
        var testDescription: String { rawValue }
    }

    @Test(arguments: Damage.allCases)
    func restoreRefusesAnUnusableBackupAndChangesNothing(_ damage: Damage) throws {
        let (fixture, target, backup) = try Self.databaseAheadOfItsBackup()
        let known = Migrator(migrations: Schema.migrations).latestVersion
        let expected: String
        switch damage {
        case .notSQLite:
            try Data("dossier,amount\n000.06.16.G09-261122-0001,5000\n".utf8).write(to: URL(fileURLWithPath: backup))
            expected = "\(backup): is not a readable SQLite database (SQLite error 26: file is not a database)."
        case .torn:
            let bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: backup))
            expected = "\(backup): is not a readable SQLite database (SQLite error 11: database disk image is malformed)."
        case .badIndex:
            // An index whose declared order no longer matches its entries: the file opens, the check fails.
            try SQLiteConnection(path: backup, create: false).execute("""
                CREATE INDEX restore_test ON dossier(code); PRAGMA writable_schema=ON;
                UPDATE sqlite_master SET sql = 'CREATE INDEX restore_test ON dossier(code DESC)' WHERE name = 'restore_test';
                PRAGMA journal_mode=DELETE
                """)
            expected = "\(backup): fails SQLite's integrity check (row 2 missing from index restore_test)."
        case .newerSchema:
            try SQLiteConnection(path: backup, create: false).execute("PRAGMA user_version = \(known + 1); PRAGMA journal_mode=DELETE")
            expected = "\(backup): has schema version \(known + 1), newer than this feedesk understands (\(known)); restore it with a newer feedesk."
        case .brokenJournal:
            try SQLiteConnection(path: backup, create: false).execute(
                "DROP TRIGGER IF EXISTS audit_no_delete; DELETE FROM audit WHERE seq = 2; PRAGMA journal_mode=DELETE")
            expected = "\(backup): has a broken audit journal at row 3 (row 2 is missing)."
        case .missing:
            try FileManager.default.removeItem(atPath: backup)
            expected = "\(backup): no such backup file."
        }
        let message = Self.refusal { _ = try DatabaseRestore.restore(backup: backup, over: target, force: true) } ?? "(restored)"
        #expect(message == expected)
        #expect(try Self.count(target, "SELECT COUNT(*) FROM dossier") == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder + "/var").filter { $0.contains(".restore-") }.isEmpty)
    }
}
