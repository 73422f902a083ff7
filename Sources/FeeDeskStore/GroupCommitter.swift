import Foundation
import Synchronization

/// Commits the work of concurrent callers together: one transaction, one fsync, many requests.
///
/// With `synchronous=FULL` every commit waits for the disk (about 4 ms here), which would cap a
/// service at a few hundred writes a second. A caller hands its work to `perform` and blocks; when no
/// batch is running it becomes the leader: it runs the queued items in one write transaction (each
/// inside its own SAVEPOINT, so one failing item does not undo the others), commits, hands the lead to
/// the first caller still queued, and wakes its batch. A caller's result is delivered only after the
/// commit is durable, and if the commit fails every item of the batch gets the error: nobody is told
/// "stored" for work that is not.
public final class GroupCommitter: Sendable {
    private final class Item: @unchecked Sendable { // fields are written before `wake` is signalled, read after
        let work: (SQLiteConnection) throws -> Void
        var result: Result<Void, any Error> = .success(())
        var finished = false
        let wake = DispatchSemaphore(value: 0)

        init(work: @escaping (SQLiteConnection) throws -> Void) {
            self.work = work
        }
    }

    private struct Queue {
        var items: [Item] = []
        var leaderActive = false
    }

    private let database: Database
    private let queue = Mutex(Queue())
    private let maximumBatch: Int
    /// Called after each commit with the batch size and the seconds the transaction took.
    private let onCommit: (@Sendable (Int, Double) -> Void)?

    /// A committer over `database` batching at most `maximumBatch` items per transaction.
    public init(database: Database, maximumBatch: Int = 256, onCommit: (@Sendable (Int, Double) -> Void)? = nil) {
        self.database = database
        self.maximumBatch = maximumBatch
        self.onCommit = onCommit
    }

    /// Runs `work` inside a write transaction shared with other callers and returns its result once
    /// that transaction is committed.
    public func perform<T>(_ work: @escaping (SQLiteConnection) throws -> T) throws -> T {
        nonisolated(unsafe) var output: T?
        let item = Item { connection in output = try work(connection) }
        let lead = queue.withLock { state -> Bool in
            state.items.append(item)
            if state.leaderActive { return false }
            state.leaderActive = true
            return true
        }
        if lead { leadOneBatch() }
        while true {
            item.wake.wait()
            if item.finished { break }
            leadOneBatch() // woken to lead: our item is next in the queue
        }
        try item.result.get()
        guard let value = output else { throw StoreError.corrupt("a batched write produced no result") }
        return value
    }

    /// Runs one batch, passes the lead to the next queued caller (or ends it), then wakes the batch.
    private func leadOneBatch() {
        let batch = queue.withLock { state -> [Item] in
            let taken = Array(state.items.prefix(maximumBatch))
            state.items.removeFirst(taken.count)
            return taken
        }
        run(batch)
        let next = queue.withLock { state -> Item? in
            guard let first = state.items.first else {
                state.leaderActive = false
                return nil
            }
            return first
        }
        for item in batch {
            item.finished = true
            item.wake.signal()
        }
        next?.wake.signal()
    }

    private func run(_ batch: [Item]) {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            try database.write { connection in
                for item in batch {
                    try connection.execute("SAVEPOINT item")
                    do {
                        try item.work(connection)
                        item.result = .success(())
                        try connection.execute("RELEASE item")
                    } catch {
                        item.result = .failure(error)
                        try connection.execute("ROLLBACK TO item")
                        try connection.execute("RELEASE item")
                    }
                }
            }
            onCommit?(batch.count, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        } catch {
            for item in batch { item.result = .failure(error) }
        }
    }
}
