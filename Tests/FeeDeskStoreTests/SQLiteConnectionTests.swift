@testable import FeeDeskStore
import Testing

@Suite struct SQLiteConnectionTests {
    @Test func opensWithWALFullSyncForeignKeysAndBusyTimeout() throws {
        let folder = TemporaryDirectory()
        let connection = try SQLiteConnection(path: folder.file("a.sqlite"), busyTimeoutMilliseconds: 1_234)
        #expect(try connection.queryOne("PRAGMA journal_mode") { $0.text(0) } == "wal")
        #expect(try connection.queryOne("PRAGMA synchronous") { $0.int64(0) } == 2) // FULL
        #expect(try connection.queryOne("PRAGMA foreign_keys") { $0.int64(0) } == 1)
        #expect(try connection.queryOne("PRAGMA busy_timeout") { $0.int64(0) } == 1_234)
    }

    /// SQLite's memory statistics are off (every allocation would take their global mutex), yet a
    /// connection with a filled table is using memory.
    @Test func sqliteDoesNotCountItsMemory() throws {
        let folder = TemporaryDirectory()
        let connection = try SQLiteConnection(path: folder.file("m.sqlite"))
        try connection.execute("CREATE TABLE t (x TEXT); INSERT INTO t VALUES (hex(randomblob(1000)))")
        #expect(!SQLiteConnection.countsMemory)
    }

    @Test func bindsAndReadsEveryType() throws {
        let folder = TemporaryDirectory()
        let connection = try SQLiteConnection(path: folder.file("a.sqlite"))
        try connection.execute("CREATE TABLE t (i INTEGER, s TEXT, b BLOB, n TEXT, r REAL)")
        let text = "Nguyễn Thị Đào — phí chứng thực 'x'; DROP TABLE t; --"
        try connection.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", Int64.max, text, [UInt8](arrayLiteral: 0, 255, 7), Optional<String>.none, 0.5)
        let row = try #require(try connection.queryOne("SELECT i, s, b, n, r FROM t") { row in
            (row.int64(0), row.text(1), row.blob(2), row.isNull(3), row.text(4))
        })
        #expect(row.0 == Int64.max)
        #expect(row.1 == text)
        #expect(row.2 == [0, 255, 7])
        #expect(row.3)
        #expect(row.4 == "0.5")
    }

    @Test func writeTransactionRollsBackWhenTheBodyThrows() throws {
        struct Boom: Error {}
        let folder = TemporaryDirectory()
        let connection = try SQLiteConnection(path: folder.file("a.sqlite"))
        try connection.execute("CREATE TABLE t (x INTEGER)")
        #expect(throws: Boom.self) {
            try connection.writeTransaction { connection in
                try connection.run("INSERT INTO t VALUES (1)")
                try connection.run("INSERT INTO t VALUES (2)")
                throw Boom()
            }
        }
        #expect(!connection.inTransaction)
        #expect(try connection.queryOne("SELECT COUNT(*) FROM t") { $0.int64(0) } == 0)
        try connection.writeTransaction { connection in try connection.run("INSERT INTO t VALUES (3)") }
        #expect(try connection.queryOne("SELECT COUNT(*) FROM t") { $0.int64(0) } == 1)
    }

    @Test func reportsSQLiteErrorsWithCodeAndContext() throws {
        let folder = TemporaryDirectory()
        let connection = try SQLiteConnection(path: folder.file("a.sqlite"))
        try connection.execute("CREATE TABLE t (x INTEGER UNIQUE)")
        try connection.run("INSERT INTO t VALUES (1)")
        do {
            try connection.run("INSERT INTO t VALUES (1)")
            Issue.record("a duplicate was accepted")
        } catch {
            #expect(error.isConstraintViolation)
            #expect(error.description == "SQLite error 2067 (UNIQUE constraint failed: t.x) while running INSERT INTO t VALUES (?).".replacingOccurrences(of: "(?)", with: "(1)"))
        }
        #expect(throws: StoreError.self) { try connection.prepare("SELEC nonsense") }
    }

    @Test func secondWriterWaitsThenReportsBusy() throws {
        let folder = TemporaryDirectory()
        let first = try SQLiteConnection(path: folder.file("a.sqlite"))
        let second = try SQLiteConnection(path: folder.file("a.sqlite"), busyTimeoutMilliseconds: 50)
        try first.execute("CREATE TABLE t (x INTEGER)")
        try first.execute("BEGIN IMMEDIATE")
        do {
            try second.execute("BEGIN IMMEDIATE")
            Issue.record("two writers at once")
        } catch {
            #expect(error.isBusy)
        }
        try first.execute("COMMIT")
        try second.execute("BEGIN IMMEDIATE; COMMIT;")
    }
}
