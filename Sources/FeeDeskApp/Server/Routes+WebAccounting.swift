import FeeDeskCore
import FeeDeskHTTP

extension FeeDeskServer {
    /// The accountants' pages: statement upload, review queue and day view (accountant and admin).
    /// Like every page they redirect to `/login` without a session and answer a 403 page to other roles.
    static func accountingPages(_ context: ServerContext) -> [APIRoute] {
        let app = context.app
        let accountants: Set<StaffRole> = [.accountant]
        return [
            page("/statements", "web.statements", roles: accountants, context) { _, _, layout in
                .html(StatementUploadPage(layout: layout, profiles: BankProfileChoice.list(in: app.config.bankProfilesPath),
                                          accounts: app.config.accounts).html())
            },
            page("/review", "web.review", roles: accountants, context) { request, _, layout in
                guard let text = request.query["date"], !text.isEmpty else { return .html(ReviewPage(layout: layout, date: nil).html()) }
                guard let date = try? LocalDate(parsing: text) else {
                    return .html(ReviewPage(layout: layout, date: nil, problem: "Ngày '\(text)' không hợp lệ; đang xem mọi ngày.").html())
                }
                return .html(ReviewPage(layout: layout, date: date).html())
            },
            page("/days", "web.days", roles: accountants, context) { request, _, _ in
                let today = app.calendar.date(of: app.clock.now())
                let date = request.query["date"].flatMap { try? LocalDate(parsing: $0) } ?? today
                let account = request.query["account"].flatMap { $0.isEmpty ? nil : "?account=" + queryEncoded($0) } ?? ""
                return .redirect(to: "/days/\(date)\(account)")
            },
            page("/days/{date}", "web.day", roles: accountants, context) { request, _, layout in
                let text = request.pathParameters["date"] ?? ""
                guard let date = try? LocalDate(parsing: text) else {
                    return .html(layout.refusal(title: "Ngày không hợp lệ", message: "'\(text)' không phải một ngày dạng YYYY-MM-DD."),
                                 status: .notFound)
                }
                let account = request.query["account"].flatMap { $0.isEmpty ? nil : $0 }
                if let account, app.config.account(id: account) == nil {
                    return .html(layout.refusal(title: "Không có tài khoản này", message: "'\(account)' không phải tài khoản thu đã cấu hình."),
                                 status: .notFound)
                }
                let view = try app.dayView(date: date, account: account)
                return .html(DayPage(layout: layout, day: view.day, closing: view.closing, accounts: app.config.accounts).html())
            },
        ]
    }
}
