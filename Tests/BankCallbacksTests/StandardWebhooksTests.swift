import Foundation
import Testing
@testable import BankCallbacks

/// Vectors produced with the official `standardwebhooks` 1.1.0 package from PyPI
/// (`Webhook(secret).sign(msg_id, timestamp, body)`, each header checked again with its `verify`
/// at the signing time), in a throwaway script outside the repository.
enum StandardWebhooksVector {
    static let secret1 = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="  // bytes 1…32
    static let secret2 = "whsec_ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q="  // bytes 101…132
    static let id = "msg_2Qh8K3vXb7fN1cLpZ9eR4tYw"
    static let timestamp: Int64 = 1_795_313_700  // 2026-11-22T09:15:00+07:00
    static let now = Date(timeIntervalSince1970: TimeInterval(timestamp))
    static let signature1 = "v1,GzAjpkbOinXr2V8xPcisl0RjSy/o15MczK/5xCLk5AE="
    static let signature2 = "v1,mIcIMYWPzMRx7cFK874zLUduII/mIDpRWV1pYy/KMhI="
    static let body = #"{"id":"FT26326812345678","account":"0071000123456","amount":75000,"currency":"VND","bookedAt":"2026-11-22T09:15:00+07:00","description":"MBVCB.1234567.HS00001234 nop phi/Nguyễn Văn Á","counterpartyName":"NGUYEN VAN A","counterpartyAccount":"0123456789","counterpartyBankBin":"970415"}"#

    static func request(signature: String = signature1, timestamp: String = String(timestamp), body: String = body) -> CallbackRequest {
        BankCallbacksTests.request([("webhook-id", id), ("webhook-timestamp", timestamp), ("webhook-signature", signature),
                                    ("Content-Type", "application/json")], body)
    }
}

@Suite("standard-webhooks")
struct StandardWebhooksTests {
    typealias V = StandardWebhooksVector
    let scheme = CallbackScheme.standardWebhooks

