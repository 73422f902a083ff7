import FeeDeskCore
import FeeDeskHTTP

extension FeeDeskServer {
    /// `GET /api/v1/reports/cash-vs-cashless?from=&to=&by=&format=&force=` for accountants (and admins).
    static func reportRoutes(_ context: ServerContext) -> [APIRoute] {
        let app = context.app
        return [
            APIRoute(.get, "/api/v1/reports/cash-vs-cashless", "report.cash-vs-cashless", access: .staff([.accountant])) { request, _ in
                let from = try reportDate(request, "from"), to = try reportDate(request, "to")
                let grouping: ReportGrouping
                do throws(CoreError) {
                    grouping = try ReportGrouping(parsing: request.query["by"] ?? "kind")
                } catch {
                    throw error.located(at: "by")
                }
                let format = try ReportFormat(parsing: request.query["format"] ?? "json")
                let force = ["1", "true", "yes"].contains(request.query["force"]?.lowercased() ?? "")
                let report = try app.cashVsCashlessReport(ReportPeriod(from: from, to: to, force: force), by: grouping)
                if format == .json { return .json(report) }
                return reportResponse(try report.rendered(format), format: format, fileName: "cash-vs-cashless-\(from)-\(to)")
            },
            receiptsRoute(app),
        ]
    }

    /// Query parameter `name` as a `YYYY-MM-DD` date; missing or malformed is a 4xx naming it.
    static func reportDate(_ request: HTTPRequest, _ name: String) throws -> LocalDate {
        guard let text = request.query[name] else { throw AppError.input("the query parameter '\(name)' (YYYY-MM-DD) is missing") }
        do {
            return try LocalDate(parsing: text)
        } catch {
            throw error.located(at: name)
        }
    }
}
