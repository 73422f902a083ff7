@testable import FeeDeskApp
import Foundation
import Testing

/// `ImportWritePipeline`: the write pass's ops cross from the reader thread in order; an error on
/// either side ends both threads and is rethrown.
@Suite struct ImportWritePipelineTests {
    private struct Refused: Error, Equatable { let at: Int }

    /// Op `n` begins a statement of account `n`: a cheap op that carries a number.
    private static func op(_ number: Int) -> ImportWriteOp { .beginStatement(accountID: String(number)) }
    private static func number(_ op: ImportWriteOp) -> Int {
        if case let .beginStatement(accountID) = op { return Int(accountID) ?? -1 }
        return -1
    }

    @Test func opsArriveInOrderAcrossManyBatches() throws {
        let count = ImportWritePipeline.batchSize * (ImportWritePipeline.capacity * 3) + 7
        var seen: [Int] = []
        try ImportWritePipeline.run(produce: { emit in
            for number in 0..<count { try emit(Self.op(number)) }
        }, consume: { op in seen.append(Self.number(op)) })
        #expect(seen == Array(0..<count))
    }

    @Test func aConsumerErrorStopsTheProducerEvenWhenItWaitsForRoom() throws {
        let produced = Counter()
        let error = #expect(throws: Refused.self) {
            try ImportWritePipeline.run(produce: { emit in
                for number in 0..<10_000_000 {
                    try emit(Self.op(number))
                    produced.increment()
                }
            }, consume: { op in
                if Self.number(op) == 1_000 { throw Refused(at: 1_000) }
            })
        }
        #expect(error == Refused(at: 1_000))
        // It stopped long before the end: at most the queue's room ahead of the consumer.
        #expect(produced.value < 1_000 + ImportWritePipeline.batchSize * (ImportWritePipeline.capacity + 2))
    }

    @Test func aProducerErrorIsRethrownAfterEveryEarlierOpWasStored() throws {
        var seen = 0
        let error = #expect(throws: Refused.self) {
            try ImportWritePipeline.run(produce: { emit in
                for number in 0..<2_000 { try emit(Self.op(number)) }
                throw Refused(at: 2_000)
            }, consume: { _ in seen += 1 })
        }
        #expect(error == Refused(at: 2_000))
        #expect(seen == 2_000)
    }

    @Test func nothingToProduceEndsAtOnce() throws {
        var seen = 0
        try ImportWritePipeline.run(produce: { _ in }, consume: { _ in seen += 1 })
        #expect(seen == 0)
    }
}

/// A counter written by one thread and read by another after it ended.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}
