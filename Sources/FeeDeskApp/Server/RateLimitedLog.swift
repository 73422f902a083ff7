import Foundation
import Synchronization

/// A log that writes at most `limit` lines per `window` seconds and then one line saying how many it
/// held back, so a flood of forged callbacks cannot flood the disk.
public final class RateLimitedLog: Sendable {
    private struct State {
        var windowStart = Date.distantPast
        var written = 0
        var suppressed = 0
    }

    private let state = Mutex(State())
    private let limit: Int
    private let window: TimeInterval
    private let sink: @Sendable (String) -> Void

    /// A log writing through `sink`.
    public init(limit: Int = 20, window: TimeInterval = 10, sink: @escaping @Sendable (String) -> Void) {
        self.limit = limit
        self.window = window
        self.sink = sink
    }

    /// Writes `line` unless the window's quota is spent.
    public func write(_ line: String, now: Date = Date()) {
        let (output, held) = state.withLock { state -> (String?, Int) in
            var held = 0
            if now.timeIntervalSince(state.windowStart) >= window {
                held = state.suppressed
                state = State(windowStart: now, written: 0, suppressed: 0)
            }
            guard state.written < limit else {
                state.suppressed += 1
                return (nil, held)
            }
            state.written += 1
            return (line, held)
        }
        if held > 0 { sink("(\(held) similar lines held back in the previous \(Int(window)) s)") }
        if let output { sink(output) }
    }
}
