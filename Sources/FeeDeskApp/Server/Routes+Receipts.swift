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
            switch format {
            case .csv: return response.withHeader("Content-Disposition", "attachment; filename=\"receipts-\(from)-\(to).csv\"")
            case .html: return response.withHeader("Content-Security-Policy", ReportPage.contentSecurityPolicy) // its inline style
            case .json, .text: return response
            }
        }
    }
}

extension FeeDeskServer {
    /// `/reports/receipts?from=&to=` (accountant, admin): the register page; the period defaults to the
    /// current month up to today.
    static func receiptPages(_ context: ServerContext) -> [APIRoute] {
        let app = context.app
        return [
            page("/reports/receipts", "web.receipts", roles: [.accountant], context) { request, _, layout in
                let today = app.calendar.date(of: app.clock.now())
                let from = request.query["from"] ?? "", to = request.query["to"] ?? ""
                guard !from.isEmpty || !to.isEmpty else {
                    let first = today.adding(days: 1 - today.day)
                    return .html(ReceiptRegisterPage(layout: layout, from: first, to: today,
                                                     register: try app.receiptRegister(ReportPeriod(from: first, to: today))).html())
                }
                do {
                    let period = try ReportPeriod(from: try LocalDate(parsing: from), to: try LocalDate(parsing: to))
                    return .html(ReceiptRegisterPage(layout: layout, from: period.from, to: period.to, register: try app.receiptRegister(period)).html())
                } catch let error as CoreError {
                    return .html(ReceiptRegisterPage(layout: layout, from: today, to: today, register: nil,
                                                     problem: "Kỳ báo cáo không hợp lệ / invalid period: \(error.description)").html(), status: .badRequest)
                }
            },
        ]
    }
}
