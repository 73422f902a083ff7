import Foundation
import Synchronization

/// Commits the work of concurrent callers together: one transaction, one fsync, many requests.
///
/// With `synchronous=FULL` every commit waits for the disk (about 4 ms here), which would cap a
/// service at a few hundred writes a second. Callers hand their work to `submit` and go on; a single
/// committer thread takes everything queued (up to `maximumBatch` items), runs it in one
/// `BEGIN IMMEDIATE … COMMIT`, and only after the commit calls each item's completion, on the
/// committer thread. While one batch commits the next one gathers, so the batch grows with the load.
///
/// An item that throws rolls the whole batch back; the batch is then run again item by item, each
/// inside its own SAVEPOINT, so that one bad item fails alone. If the commit itself fails, every item
/// of the batch gets the error: nobody is told "stored" for work that is not.
///
/// Work items must not block on the committer (`perform` from inside an item would wait forever) and
/// must be safe to run twice (the retry): they write only through the connection they are given.
public final class GroupCommitter: Sendable {
    /// One queued piece of work and how to report its outcome.
    fileprivate struct Item: Sendable {
        /// Runs the work and keeps its value for `deliver`.
        let run: @Sendable (SQLiteConnection) throws -> Void
        /// Reports the outcome (the value kept by `run`, or the error).
        let deliver: @Sendable ((any Error)?) -> Void
    }

    private let engine: Engine

    /// A committer over `database` batching at most `maximumBatch` items per transaction; `onCommit`
    /// is called after each commit with the batch size and the seconds the transaction took.
    public init(database: Database, maximumBatch: Int = 512, onCommit: (@Sendable (Int, Double) -> Void)? = nil) {
        engine = Engine(database: database, maximumBatch: max(1, maximumBatch), onCommit: onCommit)
        let engine = self.engine
        let thread = Thread { engine.loop() }
        thread.name = "feedesk-committer"
        thread.start()
    }

    deinit {
        engine.close(wait: false)
    }

    /// Queues `work` for the next write transaction and returns at once. `completion` is called on
    /// the committer thread with the work's value once the transaction holding it is committed, or
    /// with the error that kept it from being stored (its own, the commit's, or `StoreError.unavailable`
    /// after `close`).
    public func submit<T: Sendable>(_ work: @escaping @Sendable (SQLiteConnection) throws -> T,
                                    completion: @escaping @Sendable (Result<T, any Error>) -> Void) {
        let output = OutputBox<T>()
        let item = Item(
            run: { connection in output.value = try work(connection) },
            deliver: { error in
                if let error {
                    completion(.failure(error))
                } else if let value = output.value {
                    completion(.success(value))
                } else {
                    completion(.failure(StoreError.corrupt("a batched write produced no result")))
                }
            })
        if !engine.enqueue(item) {
            completion(.failure(StoreError.unavailable("the service is shutting down")))
        }
    }

    /// Runs `work` in a write transaction shared with other callers and returns its value once that
    /// transaction is committed (blocks the calling thread; never call it from inside a work item).
    public func perform<T: Sendable>(_ work: @escaping @Sendable (SQLiteConnection) throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<T, any Error>?>(nil)
        submit(work) { result in
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        guard let result = outcome.withLock({ $0 }) else { throw StoreError.corrupt("a batched write reported nothing") }
        return try result.get()
    }

    /// Stops taking work, commits what is queued, and returns when the committer thread is done.
    /// Later `submit` calls fail at once with `StoreError.unavailable`.
    public func close() {
        engine.close(wait: true)
    }
}

/// A work item's value between `run` (committer thread) and `deliver` (the same thread, later).
private final class OutputBox<T>: @unchecked Sendable { // touched only by the committer thread
    var value: T?
}

/// The queue and the committer thread's loop.
private final class Engine: @unchecked Sendable { // `pending` and `closed` are guarded by `condition`
    private let database: Database
    private let maximumBatch: Int
    private let onCommit: (@Sendable (Int, Double) -> Void)?
    private let condition = NSCondition()
    private var pending: [GroupCommitter.Item] = []
    private var closed = false
    private var finished = false

    init(database: Database, maximumBatch: Int, onCommit: (@Sendable (Int, Double) -> Void)?) {
        self.database = database
        self.maximumBatch = maximumBatch
        self.onCommit = onCommit
    }

    /// Adds an item; false once closed.
    func enqueue(_ item: GroupCommitter.Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return false }
        pending.append(item)
        if pending.count == 1 { condition.signal() }
        return true
    }

    /// Refuses new items; the loop ends after the queued ones. With `wait`, returns when it has.
    func close(wait: Bool) {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while wait && !finished { condition.wait() }
    }

    /// Takes batches until closed and drained.
    func loop() {
        while let batch = nextBatch() {
            commit(batch)
        }
    }

    private func nextBatch() -> [GroupCommitter.Item]? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && !closed { condition.wait() }
        if pending.isEmpty {
            finished = true
            condition.broadcast()
            return nil
        }
        let count = min(pending.count, maximumBatch)
        let batch = Array(pending.prefix(count))
        pending.removeFirst(count)
        return batch
    }

    /// One transaction for the whole batch; on an item's failure, the batch again with savepoints.
    private func commit(_ batch: [GroupCommitter.Item]) {
        let start = DispatchTime.now().uptimeNanoseconds
        var itemFailed = false
        do {
            try database.write { connection in
                for item in batch {
                    do {
                        try item.run(connection)
                    } catch {
                        itemFailed = true
                        throw error
                    }
                }
            }
        } catch {
            if itemFailed && batch.count > 1 {
                commitOneByOne(batch, start: start)
            } else {
                for item in batch { item.deliver(error) }
            }
            return
        }
        onCommit?(batch.count, seconds(since: start))
        for item in batch { item.deliver(nil) }
    }

    /// The batch in one transaction, each item inside a SAVEPOINT so a failing one is undone alone.
    private func commitOneByOne(_ batch: [GroupCommitter.Item], start: UInt64) {
        var failures: [(any Error)?] = Array(repeating: nil, count: batch.count)
        do {
            try database.write { connection in
                for (index, item) in batch.enumerated() {
                    try connection.execute("SAVEPOINT item")
                    do {
                        try item.run(connection)
                        try connection.execute("RELEASE item")
                    } catch {
                        failures[index] = error
                        try connection.execute("ROLLBACK TO item")
                        try connection.execute("RELEASE item")
                    }
                }
            }
        } catch {
            for item in batch { item.deliver(error) }
            return
        }
        onCommit?(batch.count, seconds(since: start))
        for (index, item) in batch.enumerated() { item.deliver(failures[index]) }
    }

    private func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
