@testable import FeeDeskApp
import FeeDeskHTTP
import Foundation
import Testing

@Suite(.serialized) struct ServerAuthTests {
    /// Every staff route refuses anonymous calls (401) and wrong roles (403); only /healthz and the
    /// partner callback route are reachable without staff credentials.
    @Test func everyStaffRouteRefusesAnonymousAndWrongRoles() throws {
        let server = try ServerFixture()
        let context = server.server.context
        var staffRoutes = 0
        for route in FeeDeskServer.routes(context) {
            let path = route.pattern.replacingOccurrences(of: "{code}", with: "000.06.16.G09-261116-0002")
                .replacingOccurrences(of: "{partner}", with: "bank")
            switch route.access {
            case .open:
                #expect(route.pattern == "/healthz")
            case .partner:
                #expect(route.pattern == "/api/v1/callbacks/{partner}")
                #expect(try server.request(route.method.rawValue, path, body: []).status == 401)
            case let .staff(roles):
                staffRoutes += 1
                let anonymous = try server.request(route.method.rawValue, path, body: route.method == .post ? [] : nil)
                #expect(anonymous.status == 401, "\(route.method) \(route.pattern)")
                #expect(anonymous.headers["www-authenticate"] == "Bearer realm=\"feedesk\"")
                let bogus = try server.request(route.method.rawValue, path, headers: [("Authorization", "Bearer fdk_forged")],
                                               body: route.method == .post ? [] : nil)
                #expect(bogus.status == 401)
                for role in StaffRole.allCases where role != .admin && !roles.contains(role) {
                    let answer = try server.request(route.method.rawValue, path, role: role, body: route.method == .post ? [] : nil)
                    #expect(answer.status == 403, "\(role) on \(route.method) \(route.pattern)")
                }
            }
        }
        #expect(staffRoutes >= 8)
    }

    @Test func healthzIsOpenAndChecksTheDatabase() throws {
        let server = try ServerFixture()
        let answer = try server.request("GET", "/healthz")
        #expect(answer.status == 200)
        #expect(try answer.json()["status"] as? String == "ok")
        #expect(answer.headers["x-content-type-options"] == "nosniff")
    }

    @Test func staffCanWorkThroughTheAPI() throws {
        let server = try ServerFixture()
        let created = try server.request("POST", "/api/v1/dossiers", role: .desk,
                                         body: Array(#"{"code":"000.06.16.G09-261122-0001","procedure":"XD.GPXD.NHA","applicant":"Lê Văn Tám"}"#.utf8))
        #expect(created.status == 201)
        #expect(try created.json()["reference"] as? String != nil)
        let svg = try server.request("GET", "/api/v1/dossiers/000.06.16.G09-261122-0001/qr.svg", role: .desk)
        #expect(svg.status == 200 && svg.text.contains("<path"))
        let png = try server.request("GET", "/api/v1/dossiers/000.06.16.G09-261122-0001/qr.png", role: .admin)
        #expect(png.status == 200 && png.headers["content-type"] == "image/png")
        let cash = try server.request("POST", "/api/v1/cash-payments", role: .desk,
                                      body: Array(#"{"dossier":"000.06.16.G09-261122-0001","amount":75000,"receipt":"R-900"}"#.utf8))
        #expect(cash.status == 201)
        #expect(try cash.json()["status"] as? String == "paid")
        let again = try server.request("POST", "/api/v1/cash-payments", role: .desk,
                                       body: Array(#"{"dossier":"000.06.16.G09-261122-0001","amount":1000,"receipt":"R-901"}"#.utf8))
        #expect(again.status == 409)
        #expect(try again.json()["code"] as? String == "conflict")
        let bad = try server.request("POST", "/api/v1/dossiers", role: .desk, body: Array("{not json".utf8))
        #expect(bad.status == 400)
        #expect(try bad.json()["error"] as? String == "the body is not valid JSON.")
        let missing = try server.request("GET", "/api/v1/dossiers/NOPE", role: .accountant)
        #expect(missing.status == 404)
        let metrics = try server.request("GET", "/metrics", role: .accountant)
        #expect(metrics.text.contains("feedesk_http_requests_total{method=\"POST\",route=\"/api/v1/dossiers\",status=\"201\"} 1"))
    }

    @Test func statementUploadReusesTheImport() throws {
        let server = try ServerFixture()
        let data = try AppFixture.sample("vietcombank-2026-11-19.sta")
        let first = try server.request("POST", "/api/v1/statements?name=vcb.sta", role: .accountant, body: Array(data))
        #expect(first.status == 201)
        #expect((try first.json()["outcomes"] as? [String: Int])?["matched"] == 4)
        let again = try server.request("POST", "/api/v1/statements?name=vcb.sta", role: .accountant, body: Array(data))
        #expect(again.status == 200)
        #expect(try again.json()["alreadyImported"] as? Bool == true)
        let desk = try server.request("POST", "/api/v1/statements", role: .desk, body: Array(data))
        #expect(desk.status == 403)
        let garbage = try server.request("POST", "/api/v1/statements?name=x.bin", role: .accountant, body: [0, 1, 2, 3, 0, 0])
        #expect(garbage.status == 422)
        #expect(try garbage.json()["error"] as? String == "x.bin: binary data, not a bank statement.")
    }

    @Test func accountantsWorkTheQueueAndTheDayThroughTheAPI() throws {
        let server = try ServerFixture()
        for (name, profile) in [(StatementImportTests.csv, "vietcombank"), (StatementImportTests.mt940, "generic")] {
            let answer = try server.request("POST", "/api/v1/statements?name=\(name)&profile=\(profile)", role: .accountant,
                                            body: Array(try AppFixture.sample(name)))
            #expect(answer.status == 201, "\(answer.text)")
        }
        let queue = try JSONSerialization.jsonObject(with: try server.request("GET", "/api/v1/review", role: .accountant).body) as? [[String: Any]]
        let typo = try #require(queue?.first { ($0["memo"] as? String)?.contains("HS00001557") == true })
        let credit = try #require(typo["credit"] as? Int)
        let assigned = try server.request("POST", "/api/v1/credits/\(credit)/assign", role: .accountant,
                                          body: Array(#"{"dossier":"000.06.16.G09-261117-0005","reason":"typo"}"#.utf8))
        #expect(assigned.status == 200)
        #expect(try assigned.json()["outcome"] as? String == "matched")
        let noReason = try server.request("POST", "/api/v1/credits/\(credit)/ignore", role: .accountant, body: Array(#"{"reason":""}"#.utf8))
        #expect(noReason.status == 422)
        let day = try server.request("GET", "/api/v1/days/2026-11-19/reconciliation", role: .accountant)
        #expect(try day.json()["balanceOk"] as? Bool == true)
        let closed = try server.request("POST", "/api/v1/days/2026-11-19/close", role: .accountant)
        #expect(closed.status == 200)
        #expect(try closed.json()["closed"] as? Bool == true)
        let refused = try server.request("POST", "/api/v1/days/2026-11-16/close", role: .accountant)
        #expect(refused.status == 409)
        #expect(try server.request("POST", "/api/v1/days/2026-11-18/close", role: .desk).status == 403)
    }
}
