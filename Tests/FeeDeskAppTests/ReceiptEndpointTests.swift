@testable import FeeDeskApp
import Foundation
import Testing

@Suite(.serialized) struct ReceiptEndpointTests {
    static let path = "/api/v1/reports/receipts"

    @Test func accountantsGetTheRegisterAndOthersDoNot() throws {
        let server = try ServerFixture()
        #expect(try server.request("GET", Self.path + "?from=2026-11-01&to=2026-11-30").status == 401)
        #expect(try server.request("GET", Self.path + "?from=2026-11-01&to=2026-11-30", role: .desk).status == 403)
        let json = try server.request("GET", Self.path + "?from=2026-11-01&to=2026-11-30", role: .accountant)
        #expect(json.status == 200 && json.headers["content-type"] == "application/json; charset=utf-8")
        let lines = try #require(try JSONSerialization.jsonObject(with: json.body) as? [[String: Any]])
        #expect(lines.filter { $0["source"] as? String == "cash" }.count == 17)
        let csv = try server.request("GET", Self.path + "?from=2026-11-01&to=2026-11-30&format=csv", role: .admin)
        #expect(csv.status == 200 && csv.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(Array(csv.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.headers["content-disposition"] == "attachment; filename=\"receipts-2026-11-01-2026-11-30.csv\"")
        #expect(csv.text.split(separator: "\r\n").count == lines.count + 1)
        let html = try server.request("GET", Self.path + "?from=2026-11-01&to=2026-11-30&format=html", role: .accountant)
        #expect(html.status == 200 && html.text.contains("Kế toán trưởng"))
        #expect(html.headers["content-security-policy"]?.contains("style-src 'unsafe-inline'") == true)
    }

    /// Callbacks settling dossiers concurrently (group commit shares transactions) take consecutive numbers.
    @Test func concurrentCallbacksNumberWithoutGaps() throws {
        let server = try ServerFixture()
        let unpaid = try server.app.dossiers(status: .unpaid).filter { !$0.cancelled }
        #expect(unpaid.count >= 10)
        DispatchQueue.concurrentPerform(iterations: unpaid.count) { index in
            let dossier = unpaid[index]
            let notice = ServerFixture.notice(id: "FTR\(index)", amount: dossier.amountDue.dong, memo: "\(dossier.reference) nop phi")
            if let delivery = try? ServerFixture.signedBank(notice) {
                _ = try? server.request("POST", "/api/v1/callbacks/bank", headers: delivery.headers, body: delivery.body)
            }
        }
        #expect(try server.app.dossiers(status: .unpaid).filter { !$0.cancelled }.isEmpty)
        #expect(try ReceiptRegisterTests.violations(server.app) == [])
        let numbers = try server.app.database.read { connection in
            try connection.query("SELECT number FROM receipt WHERE allocation_id IS NOT NULL ORDER BY number") { $0.int64(0) }
        }
        #expect(numbers == Array(1...Int64(unpaid.count)))
    }

    @Test func badRequestsAreRefusedWithOneSentence() throws {
        let server = try ServerFixture()
        try ReportEndpointTests.expectRefusals(server, Self.path, ReportEndpointTests.periodRefusals)
        #expect(try server.request("GET", Self.path + "?from=2016-01-01&to=2026-11-30&force=true", role: .accountant).status == 200)
    }
}
