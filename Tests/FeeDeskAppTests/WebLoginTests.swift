@testable import FeeDeskApp
import FeeDeskHTTP
import Testing

/// Sign-in, cookies, CSRF, sign-out and the sign-in throttle, through the service's router.
@Suite struct WebLoginTests {
    @Test func withoutASessionEveryPageRedirectsToSignInAndTheAPIAnswers401() throws {
        let server = try WebFixture()
        let browser = try FakeBrowser(server)
        for (path, location) in [("/desk", "/login?next=/desk"), ("/", "/login"), ("/dossiers?date=2026-11-22", "/login?next=/dossiers%3Fdate%3D2026-11-22"),
                                 ("/display/quay-1", "/login?next=/display/quay-1")] {
            let answer = try browser.send(.get, path)
            #expect(answer.status == .seeOther, "\(path)")
            #expect(answer.headers["Location"] == location, "\(path)")
        }
        for (method, path) in [(HTTPMethod.get, "/api/v1/fees?q=x"), (.get, "/api/v1/dossiers/X/payment"), (.get, "/api/v1/desks/q1/current"),
                               (.post, "/api/v1/desks/q1/current"), (.post, "/api/v1/dossiers")] {
            #expect(try browser.send(method, path).status == .unauthorized, "\(method) \(path)")
        }
        let login = try browser.send(.get, "/login")
        #expect(login.status == .ok)
        #expect(login.text.contains("<form method=\"post\" action=\"/login\""))
        #expect(try browser.send(.get, "/assets/feedesk.css").status == .ok)
    }

    @Test func signInSetsAStrictHttpOnlyCookieAndLandsOnTheRolePage() throws {
        let server = try WebFixture()
        let browser = try FakeBrowser(server)
        let form = try browser.send(.get, "/login?next=/dossiers")
        let loginCookie = try #require(form.headers.values(for: "Set-Cookie").first)
        #expect(loginCookie.hasSuffix("; Path=/login; Max-Age=3600; HttpOnly; SameSite=Strict"))
        let answer = try browser.post("/login", form: [("user", "user-desk"), ("password", WebFixture.password),
                                                       ("login_csrf", browser.cookies["feedesk_login"] ?? ""), ("next", "/dossiers")])
        #expect(answer.status == .seeOther)
        #expect(answer.headers["Location"] == "/dossiers")
        let cookie = try #require(answer.headers.values(for: "Set-Cookie").first)
        #expect(cookie.hasPrefix("feedesk_session="))
        #expect(cookie.hasSuffix("; Path=/; HttpOnly; SameSite=Strict"))
        #expect(!cookie.contains("Secure") && !cookie.contains("Max-Age"))
        #expect(try browser.send(.get, "/desk").status == .ok)
        #expect(try browser.send(.get, "/").headers["Location"] == "/desk")
        // Somewhere else afterwards only on this site: an outside `next` falls back to the role's page.
        let outside = try FakeBrowser(server)
        #expect(try outside.signIn("user-accountant", WebFixture.password, next: "//evil.example/x").headers["Location"] == "/review")
    }

    @Test func behindHTTPSTheCookieIsSecureWithTheHostPrefix() throws {
        let server = try WebFixture()
        let browser = try FakeBrowser(server)
        browser.extraHeaders = [("X-Forwarded-Proto", "https")]
        let answer = try browser.signIn("user-desk", WebFixture.password)
        let cookie = try #require(answer.headers.values(for: "Set-Cookie").first)
        #expect(cookie.hasPrefix("__Host-feedesk_session="))
        #expect(cookie.hasSuffix("; Path=/; HttpOnly; SameSite=Strict; Secure"))
        #expect(try browser.send(.get, "/desk").status == .ok)
    }

    @Test func refusedSignInsSayWhyInVietnameseAndStartNoSession() throws {
        let server = try WebFixture()
        let browser = try FakeBrowser(server)
        try browser.send(.get, "/login")
        let noToken = try browser.post("/login", form: [("user", "user-desk"), ("password", WebFixture.password)])
        #expect(noToken.status == .forbidden)
        #expect(noToken.text.contains("Trang đăng nhập đã quá hạn hoặc không hợp lệ."))
        let wrong = try browser.signIn("user-desk", "not the password")
        #expect(wrong.status == .unauthorized)
        #expect(wrong.text.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
        let empty = try browser.signIn("user-desk", "")
        #expect(empty.status == .badRequest)
        #expect(empty.text.contains("Nhập tên đăng nhập và mật khẩu."))
        let integration = try browser.signIn("user-register", WebFixture.password)
        #expect(integration.status == .forbidden)
        #expect(integration.text.contains("Tài khoản tích hợp chỉ dùng API"))
        #expect(browser.cookies["feedesk_session"] == nil)
        // The name typed is shown back escaped.
        let hostile = try browser.signIn("\"><script>alert(1)</script>", "x")
        #expect(hostile.text.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(!hostile.text.contains("<script>alert"))
    }

