@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskHTTP
import FeeDeskStore
import Foundation
import Testing

/// The accountants' pages: who may open them, the menu, the day view's figures and close button,
/// escaping of names and reasons, the statement page's bank profiles, and the upload the page makes.
@Suite struct WebAccountingPageTests {
    static let pages = ["/statements", "/review", "/review?date=2026-11-16", "/days", "/days/2026-11-16"]

    /// A web fixture with the demo data and the sample CSV statement of 16–18 November imported.
    static func imported() throws -> WebFixture {
        let server = try WebFixture()
        _ = try server.app.loadDemo(by: "test")
        _ = try server.app.importStatement(StatementImportTests.upload(StatementImportTests.csv), by: "test")
        return server
    }

    @Test func onlyAccountantsAndAdminsOpenThemAndAnonymousUsersSignInFirst() throws {
        let server = try WebFixture()
        let anonymous = try FakeBrowser(server)
        for page in Self.pages {
            let answer = try anonymous.send(.get, page)
            #expect(answer.status == .seeOther, "\(page)")
            #expect(answer.headers["Location"] == "/login?next=" + FeeDeskServer.queryEncoded(page), "\(page)")
        }
        #expect(try anonymous.api(.get, "/api/v1/review").status == .unauthorized)
        let clerk = try FakeBrowser(server)
        try clerk.signIn("user-desk", WebFixture.password)
        for page in Self.pages {
            let answer = try clerk.send(.get, page)
            #expect(answer.status == .forbidden, "\(page)")
            #expect(answer.text.contains("Không có quyền truy cập"), "\(page)")
        }
        #expect(try clerk.api(.get, "/api/v1/review").status == .forbidden)
        let deskMenu = try clerk.send(.get, "/desk").text
        #expect(deskMenu.contains("<a href=\"/dossiers\">Hồ sơ</a>"))
        for path in ["/statements", "/review", "/days"] { #expect(!deskMenu.contains("href=\"\(path)\"")) }

        let accountant = try FakeBrowser(server)
        #expect(try accountant.signIn("user-accountant", WebFixture.password).headers["Location"] == "/review")
        let review = try accountant.send(.get, "/review")
        #expect(review.status == .ok)
        #expect(review.text.contains(#"<nav aria-label="Trang"><a href="/statements">Sao kê</a><a href="/review" class="active" aria-current="page">Đối soát</a><a href="/days">Ngày</a><a href="/reports">Báo cáo</a><a href="/reports/receipts">Sổ biên lai</a><a href="/dossiers">Hồ sơ</a></nav>"#))
        for page in Self.pages where page != "/days" { #expect(try accountant.send(.get, page).status == .ok, "\(page)") }
        let today = server.app.calendar.date(of: server.app.clock.now())
        #expect(try accountant.send(.get, "/days").headers["Location"] == "/days/\(today)")
        #expect(try accountant.send(.get, "/days?date=2026-11-17&account=main").headers["Location"] == "/days/2026-11-17?account=main")
        #expect(try accountant.send(.get, "/days?date=garbage").headers["Location"] == "/days/\(today)")

        let admin = try FakeBrowser(server)
        #expect(try admin.signIn("user-admin", WebFixture.password).headers["Location"] == "/desk")
        for page in Self.pages where page != "/days" { #expect(try admin.send(.get, page).status == .ok, "\(page)") }
        #expect(try admin.send(.get, "/desk").text.contains(">Quầy thu phí</a><a href=\"/statements\">Sao kê</a>"))
    }

    @Test func theDayViewAddsUpListsBlockersAndDisablesTheCloseButton() throws {
        let server = try Self.imported()
        let browser = try FakeBrowser(server)
        try browser.signIn("user-accountant", WebFixture.password)
        let page = try browser.send(.get, "/days/2026-11-16").text
        #expect(page.contains("<h1>Đối soát ngày 16/11/2026</h1>"))
        #expect(page.contains("Tài khoản thu Vietcombank · 0071000123456 (main)"))
        #expect(page.contains("<tr><th>Số dư đầu ngày</th><td class=\"num\">12.500.000 ₫</td></tr>"))
        #expect(page.contains("<tr class=\"total\"><th>= Số dư cuối ngày</th><td class=\"num\">12.774.000 ₫</td></tr>"))
        #expect(page.contains("<span class=\"pill paid\">✓ Khớp với sao kê</span>"))
        #expect(page.contains("<tfoot><tr><th>Cộng</th><th class=\"num\">6</th><th class=\"num\">285.000 ₫</th></tr></tfoot>"))
        #expect(page.contains("✓ Các dòng cộng lại đúng bằng tổng 6 khoản ghi có."))
        #expect(page.contains("<td><span class=\"dot bank_fee\" aria-hidden=\"true\"></span>Phí ngân hàng</td><td class=\"num\">1</td><td class=\"num\">11.000 ₫</td>"))
        #expect(page.contains("Ngoại lệ cần xử lý (3)"))
        #expect(page.contains("href=\"/review?date=2026-11-16#credit-"))
        #expect(page.contains("<li title=\"3 credit(s) of 2026-11-16 still need review\">Còn 3 khoản ghi có chưa xử lý trong hàng chờ đối soát.</li>"))
        #expect(page.contains("<button id=\"close-day\" type=\"button\" class=\"primary\" disabled"))
        #expect(page.contains("<button id=\"force-toggle\""))
        #expect(page.contains("<script src=\"\(WebAssets.path("day.js"))\" defer></script>"))
        #expect(page.contains("data-date=\"2026-11-16\" data-account=\"main\""))
        // Without a statement, the day says so and what to do.
        let missing = try browser.send(.get, "/days/2026-11-25").text
        #expect(missing.contains("Chưa có sao kê nào phủ ngày này."))
        #expect(missing.contains("Chưa nhập sao kê nào có ngày này."))
        #expect(try browser.send(.get, "/days/2026-13-01").status == .notFound)
        let unknown = try browser.send(.get, "/days/2026-11-16?account=%3Cb%3E")
        #expect(unknown.status == .notFound)
        #expect(unknown.text.contains("&#39;&lt;b&gt;&#39; không phải tài khoản thu đã cấu hình."))
    }

    @Test func aClosedDayShowsWhoClosedItAndTheReasonEscaped() throws {
        let server = try Self.imported()
        let browser = try FakeBrowser(server)
        try browser.signIn("user-accountant", WebFixture.password)
        // Closing through the API as the page does: the session cookie plus the CSRF header.
        let token = try browser.csrfToken()
        let hostile = "<script>alert(1)</script> & 'gấp'"
        let body = #"{"force":true,"reason":"\#(hostile)"}"#
        #expect(try browser.api(.post, "/api/v1/days/2026-11-16/close?account=main", json: body).status == .forbidden)
        let refused = try browser.api(.post, "/api/v1/days/2026-11-16/close?account=main", json: "{}", csrf: token)
        #expect(refused.status == .conflict)
        #expect(try browser.api(.post, "/api/v1/days/2026-11-16/close?account=main", json: body, csrf: token).status == .ok)
        let page = try browser.send(.get, "/days/2026-11-16").text
        #expect(page.contains("<strong>Đã khoá sổ</strong> bởi user-accountant lúc "))
        #expect(page.contains("lý do: <q>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;gấp&#39;</q>"))
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("id=\"close-day\""))
        #expect(DayPage.moment("2026-11-22T10:15:02+07:00") == "10:15 ngày 22/11/2026")
        #expect(DayPage.person("user:ke-toan") == "ke-toan" && DayPage.person("system") == "system")
    }

    @Test(arguments: [
        ("no imported statement of account main covers 2026-11-21", "Chưa nhập sao kê nào có ngày này."),
        ("the statement covering 2026-11-21 does not balance", "Sao kê có ngày này không khớp số dư."),
        ("the statement covering 2026-11-21 has no balances to check", "Sao kê có ngày này không có số dư để kiểm tra."),
        ("2 credit(s) of 2026-11-21 still need review", "Còn 2 khoản ghi có chưa xử lý trong hàng chờ đối soát."),
        ("1 debit(s) of 2026-11-21 (5.000 ₫) are not explained: record the refund or remittance they pay",
         "Còn 1 khoản ghi nợ chưa giải trình (chưa gắn với khoản hoàn trả hay nộp ngân sách nào)."),
        ("the statement's credits (5 ₫) differ from the credits they recorded (4 ₫)", "Tổng ghi có trên sao kê khác tổng các khoản ghi có đã ghi nhận."),
        ("something new", "something new"),
    ])
    func blockersAreSaidInVietnamese(_ english: String, _ vietnamese: String) {
        #expect(DayPage.blockerWords(english) == vietnamese)
    }

    @Test func theStatementPageOffersTheProfilesEscaped() throws {
        let folder = NSTemporaryDirectory() + "feedesk-profiles-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = ["zbank.json": #"{"bank": "<b>Z</b> Bank (Ngân hàng \"Z\")", "confirmed": true}"#, "abank.json": #"{"bank": "A Bank"}"#,
                     "broken.json": "not json", "generic.json": #"{"bank": "Any bank"}"#, "README.md": "# profiles"]
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        let profiles = BankProfileChoice.list(in: folder)
        // By bank name ("<" sorts before letters), the generic profile last; a broken file still by its name.
        #expect(profiles.map(\.name) == ["zbank", "abank", "broken", "generic"])
        #expect(profiles.map(\.confirmed) == [true, false, false, false])
        let session = WebSession(principal: Principal(name: "<i>ke-toan</i>", role: .accountant), csrfToken: "t", idHash: "h")
        let accounts = [try CollectionAccount(id: "main", bin: "970436", number: "0071000123456", holder: "X")]
        let page = StatementUploadPage(layout: WebLayout(unitName: "Đơn vị", session: session), profiles: profiles, accounts: accounts).html()
        #expect(page.contains("<option value=\"zbank\" title=\"&lt;b&gt;Z&lt;/b&gt; Bank (Ngân hàng &quot;Z&quot;)\">&lt;b&gt;Z&lt;/b&gt; Bank</option>"))
        #expect(!page.contains("<b>Z</b>") && !page.contains("<i>ke-toan</i>"))
        #expect(!page.contains("value=\"generic\""))
        #expect(page.contains("chưa được đối chiếu với sao kê thật của ngân hàng: A Bank, broken."))
        #expect(page.contains("<option value=\"main\">Vietcombank · 0071000123456 (main)</option>"))

        let server = try WebFixture()
        let browser = try FakeBrowser(server)
        try browser.signIn("user-accountant", WebFixture.password)
        let real = try browser.send(.get, "/statements").text
        #expect(real.contains("<option value=\"vietcombank\" title=\"Vietcombank (Ngân hàng TMCP Ngoại thương Việt Nam)\">Vietcombank</option>"))
        #expect(real.contains("<script src=\"\(WebAssets.path("statements.js"))\" defer></script>"))
    }

    @Test func theUploadThePageMakesNeedsTheCSRFTokenAndSavesNothingOnBadInput() throws {
        let server = try WebFixture()
        _ = try server.app.loadDemo(by: "test")
        let browser = try FakeBrowser(server)
        try browser.signIn("user-accountant", WebFixture.password)
        let token = try browser.csrfToken()
        let csv = String(decoding: try AppFixture.sample(StatementImportTests.csv), as: UTF8.self)
        let target = "/api/v1/statements?name=vcb.csv&format=auto&profile=vietcombank"
        let octets = [("Content-Type", "application/octet-stream")]
        let forged = try browser.send(.post, target, headers: octets, body: csv)
        #expect(forged.status == .forbidden)
        #expect(try forged.json()["code"] as? String == "csrf")
        let junk = try browser.send(.post, "/api/v1/statements?name=notes.txt&format=auto&profile=vietcombank",
                                    headers: octets + [("X-CSRF-Token", token)], body: "Biên bản họp\nkhông phải sao kê\n")
        #expect(junk.status == .unprocessableContent)
        #expect((try junk.json()["error"] as? String)?.hasPrefix("notes.txt: no header row found") == true)
        #expect(try server.app.reviewQueue().isEmpty)
        let done = try browser.send(.post, target, headers: octets + [("X-CSRF-Token", token)], body: csv)
        #expect(done.status == .created)
        #expect(try done.json()["creditTotal"] as? Int == 906_000)
        let again = try browser.send(.post, target, headers: octets + [("X-CSRF-Token", token)], body: csv)
        #expect(again.status == .ok)
        #expect(try again.json()["alreadyImported"] as? Bool == true)
    }

    @Test func theReviewPageIsAShellAndTheScriptsUseTextOnly() throws {
        let server = try WebFixture()
        let browser = try FakeBrowser(server)
        try browser.signIn("user-accountant", WebFixture.password)
        let page = try browser.send(.get, "/review?date=2026-11-16").text
        #expect(page.contains("<h1>Hàng chờ đối soát ngày 16/11/2026</h1>"))
        #expect(page.contains("data-date=\"2026-11-16\""))
        let words = try #require(page.range(of: WebAssets.path("review-words.js")))
        let script = try #require(page.range(of: WebAssets.path("review.js")))
        #expect(words.lowerBound < script.lowerBound)
        let bad = try browser.send(.get, "/review?date=%3Cscript%3E").text
        #expect(bad.contains("Ngày &#39;&lt;script&gt;&#39; không hợp lệ; đang xem mọi ngày."))
        #expect(!bad.contains("<script>"))
        for script in [WebAssets.statements, WebAssets.reviewWords, WebAssets.review, WebAssets.day, WebAssets.common] {
            #expect(!script.contains("innerHTML") && !script.contains("insertAdjacentHTML") && !script.contains("document.write"))
        }
        for name in ["statements.js", "review-words.js", "review.js", "day.js"] { #expect(WebAssets.catalog[name] != nil, "\(name)") }
        #expect(try #require(WebAssets.catalog["feedesk.css"]).bytes.count == (WebAssets.style + WebAssets.accountingStyle + ReportPages.style).utf8.count)
    }
}
