@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskHTTP
import Foundation
import Testing

/// The pages and the API routes they use: roles, escaping of outside text, the desk board, fee search, assets.
@Suite struct WebPageTests {
    @Test func rolesDecideWhichPagesOpen() throws {
        let server = try WebFixture()
        let accountant = try FakeBrowser(server)
        #expect(try accountant.signIn("user-accountant", WebFixture.password).headers["Location"] == "/review")
        let desk = try accountant.send(.get, "/desk")
        #expect(desk.status == .forbidden)
        #expect(desk.text.contains("Không có quyền truy cập"))
        #expect(try accountant.send(.get, "/display/quay-1").status == .forbidden)
        let list = try accountant.send(.get, "/dossiers")
        #expect(list.status == .ok)
        #expect(!list.text.contains("href=\"/desk\""))
        #expect(try accountant.api(.get, "/api/v1/dossiers/X/payment").status == .forbidden)
        let clerk = try FakeBrowser(server)
        try clerk.signIn("user-desk", WebFixture.password)
        let page = try clerk.send(.get, "/desk")
        #expect(page.text.contains("<a href=\"/desk\" class=\"active\" aria-current=\"page\">Quầy thu phí</a>"))
        #expect(page.text.contains("data-code-policy=\"strict\""))
        #expect(page.text.contains("placeholder=\"000.06.16.G09-"))
        #expect(try clerk.send(.get, "/display/bad%20desk").status == .notFound)
        let admin = try FakeBrowser(server)
        try admin.signIn("user-admin", WebFixture.password)
        #expect(try admin.send(.get, "/desk").status == .ok)
        #expect(try admin.send(.get, "/dossiers").status == .ok)
    }

