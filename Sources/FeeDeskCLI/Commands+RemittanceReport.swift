import FeeDeskApp
import FeeDeskCore
import Foundation

extension Commands {
    static let remittanceReport: [CommandSpec] = [
        CommandSpec("report remittance",
                    options: [.required("from", "D"), .required("to", "D"), .optional("format", "text|csv|json|html"), .optional("out", "FILE"),
                              .flag("force")],
                    summary: "Bảng kê nộp ngân sách theo kỳ / remittance statement for a period") { context in
            guard let from = try context.date("from"), let to = try context.date("to") else {
                throw CLIError("missing required option --from or --to", usage: context.spec.usage)
            }
            let format = try context.reportFormat()
            let period = try ReportPeriod(from: from, to: to, force: context.arguments.flag("force"))
            return try context.deliverReport(try context.app().remittanceReport(period), format)
        },
    ]
}
