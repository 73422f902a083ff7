@testable import FeeDeskStore
import Foundation
import Testing

/// `WALWriteback` syncs a WAL file on its own thread until it is stopped, and does nothing while
/// the file does not exist yet. (Bulk writes run with it: `BulkWriteTests`.)
@Suite struct WALWritebackTests {
    @Test func itSyncsTheFileUntilStopped() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("db.sqlite-wal")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 7, count: 64 << 10)))
        let writeback = WALWriteback(walPath: path, interval: 0.01)
        Thread.sleep(forTimeInterval: 0.2)
        let syncs = writeback.stop()
        #expect(syncs >= 2, "\(syncs) syncs in 0.2 s at one per 10 ms")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 7, count: 64 << 10), "the file is only read")
    }

    @Test func aMissingFileIsNotSyncedAndStopReturns() {
        let folder = TemporaryDirectory()
        let writeback = WALWriteback(walPath: folder.file("none.sqlite-wal"), interval: 0.01)
        Thread.sleep(forTimeInterval: 0.05)
        #expect(writeback.stop() == 0)
    }
}
