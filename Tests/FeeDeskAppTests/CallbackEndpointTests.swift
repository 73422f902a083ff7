@testable import FeeDeskApp
import BankCallbacks
import FeeDeskCore
import Foundation
import Synchronization
import Testing

@Suite(.serialized) struct CallbackEndpointTests {
    static let memo = "MBVCB.3278907687.HS00000295 nop phi.CT tu 0123456789 BUI THI HA"

    @Test func aGenuineCallbackIsStoredMatchedAndAcknowledgedOnce() throws {
        let server = try ServerFixture()
        let delivery = try ServerFixture.signedBank(ServerFixture.notice(id: "FT1", amount: 6_000, memo: Self.memo))
        let first = try server.request("POST", "/api/v1/callbacks/bank", headers: delivery.headers, body: delivery.body)
        #expect(first.status == 200)
        #expect(first.text == #"{"success":true}"#)
        #expect(try server.app.dossier(code: "000.06.16.G09-261116-0002").status == .paid)
        let stored = try server.counts()
        let again = try server.request("POST", "/api/v1/callbacks/bank", headers: delivery.headers, body: delivery.body)
        #expect(again.status == 200 && again.text == first.text)
        #expect(try server.counts() == stored)
        // The bank re-sends the same transaction under a new delivery id: same answer, nothing new.
        let resent = try ServerFixture.signedBank(ServerFixture.notice(id: "FT1", amount: 6_000, memo: Self.memo), id: "msg_other")
        #expect(try server.request("POST", "/api/v1/callbacks/bank", headers: resent.headers, body: resent.body).status == 200)
        #expect(try server.counts() == stored)
        let raw = try server.app.database.read { connection in
            try connection.queryOne("SELECT headers, length(body), kind FROM callback") { ($0.text(0) ?? "", $0.int64(1), $0.text(2)) }
        }
        #expect(raw?.0.contains("webhook-signature") == true)
        #expect(raw?.1 == Int64(delivery.body.count))
        #expect(raw?.2 == "credit")
    }

