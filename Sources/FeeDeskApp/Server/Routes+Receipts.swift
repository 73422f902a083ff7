import FeeDeskCore
import FeeDeskHTTP

extension FeeDeskServer {
    /// `GET /api/v1/reports/receipts?from=&to=&format=&force=` for accountants (and admins): the
    /// receipt register, JSON unless `format` says otherwise (CSV as a download).
    static func receiptsRoute(_ app: FeeDesk) -> APIRoute {
        APIRoute(.get, "/api/v1/reports/receipts", "report.receipts", access: .staff([.accountant])) { request, _ in
            let from = try reportDate(request, "from"), to = try reportDate(request, "to")
            let format = try ReportFormat(parsing: request.query["format"] ?? "json")
            let force = ["1", "true", "yes"].contains(request.query["force"]?.lowercased() ?? "")
            let register = try app.receiptRegister(ReportPeriod(from: from, to: to, force: force))
            let response = HTTPResponse.bytes(try register.rendered(format), contentType: format.contentType)
            guard format == .csv else { return response }
            return response.withHeader("Content-Disposition", "attachment; filename=\"receipts-\(from)-\(to).csv\"")
        }
    }
}
