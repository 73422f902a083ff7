@testable import FeeDeskApp
import FeeDeskCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The remittance statement: collected − refunded − remitted = due per kind, to the đồng, in every format.
@Suite struct RemittanceReportTests {
    @Test func theStatementAddsUpAndListsEachRemittanceWithItsStatementLine() throws {
        let (_, app) = try ReviewTests.imported()
        let period = try ReportPeriod(from: LocalDate(parsing: "2026-11-16"), to: LocalDate(parsing: "2026-11-21"))
        let before = try app.remittanceReport(period)
        #expect(before.addsUp && before.remittances.isEmpty)
        let phi = try #require(before.kinds.first { $0.kind == .phi })
        #expect(phi.due.isPositive)
        _ = try app.recordRemittance(kind: .phi, amount: phi.due, date: period.to, reference: "KBNN-001", by: "t")
        _ = try app.recordRemittance(kind: .lePhi, amount: Money(dong: 100_000), date: period.to, reference: "KBNN-002", by: "t")
        // The bank's statement of the 21st shows the first transfer only.
        let opening: Int64 = 13_553_000
        let text = ":20:S21\r\n:25:0071000123456\r\n:28C:1/1\r\n:60F:C261120VND\(opening),\r\n"
            + ":61:2611211121D\(phi.due.dong),NTRFNONREF//FT210\r\n:86:Nop NSNN KBNN-001 phi\r\n"
            + ":62F:C261121VND\(opening - phi.due.dong),\r\n-"
        _ = try app.importStatement(StatementUpload(data: Data(text.utf8), fileName: "21.sta"), by: "t")

        let report = try app.remittanceReport(period)
        #expect(report.addsUp)
        #expect(report.remittances.map(\.reference) == ["KBNN-001", "KBNN-002"])
        #expect(report.remittances.map(\.onStatement) == [true, false])
        #expect(report.kinds.first { $0.kind == .phi }?.due == .zero)
        #expect(report.totals.remitted == phi.due + Money(dong: 100_000))
        #expect(report.totals.due == report.totals.collected - report.totals.refunded - report.totals.remitted)

        let csv = String(decoding: try report.rendered(.csv).dropFirst(3), as: UTF8.self)
        #expect(csv.contains("remittance,phi,,,,\(phi.due.dong),,2026-11-21,KBNN-001,yes\r\n"))
        #expect(csv.contains("remittance,le_phi,,,,100000,,2026-11-21,KBNN-002,no\r\n"))
        let html = String(decoding: try report.rendered(.html), as: UTF8.self)
        #expect(html.contains("Bảng kê thu, nộp phí và lệ phí vào ngân sách nhà nước") && html.contains("Kế toán trưởng"))
        #expect(html.contains("✓ Còn phải nộp = đã thu − đã hoàn trả − đã nộp"))
        #expect(html.contains("Chưa thấy trên sao kê"))
        #expect(XMLParser(data: Data(html.utf8)).parse())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try report.rendered(.json))) as? [String: Any])
        for key in ["unit", "from", "to", "kinds", "remittances", "totals", "generatedAt"] { #expect(json[key] != nil, "\(key)") }
        #expect(report.textTable.contains("Các lần nộp Kho bạc trong kỳ") && report.textTable.contains("KBNN-002"))
    }
}

@Suite struct RemittanceReportRouteTests {
    @Test func theReportsPageOffersItAndTheAPIServesItToAccountantsOnly() throws {
        let server = try WebFixture()
        _ = try server.app.loadDemo(by: "test")
        let accountant = try FakeBrowser(server)
        try accountant.signIn("user-accountant", WebFixture.password)
        let index = try accountant.send(.get, "/reports").text
        #expect(index.contains(#"<form id="remittance-form" class="filters" method="get" action="/api/v1/reports/remittance">"#))
        #expect(index.contains(#"<a id="link-receipts" href="/reports/receipts">Sổ biên lai</a>"#))
        let html = try accountant.api(.get, "/api/v1/reports/remittance?from=2026-11-01&to=2026-11-30&format=html")
        #expect(html.status == .ok && html.headers["Content-Security-Policy"] == ReportPage.contentSecurityPolicy)
        #expect(html.text.contains("Bảng kê thu, nộp phí và lệ phí vào ngân sách nhà nước"))
        let csv = try accountant.api(.get, "/api/v1/reports/remittance?from=2026-11-01&to=2026-11-30&format=csv")
        #expect(csv.headers["Content-Disposition"] == "attachment; filename=\"remittance-2026-11-01-2026-11-30.csv\"")
        #expect(try accountant.api(.get, "/api/v1/reports/remittance?from=2026-11-30&to=2026-11-01").status.rawValue / 100 == 4)
        #expect(try accountant.api(.get, "/api/v1/reports/remittance?from=2026-11-01").status == .badRequest)
        let clerk = try FakeBrowser(server)
        try clerk.signIn("user-desk", WebFixture.password)
        #expect(try clerk.api(.get, "/api/v1/reports/remittance?from=2026-11-01&to=2026-11-30").status == .forbidden)
        #expect(try FakeBrowser(server).api(.get, "/api/v1/reports/remittance?from=2026-11-01&to=2026-11-30").status == .unauthorized)
    }
}
