@testable import FeeDeskStore
import Testing

/// `Database.writeWithoutForeignKeyChecks`: one transaction, enforcement off inside, back on after.
@Suite struct BulkWriteTests {
    private func database(_ folder: TemporaryDirectory) throws -> Database {
        let database = try Database(path: folder.file("bulk.sqlite"))
        try database.withWriter { connection in
            try connection.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent (id))")
        }
        return database
    }

    private func foreignKeys(_ database: Database) throws -> Int64? {
        try database.withWriter { connection in try connection.queryOne("PRAGMA foreign_keys") { $0.int64(0) } }
    }

    @Test func skipsParentLookupsInsideAndEnforcesThemAgainAfter() throws {
        let folder = TemporaryDirectory()
        let database = try database(folder)
        let inside = try database.writeWithoutForeignKeyChecks { connection in
            try connection.run("INSERT INTO child (parent_id) VALUES (7)") // no parent 7: not checked here
            try connection.run("INSERT INTO parent (id) VALUES (7)")
            return try connection.queryOne("PRAGMA foreign_keys") { $0.int64(0) }
        }
        #expect(inside == 0)
        #expect(try foreignKeys(database) == 1)
        #expect(try database.read { try $0.queryOne("SELECT COUNT(*) FROM child") { $0.int64(0) } } == 1)
        #expect(throws: StoreError.self) {
            try database.write { connection in try connection.run("INSERT INTO child (parent_id) VALUES (8)") }
        }
    }

    @Test func rollsBackAndRestoresEnforcementWhenTheBodyThrows() throws {
        struct Boom: Error {}
        let folder = TemporaryDirectory()
        let database = try database(folder)
        #expect(throws: Boom.self) {
            try database.writeWithoutForeignKeyChecks { connection in
                try connection.run("INSERT INTO parent (id) VALUES (1)")
                throw Boom()
            }
        }
        #expect(try foreignKeys(database) == 1)
        #expect(try database.read { try $0.queryOne("SELECT COUNT(*) FROM parent") { $0.int64(0) } } == 0)
    }

    /// The bulk write's commit leaves the WAL's pages to a passive checkpoint on another connection;
    /// once it has run every frame is in the database, and the writer's automatic checkpoint is back.
    @Test func theWALIsCheckpointedAfterTheBulkWriteReturns() throws {
        let folder = TemporaryDirectory()
        let database = try database(folder)
        try database.writeWithoutForeignKeyChecks { connection in
            try connection.execute("""
                WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
                INSERT INTO parent (id) SELECT i FROM n
                """)
        }
        database.waitForCheckpoints()
        let probe = try SQLiteConnection(path: folder.file("bulk.sqlite"), create: false)
        let state = try probe.queryOne("PRAGMA wal_checkpoint(PASSIVE)") { (log: $0.int64(1), copied: $0.int64(2)) }
        #expect(state.map { $0.log > 0 && $0.log == $0.copied } == true, "\(String(describing: state))")
        let automatic = try database.withWriter { try $0.queryOne("PRAGMA wal_autocheckpoint") { $0.int64(0) } }
        #expect(automatic == 1000)
        #expect(try database.read { try $0.queryOne("SELECT COUNT(*) FROM parent") { $0.int64(0) } } == 200_000)
    }
}
