import FeeDeskCore
import Foundation
import Synchronization

/// How far an import's matching has got, shared by the thread that matches (`CreditMatching.match()`)
/// and the one that writes the decisions in file order (`CreditMatching.decision(for:)`), so that the
/// write pass can start as soon as the first credits in matching order are decided.
///
/// The matcher calls `start(order:)` once, then `publish(_:)` with growing counts; a credit may be read
/// once `waitUntilDecided(credit:)` returns for it. What the matcher wrote for that credit before it
/// published is then visible to the reader (release/acquire on `decided`).
final class MatchProgress: @unchecked Sendable { // `rank` is written once, before `decided` leaves -1
    /// Credits decided so far in matching order; -1 until the order is known.
    private let decided = Atomic<Int>(-1)
    /// Per credit (file order), its position in matching order.
    private var rank: [Int32] = []
    private let condition = NSCondition()

    init() {}

    /// Records the matching order (credit positions in the order they are decided); nothing is decided yet.
    func start(order: [Int32]) {
        var rank = [Int32](repeating: 0, count: order.count)
        for (position, credit) in order.enumerated() { rank[Int(credit)] = Int32(position) }
        self.rank = rank
        publish(0)
    }

    /// Records that the first `count` credits in matching order are decided.
    func publish(_ count: Int) {
        decided.store(count, ordering: .releasing)
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// Returns once credit `credit` (file order) is decided.
    func waitUntilDecided(credit: Int) {
        if isDecided(credit) { return }
        condition.lock()
        while !isDecided(credit) { condition.wait() }
        condition.unlock()
    }

    private func isDecided(_ credit: Int) -> Bool {
        let count = decided.load(ordering: .acquiring)
        return count >= 0 && Int(rank[credit]) < count
    }
}

/// What the matcher saw for each reference entry of an import's credits (`PendingCredits.Seen`), in a
/// buffer shared by the matching thread, which writes an entry before publishing its credit as decided
/// (`MatchProgress`), and the writing thread, which reads it only after that.
final class SeenTable: @unchecked Sendable { // entries are handed over through `MatchProgress`
    private let storage: UnsafeMutableBufferPointer<PendingCredits.Seen>

    /// `count` entries, each "no dossier" until matching fills it in.
    init(count: Int) {
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: PendingCredits.Seen())
    }

    deinit { storage.deallocate() }

    subscript(entry: Int) -> PendingCredits.Seen {
        get { storage[entry] }
        set { storage[entry] = newValue }
    }
}

/// `CreditMatching.match()` on a thread of its own, for the write pass to read the decisions while
/// they are made.
final class MatchingThread: @unchecked Sendable { // the result is written before `ended` is signalled, read after
    private var totals: [CreditOutcome: OutcomeTotal] = [:]
    private var seconds = 0.0
    private let ended = DispatchSemaphore(value: 0)

    /// Starts matching a copy of `matching` (the copies share their records and progress).
    init(_ matching: CreditMatching) {
        // It decides a million credits in about a second, the write pass stores them in five: it keeps
        // ahead at a lower priority, leaving the connection's thread its core.
        ImportThread.start("feedesk-import-matcher", background: true) { [self] in
            var matching = matching
            let start = DispatchTime.now().uptimeNanoseconds
            totals = matching.match()
            seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            ended.signal()
        }
    }

    /// Waits for matching to end (again at once after the first call); the count and sum per outcome,
    /// and the seconds matching took.
    @discardableResult
    func join() -> (totals: [CreditOutcome: OutcomeTotal], seconds: Double) {
        ended.wait()
        ended.signal()
        return (totals, seconds)
    }
}
