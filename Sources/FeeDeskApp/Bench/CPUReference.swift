import Foundation

/// A fixed amount of pure CPU work (no memory traffic, no I/O), timed next to a benchmark.
///
/// The host of a virtual machine may slow its CPU for a while: then everything, SQLite's own floor
/// included, takes up to twice as long. The reference takes the same time on the same machine at the
/// same speed, so a slow run shows here as a slow reference, not as a slow import.
enum CPUReference {
    /// Generator steps of one measurement.
    static let steps = 100_000_000
    /// What the README's figures were taken at.
    static let target = "slower than usual = a slower CPU, not a slower import"

    /// Seconds to run `steps` steps of `SplitMix64` (about 0.1 s on a 3 GHz core).
    static func measure() -> Double {
        var generator = SplitMix64(seed: 0x5EED)
        var sum: UInt64 = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<steps { sum &+= generator.next() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // The sum is used, so the loop cannot be left out.
        if sum == 0x0123_4567_89AB_CDEF { FileHandle.standardError.write(Data("!".utf8)) }
        return seconds
    }
}
