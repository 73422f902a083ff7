import FeeDeskCrypto
import FeeDeskHTTP
import Foundation

extension FeeDeskServer {
    /// Sign-in and sign-out.
    ///
    /// The sign-in form is protected by a double-submit token (cookie `feedesk_login` = hidden field),
    /// the session's forms and API calls by the session's synchronizer token. Failed sign-ins are
    /// throttled per user name and per address (`LoginThrottle`); a throttled attempt gets 429 with
    /// `Retry-After` and its password is not even checked.
    static func loginRoutes(_ context: ServerContext) -> [APIRoute] {
        let app = context.app
        let web = context.web
        return [
            APIRoute(.get, "/login", "web.login", access: .open) { request, _ in
                let next = LoginPage.safeNext(request.query["next"])
                if let session = try web.session(request) {
                    return .redirect(to: next == "/" ? WebLayout.home(for: session.principal.role) : next)
                }
                var message: String?
                var tone = LoginPage.Tone.error
                if request.query["expired"] != nil { message = "Phiên làm việc đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại." }
                if request.query["signed_out"] != nil { (message, tone) = ("Bạn đã đăng xuất.", .ok) }
                return try signInPage(context, request, status: .ok, user: "", next: next,
                                      message: message, tone: tone)
            },
            APIRoute(.post, "/login", "web.login.submit", access: .open, bodyLimit: 8 << 10) { request, _ in
                let form = request.formParameters ?? HTTPParameters()
                let user = (form["user"] ?? "").trimmingCharacters(in: .whitespaces)
                let password = form["password"] ?? ""
                let next = LoginPage.safeNext(form["next"])
                guard let sent = form["login_csrf"], let cookie = request.cookies[WebCookies.login], !cookie.isEmpty,
                      ConstantTime.equals(Array(sent.utf8), Array(cookie.utf8))
                else {
                    return try signInPage(context, request, status: .forbidden, user: user, next: next,
                                      message: "Trang đăng nhập đã quá hạn hoặc không hợp lệ. Vui lòng nhập lại.", tone: .error)
                }
                guard !user.isEmpty, !password.isEmpty else {
                    return try signInPage(context, request, status: .badRequest, user: user, next: next,
                                      message: "Nhập tên đăng nhập và mật khẩu.", tone: .error)
                }
                let now = app.clock.now()
                if let wait = web.throttle.retryAfter(user: user, address: request.remoteAddress, now: now) {
                    context.rejections.write("login throttled: user=\(user.prefix(64)) from=\(request.remoteAddress) retry-after=\(wait)s req=\(request.requestID)")
                    return try signInPage(context, request, status: .tooManyRequests, user: user, next: next,
                                      message: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau \(waitText(wait)).", tone: .error)
                        .withRetryAfter(seconds: wait)
                }
                guard let principal = try app.principal(name: user, password: password) else {
                    web.throttle.recordFailure(user: user, address: request.remoteAddress, now: now)
                    context.rejections.write("login refused: user=\(user.prefix(64)) from=\(request.remoteAddress) req=\(request.requestID)")
                    return try signInPage(context, request, status: .unauthorized, user: user, next: next,
                                      message: "Tên đăng nhập hoặc mật khẩu không đúng.", tone: .error)
                }
                guard principal.role != .register else {
                    return try signInPage(context, request, status: .forbidden, user: user, next: next,
                                      message: "Tài khoản tích hợp chỉ dùng API, không đăng nhập vào giao diện web.", tone: .error)
                }
                web.throttle.recordSuccess(user: user)
                let (sessionCookie, _) = try web.sessions.start(for: principal, from: request.remoteAddress)
                var response = HTTPResponse.redirect(to: next == "/" ? WebLayout.home(for: principal.role) : next)
                response.headers.add(name: "Set-Cookie", value: WebCookies.settingSession(sessionCookie, for: request))
                return response
            },
            APIRoute(.post, "/logout", "web.logout", access: .open, bodyLimit: 8 << 10) { request, _ in
                var response = HTTPResponse.redirect(to: "/login?signed_out=1")
                response.headers.add(name: "Set-Cookie", value: WebCookies.clearingSession(for: request))
                guard let cookie = WebCookies.sessionValue(request), let session = try web.sessions.session(cookie: cookie) else {
                    return response
                }
                let sent = request.formParameters?["csrf"] ?? request.headers["X-CSRF-Token"]
                guard WebSessions.csrfMatches(sent, session) else {
                    let layout = WebLayout(unitName: app.config.unit.name, session: session)
                    return .html(layout.refusal(title: "Yêu cầu bị từ chối",
                                                message: "Yêu cầu thiếu mã chống giả mạo (CSRF) của phiên này. Hãy tải lại trang rồi thử lại."),
                                 status: .forbidden)
                }
                try web.sessions.end(cookie: cookie)
                return response
            },
        ]
    }

    /// The sign-in page with `message`, a fresh form token and its cookie.
    static func signInPage(_ context: ServerContext, _ request: HTTPRequest, status: HTTPStatus, user: String, next: String,
                           message: String?, tone: LoginPage.Tone) throws -> HTTPResponse {
        let token = try SecureRandom.token(byteCount: 24)
        let page = LoginPage(unitName: context.app.config.unit.name, formToken: token, next: next, user: user, message: message, tone: tone,
                             policy: context.web.sessions.policy, throttle: context.web.throttle.perUser)
        var response = HTTPResponse.html(page.html(), status: status)
        response.headers.add(name: "Set-Cookie", value: WebCookies.settingLogin(token, for: request))
        return response
    }

    /// `3 phút`, `40 giây`.
    static func waitText(_ seconds: Int) -> String {
        seconds >= 60 ? "\((seconds + 59) / 60) phút" : "\(seconds) giây"
    }
}