    /// Forged, stale, replayed, oversized and misdirected deliveries are refused and store nothing.
    @Test func refusalsStoreNothing() throws {
        let server = try ServerFixture()
        let body = ServerFixture.notice(id: "FT2", amount: 6_000, memo: Self.memo)
        let good = try ServerFixture.signedBank(body)
        var flipped = good.body
        flipped[flipped.count / 2] ^= 0x01
        let otherSecret = "whsec_" + Data((0..<32).map { UInt8($0 + 100) }).base64EncodedString()
        let wrongSecret = try ServerFixture.signedBank(body, secret: otherSecret)
        let stale = try ServerFixture.signedBank(body, at: Date().addingTimeInterval(-301))
        // 330 s, not 301: on a loaded machine a second or more may pass before it is sent, bringing it inside the window.
        let future = try ServerFixture.signedBank(body, at: Date().addingTimeInterval(330))
        // A captured delivery replayed under a new id: the id is signed, so the signature no longer holds.
        let replayed = good.headers.map { $0.0.lowercased() == "webhook-id" ? ($0.0, "msg_replayed") : $0 }
        let usd = try ServerFixture.signedBank(ServerFixture.notice(id: "FT3", amount: 6_000, memo: Self.memo, currency: "USD"))
        let otherAccount = try ServerFixture.signedBank(ServerFixture.notice(id: "FT4", amount: 6_000, memo: Self.memo, account: "999"))
        let malformed = try ServerFixture.signedBank(#"{"id":"FT5","amount":"#)
        let huge = try ServerFixture.signedBank(ServerFixture.notice(id: "FT6", amount: 1, memo: String(repeating: "x", count: 300_000)))
        let before = try server.counts()
        let cases: [(String, [(String, String)], [UInt8], Int)] = [
            ("flipped byte", good.headers, flipped, 401), ("wrong secret", wrongSecret.headers, wrongSecret.body, 401),
            ("stale", stale.headers, stale.body, 401), ("future", future.headers, future.body, 401),
            ("replayed id", replayed, good.body, 401), ("no signature", [], good.body, 401),
            ("wrong currency", usd.headers, usd.body, 422), ("other account", otherAccount.headers, otherAccount.body, 422),
            ("malformed JSON", malformed.headers, malformed.body, 400), ("oversized", huge.headers, huge.body, 413),
        ]
        for (name, headers, payload, status) in cases {
            let answer = try server.request("POST", "/api/v1/callbacks/bank", headers: headers, body: payload)
            #expect(answer.status == status, "\(name): \(answer.text)")
        }
        #expect(try server.request("POST", "/api/v1/callbacks/nobody", headers: good.headers, body: good.body).status == 404)
        let noSecret = try server.request("POST", "/api/v1/callbacks/sepay", headers: good.headers, body: good.body)
        #expect(noSecret.status == 503)
        #expect(noSecret.headers["retry-after"] == "5")
        #expect(try server.counts() == before)
        #expect(server.logLines.all.contains { $0.contains("callback refused: partner=bank status=401 reason=bad_signature") })
        let metrics = try server.request("GET", "/metrics", role: .admin).text
        #expect(metrics.contains(#"feedesk_callbacks_total{partner="bank",result="bad_signature"}"#))
    }

    /// A second secret (rotation) verifies too.
    @Test func rotatedSecretsBothVerify() throws {
        let next = "whsec_" + Data((0..<32).map { UInt8($0 + 50) }).base64EncodedString()
        let server = try ServerFixture(environment: ["FEEDESK_SECRET_BANK": "\(ServerFixture.bankSecret) \(next)"])
        let delivery = try ServerFixture.signedBank(ServerFixture.notice(id: "FT7", amount: 6_000, memo: Self.memo), secret: next)
        #expect(try server.request("POST", "/api/v1/callbacks/bank", headers: delivery.headers, body: delivery.body).status == 200)
    }

    /// 100 concurrent deliveries of one callback create one credit; all get the same 2xx.
    @Test func concurrentDuplicatesCreateOneCredit() throws {
        let server = try ServerFixture()
        let delivery = try ServerFixture.signedBank(ServerFixture.notice(id: "FT8", amount: 6_000, memo: Self.memo))
        let statuses = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 100) { _ in
            let status = (try? server.request("POST", "/api/v1/callbacks/bank", headers: delivery.headers, body: delivery.body))?.status ?? -1
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 }.allSatisfy { $0 == 200 })
        let credits = try server.app.database.read { try $0.queryOne("SELECT COUNT(*) FROM credit WHERE provider_reference = 'FT8'") { $0.int64(0) } }
        #expect(credits == 1)
        #expect(try server.counts()["callback"] == 1)
        #expect(try server.app.dossier(code: "000.06.16.G09-261116-0002").paid == Money(dong: 6_000))
    }

    /// Many different callbacks at once all land, each exactly once, through group commit.
    @Test func concurrentDistinctCallbacksAllLand() throws {
        let server = try ServerFixture()
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            let delivery = try? ServerFixture.signedBank(ServerFixture.notice(id: "FTX\(index)", amount: 1_000 + Int64(index), memo: "chuyen tien \(index)"))
            if let delivery { _ = try? server.request("POST", "/api/v1/callbacks/bank", headers: delivery.headers, body: delivery.body) }
        }
        #expect(try server.counts()["callback"] == 200)
        let credits = try server.app.database.read { try $0.queryOne("SELECT COUNT(DISTINCT provider_reference) FROM credit WHERE source = 'callback'") { $0.int64(0) } }
        #expect(credits == 200)
        #expect(try server.app.verifyAudit().rows > 200)
    }

    /// Stopping the server under callback load: every 2xx is stored exactly once, everything else
    /// is a 503 to retry (or a refused connection), and a retry after a restart is answered 2xx.
    @Test func stopUnderLoadAnswersOrDropsCleanly() throws {
        let server = try ServerFixture()
        let statuses = Mutex<[String: Int]>([:])
        let group = DispatchGroup()
        for worker in 0..<8 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                for index in 0..<40 {
                    let id = "FTS\(worker)-\(index)"
                    guard let delivery = try? ServerFixture.signedBank(ServerFixture.notice(id: id, amount: 1_000, memo: "ung ho \(id)")) else { continue }
                    let status = (try? server.request("POST", "/api/v1/callbacks/bank", headers: delivery.headers, body: delivery.body))?.status ?? -1
                    statuses.withLock { $0[id] = status }
                    if status == -1 { return }
                }
            }
        }
        for _ in 0..<2_000 where statuses.withLock({ $0.count }) < 40 { usleep(1_000) }
        server.server.stop(grace: .milliseconds(50))
        group.wait()
        let answered = statuses.withLock { $0 }
        let stored = try server.app.database.read { connection in
            var ids: [String: Int64] = [:]
            try connection.forEach("SELECT provider_txn, COUNT(*) FROM callback GROUP BY provider_txn", []) { row in
                ids[row.text(0) ?? ""] = row.int64(1)
            }
            return ids
        }
        let acknowledged = answered.filter { $0.value == 200 }.map(\.key)
        #expect(acknowledged.count >= 40)
        for id in acknowledged { #expect(stored[id] == 1, "\(id) was answered 200") }
        #expect(stored.values.allSatisfy { $0 == 1 })
        #expect(answered.values.allSatisfy { [200, 503, -1].contains($0) }, "\(Set(answered.values))")
    }
}