    @Test func outsideTextIsEscapedOnServerRenderedPages() throws {
        let server = try WebFixture()
        let hostile = #"<script>alert("x")</script> & 'Hoa'"#
        let today = server.app.calendar.date(of: server.app.clock.now())
        let code = "000.06.16.G09-\(String(today.description.filter(\.isNumber).dropFirst(2)))-0777"
        _ = try server.app.addDossier(NewDossier(code: code, procedure: "CT.CHUKY", applicant: hostile), by: "test")
        let browser = try FakeBrowser(server)
        try browser.signIn("user-desk", WebFixture.password)
        let page = try browser.send(.get, "/dossiers?date=\(today)").text
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Hoa&#39;"))
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("<a href=\"/desk?dossier=\(code)\" title=\"Hiện mã QR\">\(code)</a>"))
        #expect(page.contains("<span class=\"pill unpaid\">Chưa thanh toán</span>"))
        let refused = try browser.send(.get, "/dossiers?date=%3Cb%3E&status=nope").text
        #expect(refused.contains("Trạng thái &#39;nope&#39; không hợp lệ."))
        #expect(HTML.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        // The page shells carry no dossier data; the scripts place it with textContent only.
        #expect(!WebAssets.desk.contains("innerHTML") && !WebAssets.display.contains("innerHTML") && !WebAssets.common.contains("innerHTML"))
    }

    @Test func theDeskBoardTellsTheDisplayWhatToShow() throws {
        let server = try WebFixture()
        let browser = try FakeBrowser(server)
        try browser.signIn("user-desk", WebFixture.password)
        let token = try browser.csrfToken()
        let created = try browser.api(.post, "/api/v1/dossiers", json: #"{"code":"000.06.16.G09-261122-0801","procedure":"HT.KETHON.NN","amount":1500000,"applicant":"B"}"#, csrf: token)
        #expect(created.status == .created)
        #expect(try browser.api(.get, "/api/v1/desks/q1/current").json()["dossier"] == nil)
        #expect(try browser.api(.post, "/api/v1/desks/q1/current", json: #"{"dossier":"000.06.16.G09-261122-0801"}"#).status == .forbidden)
        let shown = try browser.api(.post, "/api/v1/desks/q1/current", json: #"{"dossier":"000.06.16.g09-261122-0801"}"#, csrf: token)
        #expect(shown.status == .ok)
        let view = try #require(try browser.api(.get, "/api/v1/desks/q1/current").json()["dossier"] as? [String: Any])
        #expect(view["code"] as? String == "000.06.16.G09-261122-0801")
        #expect(view["amountText"] as? String == "1.500.000 ₫")
        #expect(view["amountWords"] as? String == "Một triệu năm trăm nghìn đồng")
        #expect(view["bank"] as? String == "Vietcombank — Ngân hàng TMCP Ngoại Thương Việt Nam")
        #expect(view["qr"] as? String == "/api/v1/dossiers/000.06.16.G09-261122-0801/qr.svg?amount=1500000")
        #expect((view["reference"] as? String)?.hasPrefix("HS") == true)
        #expect(try browser.api(.get, "/api/v1/desks/q2/current").json()["dossier"] == nil)
        let unknown = try browser.api(.post, "/api/v1/desks/q1/current", json: #"{"dossier":"NOPE"}"#, csrf: token)
        #expect(unknown.status == .notFound)
        let badDesk = try browser.api(.post, "/api/v1/desks/a%20b/current", json: #"{"dossier":null}"#, csrf: token)
        #expect(badDesk.status == .badRequest)
        #expect(try badDesk.json()["error"] as? String == "desk 'a b' must be 1 to 32 letters, digits and . _ - @.")
        // Paid in cash: the view says so and offers no QR code or slip any more.
        let cash = try browser.api(.post, "/api/v1/cash-payments", json: #"{"dossier":"000.06.16.G09-261122-0801","amount":1500000,"receipt":"R-77"}"#, csrf: token)
        #expect(cash.status == .created)
        let paid = try browser.api(.get, "/api/v1/dossiers/000.06.16.G09-261122-0801/payment").json()
        #expect(paid["status"] as? String == "paid")
        #expect(paid["qr"] == nil && paid["slip"] == nil)
        #expect(try browser.api(.post, "/api/v1/desks/q1/current", json: #"{"dossier":null}"#, csrf: token).status == .ok)
        #expect(try browser.api(.get, "/api/v1/desks/q1/current").json()["dossier"] == nil)
    }

    @Test(arguments: [
        ("chung thuc", ["CT.BANSAO", "CT.CHUKY", "CT.HOPDONG"]),
        ("CHỨNG THỰC chữ ký", ["CT.CHUKY"]),
        ("dang ky", ["DKKD.HKD", "HT.KETHON.NN"]),
        ("Đăng   KÝ kết-hôn", ["HT.KETHON.NN"]),
        ("XD.GPXD.NHA", ["XD.GPXD.NHA"]),
        ("giay phep xay dung", ["XD.GPXD.CT", "XD.GPXD.GH", "XD.GPXD.NHA"]),
        ("không có", []),
    ])
    func feeSearchIgnoresCaseToneMarksAndDStroke(_ query: String, _ expected: [String]) throws {
        let app = try AppFixture().app()
        try app.setUp(by: "test")
        #expect(try app.searchFees(query).map(\.procedure).sorted() == expected)
        #expect(try app.searchFees("").count == 9)
    }

    @Test func anExactCodeComesFirst() throws {
        let app = try AppFixture().app()
        try app.setUp(by: "test")
        #expect(try app.searchFees("xd.gpxd.gh").map(\.procedure) == ["XD.GPXD.GH"])
        #expect(try app.searchFees("XD.GPXD.CT").first?.procedure == "XD.GPXD.CT")
        #expect(try app.searchFees("chung thuc chu ky").first?.amountText == "10.000 ₫")
    }

    @Test func assetsAreVersionedAndCachedAndTheSlipMayStyleItself() throws {
        let server = try WebFixture()
        let browser = try FakeBrowser(server)
        let css = try #require(WebAssets.catalog["feedesk.css"])
        let fresh = try browser.send(.get, css.path)
        #expect(fresh.status == .ok)
        #expect(fresh.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(fresh.headers["Cache-Control"] == "public, max-age=31536000, immutable")
        #expect(try browser.send(.get, "/assets/feedesk.css?v=old").headers["Cache-Control"] == "no-cache")
        #expect(try browser.send(.get, "/assets/nope.js").status == .notFound)
        let login = try browser.send(.get, "/login").text
        #expect(login.contains("href=\"\(css.path)\""))
        try browser.signIn("user-desk", WebFixture.password)
        let desk = try browser.send(.get, "/desk").text
        for name in ["feedesk.js", "desk.js"] { #expect(desk.contains("<script src=\"\(WebAssets.path(name))\" defer></script>")) }
        let slip = try browser.send(.get, "/api/v1/dossiers/\(try server.dossier(1).code)/slip")
        #expect(slip.status == .ok)
        #expect(slip.headers["Content-Security-Policy"]?.contains("style-src 'unsafe-inline'") == true)
        #expect(slip.headers["Content-Security-Policy"]?.contains("script") == false)
    }
}
