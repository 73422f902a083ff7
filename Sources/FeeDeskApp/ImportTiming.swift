import Foundation

/// Wall-clock seconds of a statement import's phases (read pass, reading the dossiers, write pass), and of work done alongside them, for
/// benchmarks and diagnostics. The commit is not a phase: it happens after the import returns its
/// report, so it is the total minus these.
public final class ImportTiming: @unchecked Sendable { // written by the import, read after it returns
    /// The phases in the order they ran.
    public private(set) var phases: [(name: String, seconds: Double)] = []
    /// Work done on other threads during a phase, not part of the phases' sum.
    public private(set) var asides: [(name: String, seconds: Double)] = []
    private var last = DispatchTime.now().uptimeNanoseconds

    /// A clock that starts now.
    public init() {}

    /// Ends the phase `name` (it began at the previous mark, or at `init`).
    func mark(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, Double(now - last) / 1e9))
        last = now
    }

    /// Records `seconds` of work done alongside a phase, on another thread.
    func aside(_ name: String, seconds: Double) {
        asides.append((name, seconds))
    }
}
