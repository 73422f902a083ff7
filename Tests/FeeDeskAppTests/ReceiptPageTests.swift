@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskHTTP
import Foundation
import Testing

/// `/reports/receipts`: who may open it, the table, the CSV link and a refused period.
@Suite struct ReceiptPageTests {
    @Test func accountantsSeeTheRegisterOthersDoNot() throws {
        let server = try WebFixture()
        _ = try server.app.loadDemo(by: "test")
        let anonymous = try FakeBrowser(server)
        #expect(try anonymous.send(.get, "/reports/receipts").status == .seeOther)
        let clerk = try FakeBrowser(server)
        try clerk.signIn("user-desk", WebFixture.password)
        #expect(try clerk.send(.get, "/reports/receipts?from=2026-11-01&to=2026-11-30").status == .forbidden)
        #expect(!(try clerk.send(.get, "/desk").text.contains("/reports/receipts")))
        let accountant = try FakeBrowser(server)
        try accountant.signIn("user-accountant", WebFixture.password)
        let page = try accountant.send(.get, "/reports/receipts?from=2026-11-01&to=2026-11-30")
        #expect(page.status == .ok)
        #expect(page.text.contains("<a href=\"/reports/receipts\" class=\"active\" aria-current=\"page\">Sổ biên lai</a>"))
        #expect(page.text.contains("17 biên lai đã lập"))
        #expect(page.text.contains("<td class=\"mono\">TM-26E</td><td class=\"mono\">0000017</td>"))
        #expect(page.text.contains("href=\"/api/v1/reports/receipts?from=2026-11-01&amp;to=2026-11-30&amp;format=csv\""))
        let csv = try accountant.send(.get, "/api/v1/reports/receipts?from=2026-11-01&to=2026-11-30&format=csv")
        #expect(csv.status == .ok && csv.text.contains("TM-26E,0000017"))
        let refused = try accountant.send(.get, "/reports/receipts?from=2026-11-30&to=2026-11-01")
        #expect(refused.status == .badRequest)
        #expect(refused.text.contains("the start date 2026-11-30 is after the end date 2026-11-01."))
        #expect(try accountant.send(.get, "/reports/receipts").status == .ok)
    }
}