    @Test func theSixthWrongPasswordIsThrottledWithRetryAfter() throws {
        let server = try WebFixture()
        let browser = try FakeBrowser(server)
        for _ in 0..<5 { #expect(try browser.signIn("user-desk", "wrong password").status == .unauthorized) }
        let blocked = try browser.signIn("user-desk", WebFixture.password)
        #expect(blocked.status == .tooManyRequests)
        #expect((blocked.retryAfterSeconds ?? 0) > 800)
        #expect(blocked.text.contains("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút."))
        #expect(browser.cookies["feedesk_session"] == nil)
        // Another user at the same desk is not blocked by it.
        #expect(try browser.signIn("user-accountant", WebFixture.password).status == .seeOther)
        #expect(server.logLines.all.contains { $0.contains("login throttled: user=user-desk") })
    }

    @Test func cookieSessionsNeedTheCSRFTokenForEveryChange() throws {
        let server = try WebFixture()
        let browser = try FakeBrowser(server)
        try browser.signIn("user-desk", WebFixture.password)
        let token = try browser.csrfToken()
        #expect(token.count == 43)
        let body = #"{"code":"000.06.16.G09-261122-0701","procedure":"XD.GPXD.NHA","applicant":"A"}"#
        for forged in [nil, "forged", String(token.dropLast()) + "x"] {
            let refused = try browser.api(.post, "/api/v1/dossiers", json: body, csrf: forged)
            #expect(refused.status == .forbidden)
            #expect(try refused.json()["code"] as? String == "csrf")
        }
        #expect(try browser.api(.get, "/api/v1/dossiers/000.06.16.G09-261122-0701").status == .notFound)
        #expect(try browser.api(.post, "/api/v1/dossiers", json: body, csrf: token).status == .created)
        #expect(try browser.api(.get, "/api/v1/dossiers/000.06.16.G09-261122-0701").status == .ok)
        // A bearer token needs no CSRF token (it is not sent by the browser on its own).
        let bearer = try browser.send(.post, "/api/v1/dossiers", headers: [("Authorization", "Bearer \(server.tokens[.desk] ?? "")")],
                                      body: #"{"code":"000.06.16.G09-261122-0702","procedure":"CT.CHUKY"}"#)
        #expect(bearer.status == .created)
    }

    @Test func signingOutNeedsTheTokenThenEndsTheSession() throws {
        let server = try WebFixture()
        let browser = try FakeBrowser(server)
        try browser.signIn("user-desk", WebFixture.password)
        let token = try browser.csrfToken()
        let session = try #require(browser.cookies["feedesk_session"])
        let forged = try browser.post("/logout", form: [("csrf", "forged")])
        #expect(forged.status == .forbidden)
        #expect(forged.text.contains("chống giả mạo (CSRF)"))
        #expect(try browser.send(.get, "/desk").status == .ok)
        let out = try browser.post("/logout", form: [("csrf", token)])
        #expect(out.status == .seeOther)
        #expect(out.headers["Location"] == "/login?signed_out=1")
        #expect(out.headers.values(for: "Set-Cookie") == ["feedesk_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"])
        #expect(try browser.send(.get, "/login?signed_out=1").text.contains("Bạn đã đăng xuất."))
        // The old cookie, replayed, is dead: pages redirect saying the session ended, the API answers 401.
        browser.cookies["feedesk_session"] = session
        let replay = try browser.send(.get, "/desk")
        #expect(replay.headers["Location"] == "/login?next=/desk&expired=1")
        browser.cookies["feedesk_session"] = session
        #expect(try browser.api(.get, "/api/v1/desks/q1/current").status == .unauthorized)
        #expect(try browser.send(.get, "/login?expired=1").text.contains("Phiên làm việc đã hết hạn"))
    }
}
