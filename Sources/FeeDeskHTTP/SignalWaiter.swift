import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Blocks the calling thread until the process receives one of some signals (SIGINT/SIGTERM for `serve`).
///
/// The signals are ignored for their default action and observed with Dispatch signal sources, so
/// the process keeps running and can stop its server gracefully. A signal that arrives after `init`
/// returns is not lost, even before `wait` is called; create the waiter before starting the server.
/// The signals stay ignored after the waiter is gone.
public final class SignalWaiter {
    private let sources: [any DispatchSourceSignal]
    private let received: DispatchSemaphore
    private let caught: SignalBox

    /// Starts observing `signals`; only the first one received is reported.
    public init(signals: [Int32] = [SIGINT, SIGTERM]) {
        let caught = SignalBox()
        let semaphore = DispatchSemaphore(value: 0)
        let queue = DispatchQueue(label: "feedesk.signals")
        let registered = DispatchSemaphore(value: 0)
        self.caught = caught
        self.received = semaphore
        self.sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                caught.record(number)
                semaphore.signal()
            }
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            return source
        }
        // Dispatch installs its own signal handling when a source is registered, asynchronously;
        // until then the signal is ignored, so wait for every registration before returning.
        for _ in signals { registered.wait() }
    }

    /// Waits for a signal; returns its number.
    @discardableResult
    public func wait() -> Int32 {
        received.wait()
        return caught.first ?? 0
    }

    /// Waits for a signal at most `timeout`; returns its number, or nil when the time ran out.
    public func wait(timeout: Duration) -> Int32? {
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = Int(clamping: seconds) &* 1_000_000_000 &+ Int(attoseconds / 1_000_000_000)
        guard received.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success else { return nil }
        return caught.first ?? 0
    }

    /// Blocks until SIGINT or SIGTERM; returns the signal number. What `feedesk serve` calls.
    ///
    /// Later SIGINT/SIGTERM signals stay ignored, so the graceful stop that follows runs to its end
    /// (bounded by its grace period).
    @discardableResult
    public static func waitForTermination() -> Int32 {
        SignalWaiter().wait()
    }

    deinit {
        for source in sources { source.cancel() }
    }
}

/// The first signal caught, shared with the Dispatch handlers.
private final class SignalBox: Sendable {
    private let value = Mutex<Int32?>(nil)

    /// Records the signal unless one was recorded before.
    func record(_ number: Int32) {
        value.withLock { if $0 == nil { $0 = number } }
    }

    var first: Int32? { value.withLock { $0 } }
}
