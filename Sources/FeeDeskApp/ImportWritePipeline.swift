import Foundation

/// Runs an import's write pass on two threads. A producer thread reads the file again and turns it
/// into ops (`StatementWriter`: parsing, building rows, repeating the match decisions) while the
/// calling thread, which owns the database connection, stores them (`StatementRowStore`). With two
/// cores the parsing then costs no wall-clock time: SQLite's work is what remains.
///
/// The hand-off holds at most `capacity` batches of `batchSize` ops, so memory stays bounded whatever
/// the file's size. An error on either side stops both; `run` returns or throws only after the
/// producer thread has ended, and rethrows the consumer's error first, else the producer's.
final class ImportWritePipeline: @unchecked Sendable { // every stored property is guarded by `condition`
    static let batchSize = 512
    static let capacity = 8
    private let condition = NSCondition()
    private var batches: [[ImportWriteOp]] = []
    private var producerEnded = false
    private var producerError: (any Error)?
    private var cancelled = false

    private init() {}

    /// Calls `produce` on a new thread with a sink for its ops, and `consume` here for each op, in order.
    static func run(produce: @escaping (_ emit: @escaping (ImportWriteOp) throws -> Void) throws -> Void,
                    consume: (ImportWriteOp) throws -> Void) throws {
        let pipeline = ImportWritePipeline()
        let job = ProducerJob(produce)
        let ended = DispatchSemaphore(value: 0)
        ImportThread.start("feedesk-import-reader") {
            var batch: [ImportWriteOp] = []
            batch.reserveCapacity(batchSize)
            do {
                try job.produce { op in
                    batch.append(op)
                    if batch.count == batchSize {
                        try pipeline.put(batch)
                        batch = []
                        batch.reserveCapacity(batchSize)
                    }
                }
                if !batch.isEmpty { try pipeline.put(batch) }
                pipeline.end(error: nil)
            } catch {
                if !batch.isEmpty { try? pipeline.put(batch) } // what came before the error, in order
                pipeline.end(error: error)
            }
            ended.signal()
        }
        do {
            while let batch = pipeline.take() {
                for op in batch { try consume(op) }
            }
        } catch {
            pipeline.cancel()
            ended.wait()
            throw error
        }
        ended.wait()
        if let error = pipeline.endedWithError { throw error }
    }

    /// Waits for room, then queues `batch`; throws when the consumer gave up.
    private func put(_ batch: [ImportWriteOp]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Self.capacity && !cancelled { condition.wait() }
        guard !cancelled else { throw CancellationError() }
        batches.append(batch)
        condition.broadcast()
    }

    /// The next batch, waiting for it; nil once the producer has ended and everything was taken.
    private func take() -> [ImportWriteOp]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !producerEnded { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    private func end(error: (any Error)?) {
        condition.lock()
        producerEnded = true
        producerError = error
        condition.broadcast()
        condition.unlock()
    }

    private func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private var endedWithError: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return producerError
    }
}

/// The producer's closure, handed to its thread; it captures the first pass's results, which only
/// that thread reads while it runs.
private final class ProducerJob: @unchecked Sendable {
    let produce: (_ emit: @escaping (ImportWriteOp) throws -> Void) throws -> Void

    init(_ produce: @escaping (_ emit: @escaping (ImportWriteOp) throws -> Void) throws -> Void) {
        self.produce = produce
    }
}
