import Foundation

/// One benchmark figure: how many items, the median time of several runs, the rate, peak memory.
public struct BenchResult: Sendable, Encodable {
    /// What was measured.
    public let name: String
    /// Items per run.
    public let items: Int
    /// Runs made; the median is reported.
    public let runs: Int
    /// Median seconds of one run.
    public let seconds: Double
    /// Items per second at the median.
    public let perSecond: Double
    /// Peak resident memory of the process so far, MB.
    public let peakMemoryMB: Double
    /// The target the issue sets, for the table.
    public let target: String

    /// A figure from `times`; the peak memory is the process's so far unless `peakMemoryMB` is given.
    init(name: String, items: Int, times: [Double], target: String, peakMemoryMB: Double? = nil) {
        self.name = name
        self.items = items
        runs = times.count
        let sorted = times.sorted()
        seconds = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        perSecond = seconds > 0 ? Double(items) / seconds : 0
        self.peakMemoryMB = peakMemoryMB ?? BenchResult.peakMemoryMB()
        self.target = target
    }

    /// The process's peak resident set size (Linux `ru_maxrss` is in KiB).
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Runs `body` `runs` times and returns the wall-clock seconds of each run.
    static func time(runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times
    }
}