    @Test func goldenVectorVerifiesIntoANotice() throws {
        let verified = try scheme.verify(V.request(), secrets: [V.secret1], now: V.now)
        #expect(verified.deliveryID == V.id)
        #expect(verified.signedAt == V.now)
        #expect(verified.secretIndex == 0)
        #expect(verified.isTest == false)
        #expect(verified.ack == CallbackAck(status: 200, contentType: "application/json", body: Array(#"{"success":true}"#.utf8)))
        #expect(verified.notice == CreditNotice(
            providerTransactionID: "FT26326812345678", direction: .credit, amount: 75_000, currency: "VND",
            accountNumber: "0071000123456", bookedAt: V.now, bookedAtText: "2026-11-22T09:15:00+07:00",
            memo: "MBVCB.1234567.HS00001234 nop phi/Nguyễn Văn Á", counterpartyName: "NGUYEN VAN A",
            counterpartyAccount: "0123456789", counterpartyBankBIN: "970415"))
    }

    @Test func signingReproducesTheReferenceLibrary() throws {
        let signed = try scheme.sign(body: Array(V.body.utf8), secret: V.secret1, now: V.now, deliveryID: V.id)
        #expect(signed.headers.map { "\($0.name): \($0.value)" } == [
            "webhook-id: \(V.id)", "webhook-timestamp: 1795313700", "webhook-signature: \(V.signature1)",
            "content-type: application/json",
        ])
        #expect(signed.body == Array(V.body.utf8))
    }

    /// The example of the Standard Webhooks specification (secret, id, timestamp, body and signature
    /// as published; also reproduced with the PyPI package). Its body is not a FeeDesk notice, so
    /// a passing signature shows as the first field error.
    @Test func specificationExample() throws {
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let now = Date(timeIntervalSince1970: 1_614_265_330)
        let signed = try scheme.sign(body: Array(#"{"test": 2432232314}"#.utf8), secret: secret, now: now, deliveryID: "msg_p5jXN8AQM9LWM0D4loKWxJek")
        #expect(signed.headers[2].value == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        let error = verifyError(scheme, signed.request, secrets: [secret], now: now)
        #expect(error?.description == "standard-webhooks: field 'id' is missing.")
        let withoutPrefix = verifyError(scheme, signed.request, secrets: ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], now: now)
        #expect(withoutPrefix?.reason == .missingField)
    }

    @Test func anyRotatedSecretAndAnyListedSignatureMayVerify() throws {
        let onlySecond = try scheme.verify(V.request(signature: V.signature2), secrets: [V.secret1, V.secret2], now: V.now)
        #expect(onlySecond.secretIndex == 1)
        let both = try scheme.verify(V.request(signature: "v1,AAAA \(V.signature1)  v2,zzz \(V.signature2)"),
                                     secrets: [V.secret2], now: V.now)
        #expect(both.secretIndex == 0)
        let envStyle = try scheme.verify(V.request(), secrets: ["\(V.secret2) \(V.secret1)"], now: V.now)
        #expect(envStyle.secretIndex == 1)
        let unpadded = try scheme.verify(V.request(), secrets: [String(V.secret1.dropLast())], now: V.now)
        #expect(unpadded.secretIndex == 0)
    }

    @Test(arguments: [0, 1, 40, 120, 230, 259])
    func aFlippedBodyByteIsRefused(at index: Int) {
        let error = verifyError(scheme, flippingByte(V.request(), at: index), secrets: [V.secret1], now: V.now)
        #expect(error?.reason == .badSignature)
        #expect(error?.httpStatus == 401)
        #expect(error?.description == "standard-webhooks: no v1 signature in header 'webhook-signature' matches the body under any of the 1 configured secret(s).")
    }

    @Test func aWrongSecretIsRefused() {
        let error = verifyError(scheme, V.request(), secrets: [V.secret2], now: V.now)
        #expect(error?.reason == .badSignature)
    }

    @Test(arguments: [
        (-300, nil as String?),
        (300, nil),
        (301, "standard-webhooks: header 'webhook-timestamp' timestamp 1795313700 is 301 s in the past (tolerance 300 s)."),
        (-301, "standard-webhooks: header 'webhook-timestamp' timestamp 1795313700 is 301 s in the future (tolerance 300 s)."),
        (86_400, "standard-webhooks: header 'webhook-timestamp' timestamp 1795313700 is 86400 s in the past (tolerance 300 s)."),
    ])
    func timestampWindow(clockOffset: Int, expected: String?) {
        let now = V.now.addingTimeInterval(TimeInterval(clockOffset))
        #expect(verifyError(scheme, V.request(), secrets: [V.secret1], now: now)?.description == expected)
    }

    @Test(arguments: [
        ("webhook-id", nil as String?, "standard-webhooks: header 'webhook-id' is missing."),
        ("webhook-id", "msg 1", "standard-webhooks: header 'webhook-id' value 'msg 1' is not 1 to 255 visible ASCII characters."),
        ("webhook-timestamp", nil, "standard-webhooks: header 'webhook-timestamp' is missing."),
        ("webhook-timestamp", "1795313700.5", "standard-webhooks: header 'webhook-timestamp' value '1795313700.5' is not Unix time in whole seconds."),
        ("webhook-timestamp", "-5", "standard-webhooks: header 'webhook-timestamp' value '-5' is not Unix time in whole seconds."),
        ("webhook-timestamp", "2026-11-22T02:15:00Z", "standard-webhooks: header 'webhook-timestamp' value '2026-11-22T02:15:00Z' is not Unix time in whole seconds."),
        ("webhook-signature", nil, "standard-webhooks: header 'webhook-signature' is missing."),
        ("webhook-signature", "", "standard-webhooks: header 'webhook-signature' is missing."),
        ("webhook-signature", "v2,GzAjpkbOinXr2V8xPcisl0RjSy/o15MczK/5xCLk5AE=", "standard-webhooks: header 'webhook-signature' has no v1 entry."),
        ("webhook-signature", "GzAjpkbOinXr2V8xPcisl0RjSy/o15MczK/5xCLk5AE=", "standard-webhooks: header 'webhook-signature' has no v1 entry."),
        ("webhook-signature", "v1,not*base64", "standard-webhooks: header 'webhook-signature' has no v1 entry in valid base64."),
    ])
    func headerProblems(header: String, value: String?, expected: String) {
        let error = verifyError(scheme, replacingHeader(V.request(), header, with: value), secrets: [V.secret1], now: V.now)
        #expect(error?.description == expected)
        #expect(error?.httpStatus == 401)
    }

    @Test func headerNamesAreCaseInsensitiveAndRepeatsMustAgree() throws {
        let shouting = request([("WEBHOOK-ID", V.id), ("Webhook-Timestamp", "1795313700"), ("Webhook-Signature", V.signature1)], V.body)
        #expect(try scheme.verify(shouting, secrets: [V.secret1], now: V.now).deliveryID == V.id)
        let repeated = CallbackRequest(headers: V.request().headers + [(name: "webhook-timestamp", value: "1795313701")], body: V.request().body)
        #expect(verifyError(scheme, repeated, secrets: [V.secret1], now: V.now)?.description
            == "standard-webhooks: header 'webhook-timestamp' appears 2 times with different values.")
        let sameTwice = CallbackRequest(headers: V.request().headers + [(name: "webhook-id", value: V.id)], body: V.request().body)
        #expect(verifyError(scheme, sameTwice, secrets: [V.secret1], now: V.now) == nil)
    }

    @Test(arguments: [
        ([] as [String], "standard-webhooks: no secret is configured for this partner, so every callback is refused.", 503),
        (["", "  "], "standard-webhooks: no secret is configured for this partner, so every callback is refused.", 503),
        (["whsec_not-base64!"], "standard-webhooks: configured secret #1 is not 'whsec_' followed by standard base64.", 503),
        (["whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQV"], "standard-webhooks: configured secret #1 decodes to 21 bytes; at least 24 are required.", 503),
        ([StandardWebhooksVector.secret1, "whsec_-_-_"], "standard-webhooks: configured secret #2 is not 'whsec_' followed by standard base64.", 503),
    ])
    func secretProblems(secrets: [String], expected: String, status: Int) {
        let error = verifyError(scheme, V.request(), secrets: secrets, now: V.now)
        #expect(error?.description == expected)
        #expect(error?.httpStatus == status)
        #expect(error.map { !$0.description.contains("AQIDBAUG") } == true)
    }

    /// The worked example of the integration guide, signed with `openssl dgst -sha256 -mac HMAC
    /// -macopt hexkey:0102…20 -binary | base64` and, identically, by the PyPI reference package.
    @Test func integrationGuideExample() throws {
        let body = #"{"id":"FT26326812345678","account":"0071000123456","amount":75000,"currency":"VND","bookedAt":"2026-11-22T09:15:00+07:00","description":"MBVCB.3278907687.HS00001234 nop phi chung thuc.CT tu 0123456789 NGUYEN VAN A","counterpartyName":"NGUYEN VAN A","counterpartyAccount":"0123456789","counterpartyBankBin":"970415"}"#
        let incoming = request([("webhook-id", V.id), ("webhook-timestamp", "1795313700"),
                                ("webhook-signature", "v1,KqK6hKhv5hs7KjIdjC+57M5fBtqMD0WkaXP1OKkcfL0="),
                                ("content-type", "application/json")], body)
        let verified = try scheme.verify(incoming, secrets: [V.secret1], now: V.now.addingTimeInterval(42))
        #expect(verified.notice.memo == "MBVCB.3278907687.HS00001234 nop phi chung thuc.CT tu 0123456789 NGUYEN VAN A")
        #expect(String(decoding: verified.ack.body, as: UTF8.self) == #"{"success":true}"#)
    }

    @Test func generatedSecretsAreUsable() throws {
        let secret = try StandardWebhooksSecret.generate()
        #expect(secret.hasPrefix("whsec_"))
        let signed = try scheme.sign(body: Array(V.body.utf8), secret: secret, now: V.now)
        #expect(signed.headers[0].value.hasPrefix("msg_"))
        #expect(try scheme.verify(signed.request, secrets: [secret], now: V.now).notice.amount == 75_000)
    }
}
