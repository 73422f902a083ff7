import FeeDeskCore
import FeeDeskHTTP

extension FeeDeskServer {
    /// `GET /api/v1/reports/daily?account=&date=&format=` for accountants (and admins): the daily
    /// reconciliation report of a collection account (the first when `account` is absent) on a booking
    /// date; JSON unless `format` says otherwise.
    static func dailyReportRoutes(_ context: ServerContext) -> [APIRoute] {
        let app = context.app
        return [
            APIRoute(.get, "/api/v1/reports/daily", "report.daily", access: .staff([.accountant])) { request, _ in
                let date = try reportDate(request, "date")
                let format = try ReportFormat(parsing: request.query["format"] ?? "json")
                let account = request.query["account"].flatMap { $0.isEmpty ? nil : $0 }
                if let account, app.config.account(id: account) == nil {
                    throw AppError.input("account: '\(account)' is not a configured collection account")
                }
                let report = try app.dailyReport(date: date, account: account)
                return reportResponse(try report.rendered(format), format: format, fileName: "daily-\(report.day.account)-\(date)")
            },
        ]
    }

    /// A rendered report as an answer: a CSV is a download named `fileName.csv`; an HTML page gets the
    /// report policy (its inline style and SVG allowed, nothing else).
    static func reportResponse(_ bytes: [UInt8], format: ReportFormat, fileName: String) -> HTTPResponse {
        let response = HTTPResponse.bytes(bytes, contentType: format.contentType)
        switch format {
        case .csv: return response.withHeader("Content-Disposition", "attachment; filename=\"\(fileName).csv\"")
        case .html: return response.withHeader("Content-Security-Policy", ReportPage.contentSecurityPolicy)
        case .json, .text: return response
        }
    }
}
