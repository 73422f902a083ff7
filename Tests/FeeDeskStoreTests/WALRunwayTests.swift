@testable import FeeDeskStore
import Foundation
import Testing

/// `WALRunway` extends a WAL ahead of SQLite's frames with zeros, and SQLite still reads that WAL as
/// it should: after a crash (the files copied as they are, without a checkpoint) every committed row
/// is there, and the zeros past the last frame are not taken for frames.
@Suite struct WALRunwayTests {
    /// 64 KiB: SQLite outruns the stretch, which is extended over and past its frames (whatever the
    /// two threads' timing). 32 MiB: the 4 MB transaction stays inside the first stretch, so the WAL
    /// ends in zeros that recovery must not take for frames.
    @Test(arguments: [64 << 10, 32 << 20])
    func aWALWrittenOverTheRunwayRecoversEveryCommittedRow(length: Int) throws {
        let folder = TemporaryDirectory()
        let path = folder.file("db.sqlite")
        let connection = try SQLiteConnection(path: path)
        try connection.execute("PRAGMA wal_autocheckpoint=0; CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)")
        let runway = WALRunway(walPath: path + "-wal", length: length, interval: 0.001)
        try connection.writeTransaction { connection in
            for id in 1...3_000 { _ = try connection.run("INSERT INTO t (id, v) VALUES (?, randomblob(1000))", Int64(id)) }
        }
        let added = runway.stop()
        #expect(added >= length / 2, "half a stretch at least: \(added) bytes")
        let wal = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        #expect(wal.count > 3_000 * 1_000, "\(wal.count) bytes of WAL")
        if length == 32 << 20 {
            #expect(wal.count >= length / 2 && wal.suffix(length / 4).allSatisfy { $0 == 0 }, "zeros past the last frame")
        }

        // A crash after the commit: the database and its WAL as they are, opened afresh (no checkpoint ran).
        let copy = folder.file("crash.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try wal.write(to: URL(fileURLWithPath: copy + "-wal"))
        let recovered = try SQLiteConnection(path: copy, create: false)
        #expect(try recovered.queryOne("SELECT COUNT(*), SUM(length(v)) FROM t") { "\($0.int64(0)) \($0.int64(1))" } == "3000 3000000")
        #expect(try recovered.queryOne("PRAGMA integrity_check") { $0.text(0) } == "ok")
    }

    /// Small bulk writes, each with a runway, a checkpoint after each (SQLite then writes the WAL from
    /// its start again): the WAL grows by a stretch once, not by a stretch per write.
    @Test func theWALDoesNotGrowWithEveryBulkWrite() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("db.sqlite")
        let connection = try SQLiteConnection(path: path)
        try connection.execute("PRAGMA wal_autocheckpoint=0; CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)")
        var sizes: [Int] = []
        for round in 0..<5 {
            let runway = WALRunway(walPath: path + "-wal", length: 1 << 20, interval: 0.001)
            try connection.writeTransaction { connection in
                for id in 1...20 { _ = try connection.run("INSERT INTO t (id, v) VALUES (?, randomblob(500))", Int64(round * 100 + id)) }
            }
            runway.stop()
            try connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            sizes.append(try #require(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int))
        }
        #expect(sizes.allSatisfy { $0 == sizes[0] } && sizes[0] <= (1 << 20) + (64 << 10), "WAL sizes \(sizes)")
        #expect(try connection.queryOne("SELECT COUNT(*) FROM t") { $0.int64(0) } == 100)
    }

    @Test func aMissingFileIsLeftAloneAndStopReturns() {
        let folder = TemporaryDirectory()
        let runway = WALRunway(walPath: folder.file("none.sqlite-wal"), interval: 0.01)
        Thread.sleep(forTimeInterval: 0.03)
        #expect(runway.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.file("none.sqlite-wal")))
    }
}
