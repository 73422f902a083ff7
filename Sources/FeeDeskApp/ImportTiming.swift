import Foundation

/// Wall-clock seconds of a statement import's phases (read pass, reading the dossiers, matching, write pass), for
/// benchmarks and diagnostics. The commit is not a phase: it happens after the import returns its
/// report, so it is the total minus these.
public final class ImportTiming: @unchecked Sendable { // written by the import, read after it returns
    /// The phases in the order they ran.
    public private(set) var phases: [(name: String, seconds: Double)] = []
    private var last = DispatchTime.now().uptimeNanoseconds

    /// A clock that starts now.
    public init() {}

    /// Ends the phase `name` (it began at the previous mark, or at `init`).
    func mark(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, Double(now - last) / 1e9))
        last = now
    }
}
