@testable import FeeDeskStore
import Foundation
import Synchronization
import Testing

@Suite struct GroupCommitterTests {
    /// A database with one table of unique values, a committer over it, and the batch sizes committed.
    final class Fixture: @unchecked Sendable { // set up in init, only read afterwards
        let folder = TemporaryDirectory()
        let database: Database
        let committer: GroupCommitter
        let batches = BatchLog()
        /// Holds the committer thread inside a first item until `release`.
        let gate = DispatchSemaphore(value: 0)

        init() throws {
            database = try Database(path: folder.file("commit.sqlite"), migrations: [])
            try database.write { try $0.execute("CREATE TABLE item (value INTEGER NOT NULL UNIQUE) STRICT") }
            let batches = self.batches
            committer = GroupCommitter(database: database) { size, _ in batches.record(size) }
        }

        /// Queues an item that blocks the committer until `release` and returns once the committer is
        /// inside it, so that later items pile up behind it.
        func hold() {
            let gate = self.gate
            let entered = DispatchSemaphore(value: 0)
            committer.submit({ _ in
                entered.signal()
                gate.wait()
            }, completion: { _ in })
            entered.wait()
        }

        func release() { gate.signal() }

        /// Values stored, in order.
        func stored() throws -> [Int64] {
            try database.read { connection in
                var values: [Int64] = []
                try connection.forEach("SELECT value FROM item ORDER BY value", []) { row in values.append(row.int64(0)) }
                return values
            }
        }
    }

    /// The batch sizes committed, in order.
    final class BatchLog: Sendable {
        private let log = Mutex<[Int]>([])
        func record(_ size: Int) { log.withLock { $0.append(size) } }
        var sizes: [Int] { log.withLock { $0 } }
    }

    /// Collects completions from the committer thread.
    final class Outcomes: Sendable {
        private let results = Mutex<[Int: Result<Int64, StoreError>]>([:])
        private let done = DispatchSemaphore(value: 0)

        func record(_ key: Int, _ result: Result<Int64, any Error>) {
            results.withLock { $0[key] = result.mapError { $0 as? StoreError ?? .corrupt("\($0)") } }
            done.signal()
        }

        func wait(for count: Int) -> [Int: Result<Int64, StoreError>] {
            for _ in 0..<count { _ = done.wait(timeout: .now() + 10) }
            return results.withLock { $0 }
        }
    }

    static func insert(_ value: Int64) -> @Sendable (SQLiteConnection) throws -> Int64 {
        { connection in
            _ = try connection.run("INSERT INTO item (value) VALUES (?)", value)
            return connection.lastInsertRowID
        }
    }

    @Test func queuedItemsShareOneCommitAndCompleteOnlyAfterIt() throws {
        let fixture = try Fixture()
        let outcomes = Outcomes()
        let seen = Mutex<[Int]>([])
        fixture.hold()
        for value in 1...50 {
            let database = fixture.database
            fixture.committer.submit(Self.insert(Int64(value))) { result in
                // The commit is done when the completion runs: a reader sees the row.
                let visible = (try? database.read { try $0.queryOne("SELECT COUNT(*) FROM item WHERE value = ?", Int64(value)) { $0.int64(0) } }) ?? nil
                seen.withLock { $0.append(Int(visible ?? 0)) }
                outcomes.record(value, result)
            }
        }
        fixture.release()
        let results = outcomes.wait(for: 50)
        #expect(results.count == 50)
        #expect(results.values.allSatisfy { if case .success = $0 { true } else { false } })
        #expect(seen.withLock { $0 } == Array(repeating: 1, count: 50))
        #expect(fixture.batches.sizes == [1, 50])
        #expect(try fixture.stored() == (1...50).map(Int64.init))
    }

    @Test func aFailingItemFailsAloneAndTheOthersAreStored() throws {
        let fixture = try Fixture()
        let outcomes = Outcomes()
        fixture.hold()
        for (key, value) in [(1, 10), (2, 20), (3, 10), (4, 30)] {  // key 3 repeats a unique value
            fixture.committer.submit(Self.insert(Int64(value))) { outcomes.record(key, $0) }
        }
        fixture.release()
        let results = outcomes.wait(for: 4)
        #expect(try results[1]?.get() != nil)
        #expect(try results[2]?.get() != nil)
        #expect(try results[4]?.get() != nil)
        guard case let .failure(error) = results[3] else {
            Issue.record("the repeated value was stored: \(String(describing: results[3]))")
            return
        }
        #expect(error.isConstraintViolation)
        #expect(try fixture.stored() == [10, 20, 30])
        // One batch rolled back and run again item by item: still one commit for the four.
        #expect(fixture.batches.sizes == [1, 4])
    }

    @Test func performWaitsForTheCommitAndRethrows() throws {
        let fixture = try Fixture()
        let id = try fixture.committer.perform(Self.insert(7))
        #expect(id == 1)
        #expect(try fixture.stored() == [7])
        let error = #expect(throws: StoreError.self) { try fixture.committer.perform(Self.insert(7)) }
        #expect(error?.isConstraintViolation == true)
    }

    @Test func closeCommitsWhatIsQueuedThenRefusesNewWork() throws {
        let fixture = try Fixture()
        let outcomes = Outcomes()
        fixture.hold()
        for value in 1...5 {
            fixture.committer.submit(Self.insert(Int64(value))) { outcomes.record(value, $0) }
        }
        let closed = Atomic<Bool>(false)
        let closer = Thread {
            fixture.committer.close()
            closed.store(true, ordering: .releasing)
        }
        closer.start()
        usleep(50_000)
        let closedEarly = closed.load(ordering: .acquiring)
        #expect(!closedEarly, "close waits for the queued work")
        fixture.release()
        let results = outcomes.wait(for: 5)
        #expect(results.values.allSatisfy { if case .success = $0 { true } else { false } })
        for _ in 0..<400 where !closed.load(ordering: .acquiring) { usleep(5_000) }
        let closedAtLast = closed.load(ordering: .acquiring)
        #expect(closedAtLast)
        #expect(try fixture.stored() == [1, 2, 3, 4, 5])

        let late = Outcomes()
        fixture.committer.submit(Self.insert(6)) { late.record(6, $0) }
        #expect(late.wait(for: 1)[6] == .failure(.unavailable("the service is shutting down")))
        #expect(try fixture.stored() == [1, 2, 3, 4, 5])
    }
}
