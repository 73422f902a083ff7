@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskHTTP
import Foundation
import Testing

/// The **Báo cáo** pages: who may open them, the menu entry, both reports shown with their figures,
/// download links, and bad values explained on the page.
@Suite struct WebReportPageTests {
    static let pages = ["/reports", "/reports/daily?date=2026-11-16", "/reports/cash-vs-cashless?from=2026-11-01&to=2026-11-30"]

    @Test func onlyAccountantsAndAdminsOpenThem() throws {
        let server = try WebFixture()
        let anonymous = try FakeBrowser(server)
        for page in Self.pages {
            let answer = try anonymous.send(.get, page)
            #expect(answer.status == .seeOther && answer.headers["Location"] == "/login?next=" + FeeDeskServer.queryEncoded(page), "\(page)")
        }
        let clerk = try FakeBrowser(server)
        try clerk.signIn("user-desk", WebFixture.password)
        for page in Self.pages { #expect(try clerk.send(.get, page).status == .forbidden, "\(page)") }
        #expect(!(try clerk.send(.get, "/desk").text.contains("href=\"/reports\"")))
        let admin = try FakeBrowser(server)
        try admin.signIn("user-admin", WebFixture.password)
        for page in Self.pages { #expect(try admin.send(.get, page).status == .ok, "\(page)") }
        let accountant = try FakeBrowser(server)
        try accountant.signIn("user-accountant", WebFixture.password)
        let index = try accountant.send(.get, "/reports").text
        #expect(index.contains("<a href=\"/reports\" class=\"active\" aria-current=\"page\">Báo cáo</a>"))
        #expect(index.contains("href=\"/reports/daily\"") && index.contains("href=\"/reports/cash-vs-cashless\""))
    }

    @Test func theDailyReportPageShowsTheReportAndItsDownloads() throws {
        let server = try WebAccountingPageTests.imported()
        let browser = try FakeBrowser(server)
        try browser.signIn("user-accountant", WebFixture.password)
        let answer = try browser.send(.get, "/reports/daily?account=main&date=2026-11-16")
        #expect(answer.status == .ok)
        let page = answer.text
        let report = try server.app.dailyReport(date: LocalDate(parsing: "2026-11-16"))
        #expect(page.contains(report.sheet.components(separatedBy: "<footer>")[0]))
        #expect(page.contains("<td>Cộng ghi có trong ngày</td><td class=\"num\">\(report.credits.count)</td><td class=\"num\">\(report.credits.amount.groupedDigits)</td>"))
        #expect(page.contains("href=\"/api/v1/reports/daily?account=main&amp;date=2026-11-16&amp;format=csv\" download"))
        #expect(page.contains("href=\"/api/v1/reports/daily?account=main&amp;date=2026-11-16&amp;format=html\" target=\"_blank\""))
        #expect(page.contains("<option value=\"main\" selected>") && page.contains("value=\"2026-11-16\""))
        // The CSV link works with the session cookie.
        let csv = try browser.send(.get, "/api/v1/reports/daily?account=main&date=2026-11-16&format=csv")
        #expect(csv.status == .ok && Array(csv.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // Bad values are explained and escaped; nothing else is shown.
        let bad = try browser.send(.get, "/reports/daily?date=%3Cb%3E")
        #expect(bad.status == .unprocessableContent && bad.text.contains("Ngày &#39;&lt;b&gt;&#39; không hợp lệ") && !bad.text.contains("report-sheet\">"))
        let unknown = try browser.send(.get, "/reports/daily?date=2026-11-16&account=other")
        #expect(unknown.status == .unprocessableContent && unknown.text.contains("&#39;other&#39; không phải tài khoản thu đã cấu hình."))
    }

    @Test func theCashlessReportPageShowsTheChartAndTotals() throws {
        let server = try WebAccountingPageTests.imported()
        let browser = try FakeBrowser(server)
        try browser.signIn("user-accountant", WebFixture.password)
        let page = try browser.send(.get, "/reports/cash-vs-cashless?from=2026-11-01&to=2026-11-30&by=field").text
        let report = try server.app.cashVsCashlessReport(ReportPeriod(from: LocalDate(parsing: "2026-11-01"), to: LocalDate(parsing: "2026-11-30")),
                                                         by: .field)
        #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"") && page.contains("class=\"report-sheet\""))
        #expect(page.contains(HTML.escape(report.totals.totalAmount.formatted)))
        #expect(page.contains("<option value=\"field\" selected>"))
        #expect(page.contains("href=\"/api/v1/reports/cash-vs-cashless?from=2026-11-01&amp;to=2026-11-30&amp;by=field&amp;format=csv\" download"))
        // This month so far by default; a reversed period is explained.
        let today = server.app.calendar.date(of: server.app.clock.now())
        let monthStart = try #require(LocalDate(year: today.year, month: today.month, day: 1))
        let current = try browser.send(.get, "/reports/cash-vs-cashless").text
        #expect(current.contains("id=\"from\" type=\"date\" name=\"from\" value=\"\(monthStart)\"") && current.contains("value=\"\(today)\""))
        let reversed = try browser.send(.get, "/reports/cash-vs-cashless?from=2026-11-30&to=2026-11-01")
        #expect(reversed.status == .unprocessableContent && reversed.text.contains("id=\"report-problem\""))
    }
}
