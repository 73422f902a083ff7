import Foundation
import Testing
@testable import BankCallbacks

/// Vectors: Casso's own documentation sample (developer.casso.vn webhook v2: body, checksum key,
/// `t=1727948258788` and signature as published, reproduced with PHP 8.2). The other signatures
/// were computed with Casso's documented samples run for real in a throwaway script: PHP 8.2
/// (`json_encode(sortObjDataByKey(json_decode($body, true)))`), Python 3 (`json.dumps(…,
/// separators=(',', ':'))`) and Node 20 (`JSON.stringify` of the recursively sorted object).
@Suite("casso-v2")
struct CassoTests {
    let scheme = CallbackScheme.cassoV2
    static let docsKey = "mgExMrjj4i7a1p8Cs6LmFbpCd8lbw4sSX4LZXPag7TKazeIogtR90tvWYTkwQbvs"
    static let docsBody = #"{"error":0,"data":{"id":0,"reference":"MA_GIAO_DICH_THU_NGHIEM","description":"giao dich thu nghiem","amount":599000,"runningBalance":25000000,"transactionDateTime":"2024-10-03 15:06:37","accountNumber":"88888888","bankName":"VPBank","bankAbbreviation":"VPB","virtualAccountNumber":"","virtualAccountName":"","counterAccountName":"NGUYEN VAN A","counterAccountNumber":"8888888888","counterAccountBankId":"970415","counterAccountBankName":"VietinBank"}}"#
    static let docsHeader = "t=1727948258788,v1=ed0a4bd2e826d5cb69988cdb141e6c1a080e21f3b57eb72cd78192220042b9e7dde0868fc667faea8e224900fa7904e7c88dfa098032fb2d6b6996856e8b7ff3"
    static let docsNow = Date(timeIntervalSince1970: 1_727_948_258.788)

    static let key = "casso-checksum-key-for-tests-2026"
    static let now = Date(timeIntervalSince1970: 1_795_396_500.123)
    static let body = #"{"error":0,"data":{"id":2317001,"reference":"FT26326812345678","description":"MBVCB.1234567.HS00001234 nop phi chung thuc/ban sao. Nguyễn Văn Á","amount":75000,"runningBalance":12075000,"transactionDateTime":"2026-11-22 09:15:00","accountNumber":"0071000123456","bankName":"Vietcombank","bankAbbreviation":"VCB","virtualAccountNumber":"","virtualAccountName":"","counterAccountName":"NGUYEN VAN A","counterAccountNumber":"0123456789","counterAccountBankId":"970415","counterAccountBankName":"VietinBank"}}"#
    static let phpSignature = "0dbad75940777d3321d6f3f99f20ae086902e5983ec885c6dd21209a8ad5b6601dba8c4e0c21d2f83d44262bdbadcb2991d8397f3598c7e01107752fc6c962c4"
    static let pythonSignature = "ea22cf54da8cb693d53fde34ffed959902b9ef3fe64bf89c6b42cad7f9d56d23e8d84f4eef1d472e3fbfe9f2c995c1228e0cf1f0c25cac8c8efc2f3a146ae853"
    static let nodeSignature = "7de5dd3b7e19069075b00e1cdf7b7b25d313647e292aa763a71f18ca708c8a7939eaae798edc00f38fe1ae0992930a0bf0cdca7b91797c5fe45569819c465b2c"
    static let debitBody = #"{"error":0,"data":{"id":2317002,"reference":"FT26326800000001","description":"Phi dich vu SMS","amount":-11000,"runningBalance":12064000,"transactionDateTime":"2026-11-22 09:20:00","accountNumber":"0071000123456","bankName":"Vietcombank","bankAbbreviation":"VCB","virtualAccountNumber":"","virtualAccountName":"","counterAccountName":"","counterAccountNumber":"","counterAccountBankId":"","counterAccountBankName":""}}"#
    static let debitSignature = "2dc915904bc98c8e2995b0b08d2c47ad8af53993ca7c8d50e0769b9225f8818ddf8f8d30a4573dc958d4d0b6249849b49321d91cb1ca1ddbbb3a935f43c973ad"

    static func signed(_ body: String = body, signature: String = phpSignature, t: String = "1795396500123") -> CallbackRequest {
        request([("X-Casso-Signature", "t=\(t),v1=\(signature)"), ("Content-Type", "application/json")], body)
    }

