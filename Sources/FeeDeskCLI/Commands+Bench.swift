import FeeDeskApp
import Foundation

extension Commands {
    static let bench: [CommandSpec] = [
        CommandSpec("bench qr", options: [.optional("count", "N")], summary: "Đo tốc độ mã VietQR / benchmark VietQR encode, decode, SVG") { context in
            try context.printBench(try Benchmarks.qr(count: try context.count("count", default: 100_000)))
        },
        CommandSpec("bench parse", options: [.optional("lines", "N"), .optional("format", "csv|mt940")],
                    summary: "Đo tốc độ đọc sao kê / benchmark statement parsing") { context in
            try context.printBench(try Benchmarks.parse(format: try context.syntheticFormat(), lines: try context.count("lines", default: 1_000_000),
                                                        folder: NSTemporaryDirectory()))
        },
        CommandSpec("bench import", options: [.optional("lines", "N"), .optional("format", "csv|mt940"), .optional("runs", "N")],
                    summary: "Đo nhập + khớp sao kê vào CSDL mới / benchmark import and matching end to end") { context in
            let lines = try context.count("lines", default: 1_000_000)
            let results = try Benchmarks.importStatement(config: try context.config(), format: try context.syntheticFormat(), lines: lines,
                                                         runs: try context.count("runs", default: 1), folder: NSTemporaryDirectory(),
                                                         floorRows: min(1_000_000, max(100_000, lines)),
                                                         progress: context.progressReporter(label: "import"))
            context.console.progress(nil)
            return try context.printBench(results)
        },
        CommandSpec("bench register", options: [.optional("rows", "N")],
                    summary: "Đo nhập sổ hồ sơ vào CSDL mới / benchmark dossier register import") { context in
            try context.printBench(try Benchmarks.register(config: try context.config(), rows: try context.count("rows", default: 1_000_000),
                                                           folder: NSTemporaryDirectory()))
        },
        CommandSpec("bench match", options: [.optional("dossiers", "N"), .optional("credits", "N")],
                    summary: "Đo tốc độ khớp trong bộ nhớ / benchmark the matcher in memory") { context in
            try context.printBench(Benchmarks.match(dossiers: try context.count("dossiers", default: 1_000_000),
                                                    credits: try context.count("credits", default: 1_000_000)))
        },
    ]
}

extension CommandContext {
    /// A positive whole-number option.
    func count(_ name: String, default value: Int) throws -> Int {
        guard let text = arguments.option(name) else { return value }
        guard let number = Int(text), number > 0, number <= 100_000_000 else {
            throw AppError.input("--\(name): '\(text)' is not a whole number between 1 and 100000000")
        }
        return number
    }

    func syntheticFormat() throws -> Benchmarks.SyntheticFormat {
        let text = arguments.option("format") ?? "csv"
        guard let format = Benchmarks.SyntheticFormat(rawValue: text) else {
            throw AppError.input("--format: '\(text)' is not csv or mt940")
        }
        return format
    }

    /// Prints benchmark results as a table (or JSON) and returns success.
    func printBench(_ results: [BenchResult]) throws -> Int32 {
        try emit(results) { results in
            let rows = results.map { result in
                [result.name, String(result.items), String(format: "%.3f", result.seconds), String(format: "%.0f", result.perSecond),
                 String(format: "%.0f", result.peakMemoryMB), result.target]
            }
            return TextTable.render(header: ["benchmark", "items", "median s", "per second", "peak MB", "target"], rows: rows,
                                    rightAligned: [1, 2, 3, 4])
        }
        return 0
    }
}

extension Commands {
    static let benchServer: [CommandSpec] = [
        CommandSpec("bench reconcile", options: [.optional("credits", "N")],
                    summary: "Đo đối soát một ngày lớn / benchmark reconciling a day of many credits") { context in
            try context.printBench(try Benchmarks.reconcile(config: try context.config(), credits: try context.count("credits", default: 100_000),
                                                            folder: NSTemporaryDirectory()))
        },
        CommandSpec("bench callbacks", options: [.optional("seconds", "N"), .optional("connections", "N"), .optional("rate", "N"),
                                                 .optional("threads", "N")],
                    summary: "Đo tải callback qua HTTP / benchmark signed callbacks over HTTP on 127.0.0.1") { context in
            let results = try Benchmarks.callbacks(config: try context.config(), folder: NSTemporaryDirectory(),
                                                   seconds: Double(try context.count("seconds", default: 5)),
                                                   connections: try context.count("connections", default: 64),
                                                   rate: try context.count("rate", default: 1_000),
                                                   threads: try context.count("threads", default: FeeDeskServer.Options(listen: "").threads))
            try context.emit(results) { results in
                let rows = results.map { load in
                    [load.mode, String(load.connections), String(load.serverThreads), String(format: "%.0f", load.offeredPerSecond),
                     String(load.acknowledged), String(load.failed), String(format: "%.0f", load.perSecond),
                     String(format: "%.2f", load.p50Milliseconds), String(format: "%.2f", load.p99Milliseconds), String(format: "%.1f", load.meanBatch),
                     String(format: "%.2f", load.meanCommitMilliseconds), String(format: "%.1f", load.slowestCommitMilliseconds),
                     String(load.storedCallbacks)]
                }
                return TextTable.render(header: ["load", "connections", "threads", "offered/s", "2xx", "failed", "2xx/s", "p50 ms", "p99 ms",
                                                 "batch", "commit ms", "slowest", "rows stored"],
                                        rows: rows, rightAligned: Set(1...12))
                    + "\ntargets: ≥ 5,000 durably committed callbacks/s; p99 ≤ 20 ms at 1,000/s offered"
            }
            return 0
        },
    ]
}

extension Commands {
    static let benchAll: [CommandSpec] = [
        CommandSpec("bench all", options: [.optional("only", "NAME,…"), .flag("quick")],
                    summary: "Chạy mọi phép đo, in một bảng / every benchmark, one table (make bench)") { context in
            let names = BenchSuite.steps.map { $0.arguments[0] }
            let only = try context.arguments.option("only").map { text -> Set<String> in
                let chosen = Set(text.split(separator: ",").map { String($0) })
                if let unknown = chosen.subtracting(names).sorted().first {
                    throw AppError.input("--only: '\(unknown)' is not one of \(Array(Set(names)).sorted().joined(separator: ", "))")
                }
                return chosen
            }
            let machine = BenchSuite.machine()
            let configArguments = context.globals.config.map { ["--config", $0] } ?? []
            let suite = BenchSuite(executable: ChildProcess.currentExecutable, configArguments: configArguments,
                                   quick: context.arguments.flag("quick"))
            let rows = try suite.run(only: only) { context.console.error($0) }
            try context.emit(rows) { rows in machine + "\n\n" + BenchSuite.table(rows) }
            return 0
        },
    ]
}
