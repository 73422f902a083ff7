import FeeDeskCore
import FeeDeskHTTP

extension FeeDeskServer {
    /// `GET /api/v1/reports/remittance?from=&to=&format=&force=` for accountants (and admins): the
    /// remittance statement of a period; JSON unless `format` says otherwise.
    static func remittanceReportRoutes(_ context: ServerContext) -> [APIRoute] {
        let app = context.app
        return [
            APIRoute(.get, "/api/v1/reports/remittance", "report.remittance", access: .staff([.accountant])) { request, _ in
                let from = try reportDate(request, "from"), to = try reportDate(request, "to")
                let format = try ReportFormat(parsing: request.query["format"] ?? "json")
                let force = ["1", "true", "yes"].contains(request.query["force"]?.lowercased() ?? "")
                let report = try app.remittanceReport(ReportPeriod(from: from, to: to, force: force))
                return reportResponse(try report.rendered(format), format: format, fileName: "remittance-\(from)-\(to)")
            },
        ]
    }
}
