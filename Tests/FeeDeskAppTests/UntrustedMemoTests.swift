@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskHTTP
import Foundation
import Testing

/// Memos come from banks and are untrusted (README "Security review"): a memo holding `<script>` or a
/// spreadsheet formula is stored and shown as the text it is, and never runs in a page or a spreadsheet.
@Suite struct UntrustedMemoTests {
    static let scriptMemo = "<script>alert(1)</script> <img src=x onerror=alert(2)> nop phi"
    static let formulaMemo = #"=HYPERLINK("http://evil.example/?x=1","Bấm vào đây")"#
    static let statement = """
        \u{FEFF}NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM,,,,,,
        Số tài khoản: 0071000123456,,,,,,
        "Số dư đầu kỳ: 1,000,000",,,,,,
        STT,Ngày GD/ TNX Date,Số CT/ Doc No,Số tiền ghi nợ/ Debit,Số tiền ghi có/ Credit,Số dư/ Balance,Nội dung chi tiết/ Transactions in detail
        1,21/11/2026 10:05:00,5301.261121,,"50,000","1,050,000","\(scriptMemo)"
        2,21/11/2026 10:06:00,5302.261121,,"30,000","1,080,000","=HYPERLINK(""http://evil.example/?x=1"",""Bấm vào đây"")"
        "Số dư cuối kỳ: 1,080,000",,,,,,

        """

    static func imported() throws -> WebFixture {
        let server = try WebFixture()
        let upload = StatementUpload(data: Data(statement.utf8), fileName: "hostile.csv", profile: "vietcombank")
        let report = try server.app.importStatement(upload, by: "test")
        #expect(report.credits == 2 && report.creditTotal == 80_000)
        return server
    }

    @Test func theQueueKeepsTheMemosAsTextAndTheJSONIsNotSniffedAsHTML() throws {
        let server = try Self.imported()
        let accountant = try FakeBrowser(server)
        try accountant.signIn("user-accountant", WebFixture.password)
        let answer = try accountant.api(.get, "/api/v1/review?date=2026-11-21")
        #expect(answer.status == .ok)
        #expect(answer.headers["Content-Type"]?.hasPrefix("application/json") == true)
        // The real server adds these to every answer: no sniffing JSON as HTML, no inline script.
        #expect(FeeDeskServer.securityHeaders["X-Content-Type-Options"] == "nosniff")
        #expect(FeeDeskServer.securityHeaders["Content-Security-Policy"]?.contains("script-src 'self';") == true)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(answer.body)) as? [[String: Any]])
        #expect(Set(items.compactMap { $0["memo"] as? String }) == [Self.scriptMemo, Self.formulaMemo])
        // The page is a shell: the memos are not in it; its script places them with textContent only.
        let page = try accountant.send(.get, "/review?date=2026-11-21").text
        #expect(!page.contains("alert(") && !page.contains("HYPERLINK"))
        #expect(page.contains(#"<a id="queue-csv" class="button-link" href="/api/v1/review?format=csv&amp;date=2026-11-21" download>Tải CSV</a>"#))
        #expect(!WebAssets.review.contains("innerHTML") && !WebAssets.reviewWords.contains("innerHTML"))
    }

    @Test func theCSVExportNeutralisesFormulasAndKeepsTheText() throws {
        let server = try Self.imported()
        let accountant = try FakeBrowser(server)
        try accountant.signIn("user-accountant", WebFixture.password)
        let answer = try accountant.api(.get, "/api/v1/review?format=csv&date=2026-11-21")
        #expect(answer.status == .ok)
        #expect(answer.headers["Content-Type"] == "text/csv; charset=utf-8")
        #expect(answer.headers["Content-Disposition"] == "attachment; filename=\"review-queue.csv\"")
        #expect(Array(answer.body.prefix(3)) == CSVWriter.byteOrderMark)
        let text = String(decoding: answer.body.dropFirst(3), as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("Khoản có / credit,Tài khoản / account,"))
        #expect(text.contains(#","'=HYPERLINK(""http://evil.example/?x=1"",""Bấm vào đây"")","#))
        #expect(text.contains("," + Self.scriptMemo + ","))
        // No cell of any row starts with a formula character once unquoted.
        for row in rows {
            for cell in row.split(separator: ",", omittingEmptySubsequences: false) {
                let unquoted = cell.hasPrefix("\"") ? cell.dropFirst() : cell
                #expect(!["=", "+", "@"].contains(unquoted.first.map(String.init) ?? ""), "\(row)")
            }
        }
        #expect(try accountant.api(.get, "/api/v1/review?format=xml").status == .badRequest)
        let anonymous = try FakeBrowser(server)
        #expect(try anonymous.api(.get, "/api/v1/review?format=csv").status == .unauthorized)
    }
}
