import FeeDeskApp
import FeeDeskCore
import Foundation

extension Commands {
    static let remittanceReport: [CommandSpec] = [
        CommandSpec("report remittance",
                    options: [.required("from", "D"), .required("to", "D"), .optional("format", "text|csv|json|html"), .optional("out", "FILE"),
                              .flag("force")],
                    summary: "Bảng kê nộp ngân sách theo kỳ / remittance statement for a period") { context in
            let (from, to) = try context.reportDates()
            let format = try context.reportFormat()
            let period = try ReportPeriod(from: from, to: to, force: context.arguments.flag("force"))
            return try context.deliverReport(try context.app().remittanceReport(period), format)
        },
    ]
}
