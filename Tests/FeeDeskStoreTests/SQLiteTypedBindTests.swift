@testable import FeeDeskStore
import Testing

/// The typed binds and zero-copy reads the import uses give the same values as the `SQLBindable` path.
@Suite struct SQLiteTypedBindTests {
    @Test(arguments: ["Nguyễn Thị Đào — 'x'; --", "", "a", String(repeating: "phí ", count: 50_000)])
    func bindsTextAndReadsItBack(text: String) throws {
        let folder = TemporaryDirectory()
        let connection = try SQLiteConnection(path: folder.file("a.sqlite"))
        try connection.execute("CREATE TABLE t (i INTEGER, s TEXT, n TEXT, b BLOB, a TEXT)")
        let statement = try connection.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)")
        try statement.bind(Int64.min, at: 1)
        try statement.bind(text, at: 2)
        try statement.bind(nil, at: 3)
        try [UInt8](arrayLiteral: 1, 0, 255).withUnsafeBytes { try statement.bind(blob: $0, at: 4) }
        let arena = SQLiteTextArena()
        try arena.bind(text, to: statement, at: 5)
        try statement.runToEnd()
        let row = try #require(try connection.queryOne("SELECT i, s, n IS NULL, b, a, typeof(s), typeof(a) FROM t") { row in
            (row.int64(0), row.withText(1) { String(decoding: $0, as: UTF8.self) }, row.int64(2), row.withBlob(3) { Array($0) },
             row.text(4), row.text(5), row.text(6))
        })
        #expect(row.0 == Int64.min)
        #expect(row.1 == text)
        #expect(row.2 == 1)
        #expect(row.3 == [1, 0, 255])
        #expect(row.4 == text)
        // Empty text is stored as text, never as NULL.
        #expect(row.5 == "text" && row.6 == "text")
    }
}
