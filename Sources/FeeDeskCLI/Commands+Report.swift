import FeeDeskApp
import FeeDeskCore
import Foundation

extension Commands {
    static let report: [CommandSpec] = [
        CommandSpec("report cash-vs-cashless",
                    options: [.required("from", "D"), .required("to", "D"), .optional("by", "kind|field|procedure|desk|day|month"),
                              .optional("format", "text|csv|json|html"), .optional("out", "FILE"), .flag("force")],
                    summary: "Báo cáo thu tiền mặt và không dùng tiền mặt / cash vs cashless report") { context in
            let (from, to) = try context.reportDates()
            let grouping = try context.reportGrouping()
            let format = try context.reportFormat()
            let period = try ReportPeriod(from: from, to: to, force: context.arguments.flag("force"))
            let report = try context.app().cashVsCashlessReport(period, by: grouping)
            return try context.deliverReport(report, format)
        },
        receiptsReport,
    ]

    static let reportBench: [CommandSpec] = [
        CommandSpec("bench report", options: [.optional("payments", "N"), .optional("runs", "N")],
                    summary: "Đo báo cáo tiền mặt/KDTM trên một năm tổng hợp / benchmark the cash vs cashless report") { context in
            let results = try Benchmarks.report(config: try context.config(), payments: try context.count("payments", default: 5_000_000),
                                                runs: try context.count("runs", default: 5), folder: NSTemporaryDirectory(),
                                                progress: context.progressReporter(label: "generate"))
            context.console.progress(nil)
            return try context.printBench(results)
        },
    ]
}

extension CommandContext {
    /// `--from` and `--to` of a report; either missing is a usage error.
    func reportDates() throws -> (from: LocalDate, to: LocalDate) {
        guard let from = try date("from"), let to = try date("to") else {
            throw CLIError("missing required option --from or --to", usage: spec.usage)
        }
        return (from, to)
    }

    /// `--by` as a grouping (default `kind`).
    func reportGrouping() throws -> ReportGrouping {
        do {
            return try ReportGrouping(parsing: arguments.option("by") ?? "kind")
        } catch {
            throw error.located(at: "--by")
        }
    }

    /// `--format` as a report format; `--json` alone means JSON, otherwise the default is text.
    func reportFormat() throws -> ReportFormat {
        guard let text = arguments.option("format") else { return globals.json ? .json : .text }
        guard let format = ReportFormat(rawValue: text) else {
            throw AppError.input("--format: format '\(text)' is not one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return format
    }
}
