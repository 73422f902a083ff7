@testable import FeeDeskApp
import FeeDeskCore
import Foundation
import Testing

/// `GET /api/v1/reports/daily`: who may read it, its formats, the refusals, and a callback whose amount
/// disagrees with its statement line.
@Suite(.serialized) struct DailyReportEndpointTests {
    static let path = "/api/v1/reports/daily"

    @Test func anonymousIs401DeskIs403AccountantAndAdminGetEveryFormat() throws {
        let server = try ServerFixture()
        _ = try server.app.importStatement(StatementImportTests.upload(StatementImportTests.csv), by: "test")
        let query = "?account=main&date=2026-11-16"
        #expect(try server.request("GET", Self.path + query).status == 401)
        #expect(try server.request("GET", Self.path + query, role: .desk).status == 403)
        let json = try server.request("GET", Self.path + query, role: .accountant)
        #expect(json.status == 200 && json.headers["content-type"] == "application/json; charset=utf-8")
        let object = try json.json()
        let expected = try server.app.dailyReport(date: LocalDate(parsing: "2026-11-16"))
        #expect(object["creditTotal"] as? Int == Int(expected.credits.amount.dong) && object["account"] as? String == "main")
        #expect((object["cash"] as? [String: Any])?["amount"] as? Int == Int(expected.cash.amount.dong))
        let csv = try server.request("GET", Self.path + query + "&format=csv", role: .admin)
        #expect(csv.status == 200 && csv.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(Array(csv.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.headers["content-disposition"] == "attachment; filename=\"daily-main-2026-11-16.csv\"")
        let html = try server.request("GET", Self.path + "?date=2026-11-16&format=html", role: .accountant)
        #expect(html.status == 200 && html.text.contains("Người lập biểu") && html.text.contains("Kế toán trưởng"))
        #expect(html.headers["content-security-policy"] == ReportPage.contentSecurityPolicy)
        let text = try server.request("GET", Self.path + query + "&format=text", role: .accountant)
        #expect(text.status == 200 && text.text.contains("BÁO CÁO ĐỐI SOÁT THU PHÍ, LỆ PHÍ NGÀY 16/11/2026"))
        // The cash-vs-cashless HTML gets the same policy, so a browser shows it styled.
        let cashless = try server.request("GET", "/api/v1/reports/cash-vs-cashless?from=2026-11-01&to=2026-11-30&format=html", role: .accountant)
        #expect(cashless.headers["content-security-policy"] == ReportPage.contentSecurityPolicy)
    }

    @Test func badRequestsAreRefusedWithOneSentence() throws {
        let server = try ServerFixture()
        let cases: [(String, Int, String)] = [
            ("", 400, "the query parameter 'date' (YYYY-MM-DD) is missing."),
            ("?date=2026-11-31", 422, "date: date '2026-11-31' is not a real calendar day."),
            ("?date=16/11/2026", 422, "date: date '16/11/2026' is not of the form YYYY-MM-DD."),
            ("?date=2026-11-16&account=other", 400, "account: 'other' is not a configured collection account."),
            ("?date=2026-11-16&format=pdf", 400, "format 'pdf' is not one of text, csv, json, html."),
        ]
        for (query, status, message) in cases {
            let answer = try server.request("GET", Self.path + query, role: .accountant)
            #expect(answer.status == status, "\(query)")
            let error = try answer.json()["error"] as? String
            #expect(error == message, "\(query): \(error ?? "nil")")
        }
    }

    /// The bank's callback says 15.000 ₫ for a transaction the statement books as 13.000 ₫: one credit
    /// (the statement's, confirmed by the callback, the statement's amount counted), and the report
    /// lists the disagreement.
    @Test func aCallbackThatDisagreesWithItsStatementLineIsListed() throws {
        let server = try ServerFixture()
        _ = try server.app.importStatement(StatementImportTests.upload(StatementImportTests.mt940, profile: nil), by: "test")
        let body = #"{"id":"FT26323000001","account":"0071000123456","amount":15000,"currency":"VND","bookedAt":"2026-11-19T10:00:00+07:00","description":"HS00002429 nop phi xay dung"}"#
        let delivery = try ServerFixture.signedBank(body)
        #expect(try server.request("POST", "/api/v1/callbacks/bank", headers: delivery.headers, body: delivery.body).status == 200)
        let report = try server.app.dailyReport(date: LocalDate(parsing: "2026-11-19"))
        #expect(report.callbackOnlyCredits.count == 0)
        #expect(report.credits.amount == report.statementCredits.amount && report.checks.outcomes)
        let disagreement = try #require(report.exceptions.first { $0.kind == "callback_mismatch" })
        #expect(disagreement.amount == Money(dong: 13_000))
        #expect(disagreement.detail.contains("báo có FT26323000001 khác dòng sao kê") && disagreement.detail.hasSuffix("(13.000 ₫)."))
        #expect(!report.exceptions.contains { $0.kind == "refund_due" && $0.credit == disagreement.credit })
        // The day view lists it too: it is one reconciliation.
        #expect(try server.app.reconcile(date: LocalDate(parsing: "2026-11-19")).exceptions.contains { $0.kind == "callback_mismatch" })
    }
}
