import Foundation

/// A thread that works on a bulk write's WAL file until it is stopped: what `WALWriteback` and
/// `WALRunway` share. `work` runs once, on the thread; between its steps it calls `pause()`, which
/// waits `interval` seconds and says whether to end, and it reports what it did through `count(_:)`.
final class WALThread: @unchecked Sendable { // `stopped` and `total` are guarded by `condition`
    private let condition = NSCondition()
    private var stopped = false
    private var total = 0
    private let interval: Double
    private let ended = DispatchSemaphore(value: 0)

    /// Starts `work` on a thread named `name`.
    init(name: String, interval: Double, work: @escaping @Sendable (WALThread) -> Void) {
        self.interval = interval
        let thread = Thread { [self] in
            work(self)
            ended.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Waits `interval` seconds, or less if stopped meanwhile; true once stopped.
    func pause() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if !stopped { _ = condition.wait(until: Date(timeIntervalSinceNow: interval)) }
        return stopped
    }

    /// Adds `amount` to what `stop()` returns.
    func count(_ amount: Int) {
        condition.lock()
        total += amount
        condition.unlock()
    }

    /// Asks the work to end, waits for its thread to end and returns the sum of its counts.
    @discardableResult
    func stop() -> Int {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        ended.wait()
        condition.lock()
        defer { condition.unlock() }
        return total
    }
}
