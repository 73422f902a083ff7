import FeeDeskCore
import FeeDeskHTTP

extension FeeDeskServer {
    /// The report pages (accountant and admin): `/reports`, `/reports/daily?account=&date=` (today and
    /// the first account by default) and `/reports/cash-vs-cashless?from=&to=&by=` (this month so far,
    /// by fee kind, by default). A bad value shows its reason on the page instead of the report.
    static func reportPages(_ context: ServerContext) -> [APIRoute] {
        let app = context.app
        let accountants: Set<StaffRole> = [.accountant]
        return [
            page("/reports", "web.reports", roles: accountants, context) { _, _, layout in
                .html(ReportPages.index(layout: layout))
            },
            page("/reports/daily", "web.report.daily", roles: accountants, context) { request, _, layout in
                let today = app.calendar.date(of: app.clock.now())
                let account = request.query["account"].flatMap { $0.isEmpty ? nil : $0 } ?? app.config.accounts.first?.id ?? ""
                let dateText = request.query["date"].flatMap { $0.isEmpty ? nil : $0 } ?? today.description
                var report: DailyReport?
                var problem: String?
                if app.config.account(id: account) == nil {
                    problem = "'\(account)' không phải tài khoản thu đã cấu hình."
                } else if let date = try? LocalDate(parsing: dateText) {
                    report = try app.dailyReport(date: date, account: account)
                } else {
                    problem = "Ngày '\(dateText)' không hợp lệ (dạng YYYY-MM-DD)."
                }
                return .html(ReportPages.daily(layout: layout, accounts: app.config.accounts, account: account, date: dateText, report: report,
                                               problem: problem), status: problem == nil ? .ok : .unprocessableContent)
            },
            page("/reports/cash-vs-cashless", "web.report.cash-vs-cashless", roles: accountants, context) { request, _, layout in
                let today = app.calendar.date(of: app.clock.now())
                let monthStart = LocalDate(year: today.year, month: today.month, day: 1) ?? today
                let from = request.query["from"].flatMap { $0.isEmpty ? nil : $0 } ?? monthStart.description
                let to = request.query["to"].flatMap { $0.isEmpty ? nil : $0 } ?? today.description
                let by = request.query["by"].flatMap { $0.isEmpty ? nil : $0 } ?? ReportGrouping.kind.rawValue
                var report: CashlessReport?
                var problem: String?
                do {
                    guard let start = try? LocalDate(parsing: from) else { throw AppError.input("Ngày '\(from)' không hợp lệ (dạng YYYY-MM-DD)") }
                    guard let end = try? LocalDate(parsing: to) else { throw AppError.input("Ngày '\(to)' không hợp lệ (dạng YYYY-MM-DD)") }
                    report = try app.cashVsCashlessReport(try ReportPeriod(from: start, to: end), by: try ReportGrouping(parsing: by))
                } catch let error as CoreError {
                    problem = "\(error)"
                } catch let error as AppError {
                    problem = "\(error)"
                }
                return .html(ReportPages.cashless(layout: layout, from: from, to: to, by: by, report: report, problem: problem),
                             status: problem == nil ? .ok : .unprocessableContent)
            },
        ]
    }
}
