import FeeDeskApp
import FeeDeskCore

extension Commands {
    /// `report receipts`: the receipt register of a period, for the e-receipt system.
    static let receiptsReport = CommandSpec(
        "report receipts",
        options: [.required("from", "D"), .required("to", "D"), .optional("format", "text|csv|json|html"), .optional("out", "FILE"),
                  .flag("force")],
        summary: "Sổ biên lai (xuất cho hệ thống biên lai điện tử) / receipt register") { context in
            let (from, to) = try context.reportDates()
            let format = try context.reportFormat()
            let period = try ReportPeriod(from: from, to: to, force: context.arguments.flag("force"))
            return try context.deliverReport(try context.app().receiptRegister(period), format)
        }
}
