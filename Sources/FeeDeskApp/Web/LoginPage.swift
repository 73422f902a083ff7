/// The sign-in page: the only page reachable without a session.
struct LoginPage {
    /// How the message box looks.
    enum Tone: String {
        case error, ok
    }

    let unitName: String
    /// The double-submit token, also set as the `feedesk_login` cookie.
    let formToken: String
    /// Where to go after sign-in (a local path).
    let next: String
    var user: String = ""
    var message: String?
    var tone: Tone = .error
    let policy: WebSessions.Policy
    let throttle: LoginThrottle.Limit

    /// The whole document; every outside value is escaped.
    func html() -> String {
        let box = message.map { "<div class=\"message \(tone.rawValue)\" role=\"alert\" id=\"login-message\">\(HTML.escape($0))</div>" } ?? ""
        let minutes = Int(throttle.window / 60)
        return WebLayout.document(title: "Đăng nhập", csrf: nil, scripts: [], bodyAttributes: "class=\"login\"", body: """
            <main class="login-box">
            <div class="brand"><span class="logo" aria-hidden="true">₫</span><div><strong>FeeDesk</strong></div></div>
            <p class="unit">\(HTML.escape(unitName))</p>
            <h1>Đăng nhập</h1>
            \(box)
            <form method="post" action="/login" novalidate>
            <input type="hidden" name="login_csrf" value="\(HTML.escape(formToken))">
            <input type="hidden" name="next" value="\(HTML.escape(next))">
            <label for="user">Tên đăng nhập</label>
            <input id="user" name="user" autocomplete="username" autofocus value="\(HTML.escape(user))" maxlength="64">
            <label for="password">Mật khẩu</label>
            <input id="password" name="password" type="password" autocomplete="current-password" maxlength="200">
            <button class="primary big" type="submit" id="login">Đăng nhập</button>
            </form>
            <p class="note">Nhập sai \(throttle.count) lần trong \(minutes) phút thì tài khoản bị tạm khoá \(minutes) phút.
            Phiên làm việc tự kết thúc sau \(LoginPage.hours(policy.idleTimeout)) không thao tác, và sau \(LoginPage.hours(policy.absoluteLifetime)) kể từ khi đăng nhập.</p>
            </main>
            """)
    }

    /// `2 giờ`, `30 phút`.
    static func hours(_ seconds: Double) -> String {
        seconds >= 3600 && Int(seconds) % 3600 == 0 ? "\(Int(seconds) / 3600) giờ" : "\(Int(seconds) / 60) phút"
    }

    /// `next` if it is a local path of this service (not `//host`, not a scheme), else `/`.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), next.count <= 300,
              !next.contains(where: { $0.isNewline || $0 == "\\" }), !next.hasPrefix("/login"), !next.hasPrefix("/logout")
        else { return "/" }
        return next
    }
}