    @Test func documentationSampleVerifiesAndIsTheTestDelivery() throws {
        let verified = try scheme.verify(request([("x-casso-signature", Self.docsHeader)], Self.docsBody),
                                         secrets: [Self.docsKey], now: Self.docsNow)
        #expect(verified.isTest)
        #expect(verified.notice.providerTransactionID == "0")
        #expect(verified.notice.amount == 599_000)
        #expect(verified.signedAt == Date(timeIntervalSince1970: 1_727_948_258.788))
    }

    @Test func phpSignedVietnameseBodyVerifies() throws {
        let verified = try scheme.verify(Self.signed(), secrets: [Self.key], now: Self.now)
        #expect(verified.isTest == false)
        #expect(verified.notice == CreditNotice(
            providerTransactionID: "2317001", direction: .credit, amount: 75_000, accountNumber: "0071000123456",
            bookedAt: Date(timeIntervalSince1970: 1_795_313_700), bookedAtText: "2026-11-22 09:15:00",
            memo: "MBVCB.1234567.HS00001234 nop phi chung thuc/ban sao. Nguyễn Văn Á",
            counterpartyName: "NGUYEN VAN A", counterpartyAccount: "0123456789", counterpartyBankBIN: "970415",
            extraIDs: ["reference": "FT26326812345678"]))
    }

    @Test(arguments: [CassoTests.pythonSignature, CassoTests.nodeSignature])
    func theOtherDocumentedDialectsAreAccepted(signature: String) throws {
        #expect(try scheme.verify(Self.signed(signature: signature), secrets: [Self.key], now: Self.now).notice.amount == 75_000)
    }

    @Test func signingUsesThePHPForm() throws {
        let signed = try scheme.sign(body: Array(Self.body.utf8), secret: Self.key, now: Self.now)
        #expect(signed.headers.map { "\($0.name): \($0.value)" } == [
            "X-Casso-Signature: t=1795396500123,v1=\(Self.phpSignature)", "content-type: application/json",
        ])
    }

    @Test func negativeAmountIsADebit() throws {
        let notice = try scheme.verify(Self.signed(Self.debitBody, signature: Self.debitSignature), secrets: [Self.key], now: Self.now).notice
        #expect(notice.direction == .debit)
        #expect(notice.amount == 11_000)
        #expect(notice.counterpartyName == nil)
    }

    @Test(arguments: [
        ("t=1795396500123,v1=" + CassoTests.phpSignature, 300_000, nil as String?),
        ("t=1795396500123,v1=" + CassoTests.phpSignature, 300_001, "casso-v2: header 'X-Casso-Signature' timestamp t=1795396500123 is 300001 ms in the past (tolerance 300000 ms)."),
        ("t=1795396500123,v1=" + CassoTests.phpSignature, -300_001, "casso-v2: header 'X-Casso-Signature' timestamp t=1795396500123 is 300001 ms in the future (tolerance 300000 ms)."),
        ("t=1795396500,v1=" + CassoTests.phpSignature, 0, "casso-v2: header 'X-Casso-Signature' timestamp t=1795396500 is 1793601103623 ms in the past (tolerance 300000 ms)."),
        ("v1=" + CassoTests.phpSignature, 0, "casso-v2: header 'X-Casso-Signature' has no t= entry."),
        ("t=1795396500123", 0, "casso-v2: header 'X-Casso-Signature' has no v1= entry."),
        ("t=1795396500123,v1=abc", 0, "casso-v2: header 'X-Casso-Signature' v1= value is not 128 hexadecimal digits."),
        ("t=17953965x0123,v1=" + CassoTests.phpSignature, 0, "casso-v2: header 'X-Casso-Signature' has a missing, repeated or non-numeric t= value '17953965x0123'."),
        ("t=1795396500123, v1=" + CassoTests.phpSignature + ", s=ignored", 0, nil),
        ("t=1795396500123,v1=" + CassoTests.pythonSignature.uppercased(), 0, nil),
    ])
    func headerAndWindow(header: String, clockOffsetMillis: Int, expected: String?) {
        let now = Self.now.addingTimeInterval(TimeInterval(clockOffsetMillis) / 1000)
        let error = verifyError(scheme, request([("X-Casso-Signature", header)], Self.body), secrets: [Self.key], now: now)
        #expect(error?.description == expected)
        #expect(error.map { $0.httpStatus == 401 } ?? true)
    }

    @Test func missingHeaderTamperingAndRotation() throws {
        #expect(verifyError(scheme, request([], Self.body), secrets: [Self.key], now: Self.now)?.description
            == "casso-v2: header 'X-Casso-Signature' is missing.")
        let tampered = Self.body.replacingOccurrences(of: "75000", with: "750000")
        #expect(verifyError(scheme, Self.signed(tampered), secrets: [Self.key], now: Self.now)?.description
            == "casso-v2: no v1 signature in header 'X-Casso-Signature' matches the body under any of the 1 configured secret(s).")
        #expect(verifyError(scheme, Self.signed(), secrets: ["wrong"], now: Self.now)?.reason == .badSignature)
        #expect(try scheme.verify(Self.signed(), secrets: ["new-key", Self.key], now: Self.now).secretIndex == 1)
        let reordered = #"{"data":{"amount":75000,"id":2317001,"reference":"FT26326812345678","description":"MBVCB.1234567.HS00001234 nop phi chung thuc/ban sao. Nguyễn Văn Á","runningBalance":12075000,"transactionDateTime":"2026-11-22 09:15:00","accountNumber":"0071000123456","bankName":"Vietcombank","bankAbbreviation":"VCB","virtualAccountNumber":"","virtualAccountName":"","counterAccountName":"NGUYEN VAN A","counterAccountNumber":"0123456789","counterAccountBankId":"970415","counterAccountBankName":"VietinBank"},  "error" : 0}"#
        #expect(try scheme.verify(Self.signed(reordered), secrets: [Self.key], now: Self.now).notice.amount == 75_000)
    }

    @Test(arguments: [
        (#"{"error":0,"data":[{"id":1,"amount":5000,"description":"x"}]}"#, "casso-v2: field 'data' is an array (Casso webhook v1); configure a Casso webhook v2, which sends one transaction object."),
        (#"{"error":1,"data":{"id":1,"amount":5000,"description":"x"}}"#, "casso-v2: field 'error' value 1 is not 0."),
        (#"{"error":0,"data":{"id":1,"amount":0,"description":"x"}}"#, "casso-v2: field 'data.amount' value 0 is not a positive amount."),
        (#"{"error":0,"data":{"id":1,"amount":"5000","description":"x"}}"#, "casso-v2: field 'data.amount' is a string ('5000'), not a whole number of đồng."),
        (#"{"error":0,"data":{"amount":5000,"description":"x"}}"#, "casso-v2: field 'data.id' is missing."),
        (#"{"error":0}"#, "casso-v2: field 'data' is missing."),
        ("not json", "casso-v2: the body is not valid JSON: invalid literal at byte 1."),
        ("<xml/>", "casso-v2: the body is not valid JSON: unexpected character at byte 0."),
    ])
    func signedButUnacceptableBodies(body: String, expected: String) throws {
        let signed = try? scheme.sign(body: Array(body.utf8), secret: Self.key, now: Self.now)
        let incoming = signed?.request ?? request([("X-Casso-Signature", "t=1795396500123,v1=" + Self.phpSignature)], body)
        #expect(verifyError(scheme, incoming, secrets: [Self.key], now: Self.now)?.description == expected)
    }

    /// Canonical forms printed by PHP 8.2, Python 3 and Node 20 running Casso's documented samples.
    @Test(arguments: [
        ("vietnamese", "{\"error\":0,\"data\":{\"id\":1001,\"description\":\"Nguyễn Văn Á nộp phí HS0000123/2026\",\"amount\":75000}}",
         php: "{\"data\":{\"amount\":75000,\"description\":\"Nguy\\u1ec5n V\\u0103n \\u00c1 n\\u1ed9p ph\\u00ed HS0000123\\/2026\",\"id\":1001},\"error\":0}",
         python: "{\"data\":{\"amount\":75000,\"description\":\"Nguy\\u1ec5n V\\u0103n \\u00c1 n\\u1ed9p ph\\u00ed HS0000123/2026\",\"id\":1001},\"error\":0}",
         javascript: "{\"data\":{\"amount\":75000,\"description\":\"Nguyễn Văn Á nộp phí HS0000123/2026\",\"id\":1001},\"error\":0}"),
        ("emoji", "{\"b\":\"🙂 ok\",\"a\":\"x\"}",
         php: "{\"a\":\"x\",\"b\":\"\\ud83d\\ude42 ok\"}",
         python: "{\"a\":\"x\",\"b\":\"\\ud83d\\ude42 ok\"}",
         javascript: "{\"a\":\"x\",\"b\":\"🙂 ok\"}"),
        ("slash_quote_backslash", "{\"k\":\"a/b \\\"q\\\" c\\\\d\"}",
         php: "{\"k\":\"a\\/b \\\"q\\\" c\\\\d\"}",
         python: "{\"k\":\"a/b \\\"q\\\" c\\\\d\"}",
         javascript: "{\"k\":\"a/b \\\"q\\\" c\\\\d\"}"),
        ("controls", "{\"k\":\"tab\\tnl\\nctl\\u0001del\\u007f\"}",
         php: "{\"k\":\"tab\\tnl\\nctl\\u0001del\u{7f}\"}",
         python: "{\"k\":\"tab\\tnl\\nctl\\u0001del\\u007f\"}",
         javascript: "{\"k\":\"tab\\tnl\\nctl\\u0001del\u{7f}\"}"),
        ("nested", "{\"z\":{\"y\":1,\"x\":{\"b\":2,\"a\":3}},\"a\":[{\"d\":1,\"c\":2},[3,{\"f\":4,\"e\":5}]]}",
         php: "{\"a\":[{\"c\":2,\"d\":1},[3,{\"e\":5,\"f\":4}]],\"z\":{\"x\":{\"a\":3,\"b\":2},\"y\":1}}",
         python: "{\"a\":[{\"d\":1,\"c\":2},[3,{\"f\":4,\"e\":5}]],\"z\":{\"x\":{\"a\":3,\"b\":2},\"y\":1}}",
         javascript: "{\"a\":[{\"d\":1,\"c\":2},[3,{\"f\":4,\"e\":5}]],\"z\":{\"x\":{\"a\":3,\"b\":2},\"y\":1}}"),
        ("numbers", "{\"i\":75000,\"neg\":-5,\"negzero\":-0,\"f\":1.5,\"big\":1e25,\"small\":0.00001,\"tiny\":0.0001,\"integral\":10.0,\"exp\":1E2,\"huge\":12345678901234567890,\"p16\":1e16,\"p17\":1e17,\"fz\":-0.0,\"third\":0.3333333333333333}",
         php: "{\"big\":1.0e+25,\"exp\":100,\"f\":1.5,\"fz\":-0,\"huge\":1.2345678901234567e+19,\"i\":75000,\"integral\":10,\"neg\":-5,\"negzero\":0,\"p16\":10000000000000000,\"p17\":1.0e+17,\"small\":1.0e-5,\"third\":0.3333333333333333,\"tiny\":0.0001}",
         python: "{\"big\":1e+25,\"exp\":100.0,\"f\":1.5,\"fz\":-0.0,\"huge\":12345678901234567890,\"i\":75000,\"integral\":10.0,\"neg\":-5,\"negzero\":0,\"p16\":1e+16,\"p17\":1e+17,\"small\":1e-05,\"third\":0.3333333333333333,\"tiny\":0.0001}",
         javascript: "{\"big\":1e+25,\"exp\":100,\"f\":1.5,\"fz\":0,\"huge\":12345678901234567000,\"i\":75000,\"integral\":10,\"neg\":-5,\"negzero\":0,\"p16\":10000000000000000,\"p17\":100000000000000000,\"small\":0.00001,\"third\":0.3333333333333333,\"tiny\":0.0001}"),
        ("empty", "{\"o\":{},\"a\":[],\"s\":\"\"}",
         php: "{\"a\":[],\"o\":[],\"s\":\"\"}",
         python: "{\"a\":[],\"o\":{},\"s\":\"\"}",
         javascript: "{\"a\":[],\"o\":{},\"s\":\"\"}"),
        ("unicode_keys", "{\"é\":1,\"e\":2,\"Z\":3,\"_\":4}",
         php: "{\"Z\":3,\"_\":4,\"e\":2,\"\\u00e9\":1}",
         python: "{\"Z\":3,\"_\":4,\"e\":2,\"\\u00e9\":1}",
         javascript: "{\"Z\":3,\"_\":4,\"e\":2,\"é\":1}"),
        ("literals", "{\"t\":true,\"f\":false,\"n\":null}",
         php: "{\"f\":false,\"n\":null,\"t\":true}",
         python: "{\"f\":false,\"n\":null,\"t\":true}",
         javascript: "{\"f\":false,\"n\":null,\"t\":true}")
    ])
    func canonicalForms(name: String, body: String, php: String, python: String, javascript: String) throws {
        let value = try JSONParser.parse(Array(body.utf8))
        #expect(String(decoding: CassoScheme.Dialect.php.canonical(value), as: UTF8.self) == php, "\(name) php")
        #expect(String(decoding: CassoScheme.Dialect.python.canonical(value), as: UTF8.self) == python, "\(name) python")
        #expect(String(decoding: CassoScheme.Dialect.javascript.canonical(value), as: UTF8.self) == javascript, "\(name) javascript")
    }
}
