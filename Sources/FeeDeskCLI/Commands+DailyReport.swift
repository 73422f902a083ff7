import FeeDeskApp
import FeeDeskCore
import Foundation

extension Commands {
    static let dailyReport: [CommandSpec] = [
        CommandSpec("report daily",
                    options: [.required("date", "YYYY-MM-DD"), .optional("account", "ID"), .optional("format", "text|csv|json|html"),
                              .optional("out", "FILE")],
                    summary: "Báo cáo đối soát ngày / daily reconciliation report") { context in
            guard let date = try context.date("date") else { throw CLIError("missing required option --date", usage: context.spec.usage) }
            let format = try context.reportFormat()
            let account = try context.collectionAccount(try context.config())
            let report = try context.app().dailyReport(date: date, account: account)
            return try context.deliverReport(report, format)
        },
    ]

    static let dailyReportBench: [CommandSpec] = [
        CommandSpec("bench report-daily", options: [.optional("credits", "N"), .optional("runs", "N")],
                    summary: "Đo báo cáo đối soát một ngày tổng hợp / benchmark the daily reconciliation report") { context in
            let results = try Benchmarks.dailyReport(config: try context.config(), credits: try context.count("credits", default: 100_000),
                                                     runs: try context.count("runs", default: 5), folder: NSTemporaryDirectory(),
                                                     progress: context.progressReporter(label: "import"))
            context.console.progress(nil)
            return try context.printBench(results)
        },
    ]
}

extension CommandContext {
    /// Writes `report` in `format` to `--out` (atomically, saying where) or to standard output.
    func deliverReport(_ report: some RenderableReport, _ format: ReportFormat) throws -> Int32 {
        try deliver(try report.rendered(format))
        if let path = arguments.option("out"), !globals.json {
            console.out("Đã ghi báo cáo / report written: \(path)")
        }
        return 0
    }

    /// `--account` checked against the configured collection accounts (nil: the first one).
    func collectionAccount(_ config: FeeDeskConfig) throws -> String? {
        guard let id = arguments.option("account") else { return nil }
        guard config.account(id: id) != nil else {
            throw AppError.input("--account: '\(id)' is not a configured collection account (configured: "
                                 + config.accounts.map(\.id).joined(separator: ", ") + ")")
        }
        return id
    }
}
