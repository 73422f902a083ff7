@testable import FeeDeskApp
import Foundation
import Testing

@Suite(.serialized) struct ReportEndpointTests {
    static let path = "/api/v1/reports/cash-vs-cashless"

    @Test func accountantsGetTheReportInEveryFormat() throws {
        let server = try ServerFixture()
        let json = try server.request("GET", Self.path + "?from=2026-11-01&to=2026-11-30&by=field", role: .accountant)
        #expect(json.status == 200)
        let object = try json.json()
        #expect(object["from"] as? String == "2026-11-01" && object["to"] as? String == "2026-11-30" && object["by"] as? String == "field")
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["totalAmount"] as? Int == 1_510_000 && totals["cashCount"] as? Int == 17)
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.compactMap { $0["totalAmount"] as? Int }.reduce(0, +) == 1_510_000)
        let csv = try server.request("GET", Self.path + "?from=2026-11-01&to=2026-11-30&format=csv", role: .admin)
        #expect(csv.status == 200 && csv.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(Array(csv.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.headers["content-disposition"] == "attachment; filename=\"cash-vs-cashless-2026-11-01-2026-11-30.csv\"")
        let html = try server.request("GET", Self.path + "?from=2026-11-01&to=2026-11-30&format=html", role: .accountant)
        #expect(html.status == 200 && html.text.contains("Kế toán trưởng"))
    }

    @Test func badRequestsAreRefusedWithOneSentence() throws {
        let server = try ServerFixture()
        #expect(try server.request("GET", Self.path + "?from=2026-11-01&to=2026-11-30", role: .desk).status == 403)
        #expect(try server.request("GET", Self.path + "?from=2026-11-01&to=2026-11-30").status == 401)
        try Self.expectRefusals(server, Self.path, Self.periodRefusals
            + [("?from=2026-11-01&to=2026-11-30&by=week", 422, "by: grouping 'week' is not one of kind, field, procedure, desk, day, month.")])
        #expect(try server.request("GET", Self.path + "?from=2016-01-01&to=2026-11-30&force=true", role: .accountant).status == 200)
    }

    /// Refusals of a report's period and format, shared by every report route: query, status, sentence.
    static let periodRefusals: [(String, Int, String)] = [
        ("?to=2026-11-30", 400, "The query parameter 'from' (YYYY-MM-DD) is missing."),
        ("?from=2026-11-31&to=2026-12-01", 422, "from: date '2026-11-31' is not a real calendar day."),
        ("?from=2026-12-01&to=2026-11-01", 422, "The start date 2026-12-01 is after the end date 2026-11-01."),
        ("?from=2026-11-01&to=2026-11-30&format=pdf", 400, "Format 'pdf' is not one of text, csv, json, html."),
        ("?from=2016-01-01&to=2026-11-30", 422,
         "The period 2016-01-01 to 2026-11-30 is longer than 5 years; ask for it explicitly with --force (force=true over HTTP)."),
    ]

    /// Expects each query of `cases` on `path` to be refused (as an accountant) with its status and sentence.
    static func expectRefusals(_ server: ServerFixture, _ path: String, _ cases: [(String, Int, String)]) throws {
        for (query, status, message) in cases {
            let answer = try server.request("GET", path + query, role: .accountant)
            #expect(answer.status == status, "\(query)")
            #expect((try answer.json()["error"] as? String)?.lowercased() == message.lowercased(), "\(query)")
        }
    }
}
