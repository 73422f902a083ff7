import FeeDeskCore
import FeeDeskHTTP
import Foundation

extension FeeDeskServer {
    /// The pages of the web UI and their assets. Every page but `/login` needs a session: without one
    /// it redirects to `/login?next=…`; with the wrong role it answers a 403 page.
    static func webPages(_ context: ServerContext) -> [APIRoute] {
        let app = context.app
        return loginRoutes(context) + accountingPages(context) + reportPages(context) + receiptPages(context) + [
            APIRoute(.get, "/", "web.home", access: .open) { request, _ in
                guard let session = try context.web.session(request) else { return signInRedirect(request) }
                return .redirect(to: WebLayout.home(for: session.principal.role))
            },
            APIRoute(.get, "/assets/{name}", "web.asset", access: .open) { request, _ in
                WebAssets.response(name: request.pathParameters["name"] ?? "", version: request.query["v"])
            },
            page("/desk", "web.desk", roles: [.desk], context) { _, _, layout in
                let policy = app.config.dossierCodePolicy
                let today = app.calendar.date(of: app.clock.now())
                let yymmdd = String(String(today.description.filter(\.isNumber)).dropFirst(2))
                let example = policy == .strict ? "\(app.config.unit.code)-\(yymmdd)-0001" : "Mã hồ sơ"
                return .html(DeskPages.desk(layout: layout, codePolicy: policy.rawValue, codeExample: example))
            },
            page("/display/{desk}", "web.display", roles: [.desk], context) { request, session, layout in
                let desk = request.pathParameters["desk"] ?? ""
                guard DeskBoard.isValidDesk(desk) else {
                    return .html(layout.refusal(title: "Không có quầy này",
                                                message: "Tên quầy chỉ gồm chữ không dấu, chữ số và . _ - @ (tối đa 32 ký tự)."), status: .notFound)
                }
                return .html(DeskPages.display(desk: desk, unitName: app.config.unit.name, csrf: session.csrfToken))
            },
            page("/dossiers", "web.dossiers", roles: [.desk, .accountant], context) { request, _, layout in
                var problem: String?
                var date = app.calendar.date(of: app.clock.now())
                var status: DossierStatus?
                if let text = request.query["date"], !text.isEmpty {
                    if let parsed = try? LocalDate(parsing: text) { date = parsed } else { problem = "Ngày '\(text)' không hợp lệ; đang xem hôm nay." }
                }
                if let text = request.query["status"], !text.isEmpty {
                    if let parsed = DossierStatus(rawValue: text) { status = parsed } else { problem = "Trạng thái '\(text)' không hợp lệ." }
                }
                let list = try app.dossiers(status: status, date: date)
                return .html(DossierListPage(layout: layout, date: date, status: status, dossiers: list, problem: problem).html())
            },
        ]
    }

    /// A page route for a signed-in user with one of `roles` (admin always).
    static func page(_ pattern: String, _ name: String, roles: Set<StaffRole>, _ context: ServerContext,
                     _ body: @escaping @Sendable (HTTPRequest, WebSession, WebLayout) throws -> HTTPResponse) -> APIRoute {
        APIRoute(.get, pattern, name, access: .open) { request, _ in
            guard let session = try context.web.session(request) else { return signInRedirect(request) }
            let layout = WebLayout(unitName: context.app.config.unit.name, session: session)
            guard session.principal.may(roles) else {
                return .html(layout.refusal(title: "Không có quyền truy cập",
                                            message: "Tài khoản \(WebLayout.roleName(session.principal.role).lowercased()) không dùng được trang này."),
                             status: .forbidden)
            }
            return try body(request, session, layout)
        }
    }

    /// `303` to the sign-in page, which comes back here afterwards; says "expired" when a session
    /// cookie was sent but no longer names a live session.
    static func signInRedirect(_ request: HTTPRequest) -> HTTPResponse {
        let here = request.path + (request.rawQuery.isEmpty ? "" : "?" + request.rawQuery)
        var target = "/login"
        var query: [String] = []
        if here != "/" { query.append("next=" + queryEncoded(here)) }
        if WebCookies.sessionValue(request) != nil { query.append("expired=1") }
        if !query.isEmpty { target += "?" + query.joined(separator: "&") }
        var response = HTTPResponse.redirect(to: target)
        if WebCookies.sessionValue(request) != nil { response.headers.add(name: "Set-Cookie", value: WebCookies.clearingSession(for: request)) }
        return response
    }

    /// `text` percent-encoded for a query value (unreserved characters and `/` kept).
    static func queryEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
