import FeeDeskApp
import Foundation

/// `feedesk bench all`: every benchmark of the README's Performance section, each in its own child
/// process (so each peak-memory figure is that benchmark's own: the one its result reports, else the
/// child's read with `wait4`), gathered into one table with the machine it ran on.
struct BenchSuite {
    /// One benchmark invocation: `feedesk bench <arguments> --json`.
    struct Step: Sendable {
        let arguments: [String]
        /// Small sizes for a smoke run (`--quick`): same code paths, seconds instead of minutes.
        let quick: [String]
    }

    /// One line of the table.
    struct Row: Sendable, Encodable {
        let benchmark: String
        let items: Int
        let seconds: Double
        let perSecond: Double
        let p50Milliseconds: Double?
        let p99Milliseconds: Double?
        let peakMemoryMB: Double
        let target: String
    }

    /// The full run, in the order the issues set the targets.
    static let steps: [Step] = [
        Step(arguments: ["qr"], quick: ["--count", "2000"]),
        Step(arguments: ["parse", "--format", "csv"], quick: ["--lines", "20000"]),
        Step(arguments: ["parse", "--format", "mt940"], quick: ["--lines", "20000"]),
        Step(arguments: ["match"], quick: ["--dossiers", "20000", "--credits", "20000"]),
        Step(arguments: ["import", "--format", "csv", "--runs", "3"], quick: ["--lines", "20000", "--runs", "1"]),
        Step(arguments: ["import", "--format", "mt940", "--runs", "3"], quick: ["--lines", "20000", "--runs", "1"]),
        Step(arguments: ["reconcile"], quick: ["--credits", "2000"]),
        Step(arguments: ["register"], quick: ["--rows", "20000"]),
        Step(arguments: ["report"], quick: ["--payments", "20000", "--runs", "1"]),
        Step(arguments: ["report-daily"], quick: ["--credits", "2000", "--runs", "1"]),
        Step(arguments: ["callbacks", "--seconds", "10"], quick: ["--seconds", "1"]),
    ]

    let executable: String
    let configArguments: [String]
    var quick = false

    /// Runs every step (`only`: the steps whose first word is listed), reporting each on stderr.
    func run(only: Set<String>?, progress: (String) -> Void) throws -> [Row] {
        var rows: [Row] = []
        for step in Self.steps where only?.contains(step.arguments[0]) ?? true {
            progress("bench " + (step.arguments + (quick ? step.quick : [])).joined(separator: " ") + " …")
            let (output, peakMB) = try ChildProcess.run(executable, ["bench"] + step.arguments + (quick ? step.quick : [])
                                                               + configArguments + ["--json"])
            rows += try Self.rows(fromJSON: output, childPeakMB: peakMB, step: step)
        }
        return rows
    }

    /// Table rows from one benchmark's `--json` output (a `BenchResult` array or a callback load array).
    /// A result's peak memory is the one it reports (its process's peak when the figure was taken; for
    /// `bench import`, at the end of its first run), else the child process's peak.
    static func rows(fromJSON output: [UInt8], childPeakMB: Double, step: Step) throws -> [Row] {
        guard let items = try? JSONSerialization.jsonObject(with: Data(output)) as? [[String: Any]] else {
            throw AppError.input("bench \(step.arguments.joined(separator: " ")) did not print a JSON array of results")
        }
        return items.map { item in
            let number = { (key: String) in (item[key] as? NSNumber)?.doubleValue ?? 0 }
            if let mode = item["mode"] as? String {
                let offered = mode.contains("offered")
                return Row(benchmark: "callbacks: \(mode), \(Int(number("connections"))) connections", items: Int(number("acknowledged")),
                           seconds: number("seconds"), perSecond: number("perSecond"), p50Milliseconds: number("p50Milliseconds"),
                           p99Milliseconds: number("p99Milliseconds"), peakMemoryMB: childPeakMB,
                           target: offered ? "p99 ≤ 20 ms" : "≥ 5,000/s durably committed")
            }
            return Row(benchmark: item["name"] as? String ?? step.arguments.joined(separator: " "), items: Int(number("items")),
                       seconds: number("seconds"), perSecond: number("perSecond"), p50Milliseconds: nil, p99Milliseconds: nil,
                       peakMemoryMB: (item["peakMemoryMB"] as? NSNumber)?.doubleValue ?? childPeakMB,
                       target: item["target"] as? String ?? "—")
        }
    }

    /// The machine line printed above the table: date, CPU, cores, memory, OS, load average.
    static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let memory = ProcessInfo.processInfo.physicalMemory / 1_073_741_824
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        let date = ISO8601DateFormatter().string(from: Date())
        return "\(date) · \(cpu) · \(ProcessInfo.processInfo.activeProcessorCount) cores · \(memory) GiB · "
            + "\(ProcessInfo.processInfo.operatingSystemVersionString) · load average \(load)"
    }

    /// The rows as one aligned table.
    static func table(_ rows: [Row]) -> String {
        let format = { (value: Double?, pattern: String) in value.map { String(format: pattern, $0) } ?? "" }
        return TextTable.render(
            header: ["benchmark", "items", "median s", "per second", "p50 ms", "p99 ms", "peak MB", "target"],
            rows: rows.map { row in
                [row.benchmark, String(row.items), String(format: "%.3f", row.seconds), String(format: "%.0f", row.perSecond),
                 format(row.p50Milliseconds, "%.2f"), format(row.p99Milliseconds, "%.2f"), String(format: "%.0f", row.peakMemoryMB), row.target]
            },
            rightAligned: [1, 2, 3, 4, 5, 6])
    }
}
