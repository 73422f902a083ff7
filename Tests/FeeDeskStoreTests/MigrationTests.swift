@testable import FeeDeskStore
import Testing

@Suite struct MigrationTests {
    @Test func migratesANewFileToTheLatestVersionOnce() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("m.sqlite")
        let database = try Database(path: path)
        #expect(try database.schemaVersion() == Schema.migrations.count)
        let tables = try database.read { connection in
            try connection.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.text(0) ?? "" }
        }
        #expect(Set(tables).isSuperset(of: ["fee", "bank_account", "dossier", "credit", "allocation", "cash_payment", "audit", "counter"]))
        // Opening again applies nothing and keeps the data.
        try database.write { connection in try connection.run("INSERT INTO counter VALUES ('x', 7)") }
        let again = try Database(path: path)
        #expect(try again.read { connection in try connection.queryOne("SELECT value FROM counter WHERE name = 'x'") { $0.int64(0) } } == 7)
    }

    @Test func appliesOnlyPendingMigrationsInOrder() throws {
        let folder = TemporaryDirectory()
        let connection = try SQLiteConnection(path: folder.file("m.sqlite"))
        let one = Migration(version: 1, name: "one", sql: "CREATE TABLE a (x INTEGER);")
        let two = Migration(version: 2, name: "two", sql: "ALTER TABLE a ADD COLUMN y TEXT;")
        try Migrator(migrations: [one]).migrate(connection)
        try Migrator(migrations: [two, one]).migrate(connection)
        #expect(try Migrator.version(of: connection) == 2)
        try connection.run("INSERT INTO a (x, y) VALUES (1, 'ok')")
    }

    @Test func aFailingMigrationLeavesTheSchemaAsItWas() throws {
        let folder = TemporaryDirectory()
        let connection = try SQLiteConnection(path: folder.file("m.sqlite"))
        let one = Migration(version: 1, name: "one", sql: "CREATE TABLE a (x INTEGER);")
        let broken = Migration(version: 2, name: "broken", sql: "CREATE TABLE b (x INTEGER); CREATE TABLE a (x INTEGER);")
        #expect(throws: StoreError.self) { try Migrator(migrations: [one, broken]).migrate(connection) }
        #expect(try Migrator.version(of: connection) == 1)
        #expect(try connection.queryOne("SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'") { $0.int64(0) } == 0)
    }

    @Test func refusesADatabaseFromANewerFeeDesk() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("m.sqlite")
        _ = try Database(path: path)
        let connection = try SQLiteConnection(path: path)
        try connection.execute("PRAGMA user_version = 99")
        #expect(throws: StoreError.schemaTooNew(found: 99, known: Schema.migrations.count, path: path)) {
            _ = try Database(path: path)
        }
    }
}
