import Foundation
import Testing
@testable import BankCallbacks

/// Vectors computed with Python's `hmac` (SHA-256, key = secret's UTF-8, message
/// `"<X-SePay-Timestamp>.<raw body>"`) in a throwaway script outside the repository.
@Suite("sepay")
struct SePayTests {
    let scheme = CallbackScheme.sepay
    static let key = "sepay-hmac-secret-for-tests-2026"
    static let now = Date(timeIntervalSince1970: 1_795_396_500)
    static let body = #"{"id":92704,"gateway":"Vietcombank","transactionDate":"2026-11-22 09:15:00","accountNumber":"0071000123456","code":null,"content":"HS00001234 nop phi chung thuc","transferType":"in","transferAmount":75000,"accumulated":12075000,"subAccount":null,"referenceCode":"MBVCB.3278907687","description":"MBVCB.3278907687.HS00001234 nop phi chung thuc.CT tu 0123456789 NGUYEN VAN A toi 0071000123456"}"#
    static let signature = "ce3ecf4935a24fa0b78e1f41402101b00f180db07b5bc9444492e3ec452542b7"
    static let outBody = #"{"id":92705,"gateway":"Vietcombank","transactionDate":"2026-11-22 09:15:00","accountNumber":"0071000123456","code":null,"content":"HS00001234 nop phi chung thuc","transferType":"out","transferAmount":75000,"accumulated":12075000,"subAccount":null,"referenceCode":"MBVCB.3278907687","description":"MBVCB.3278907687.HS00001234 nop phi chung thuc.CT tu 0123456789 NGUYEN VAN A toi 0071000123456"}"#
    static let outSignature = "698f208d8889a890951ce5f2d488b5f123b65aeb8fe7b4f90a03f148292f2d4f"

    static func signed(_ body: String = body, signature: String = "sha256=" + signature, timestamp: String = "1795396500") -> CallbackRequest {
        request([("X-SePay-Signature", signature), ("X-SePay-Timestamp", timestamp), ("Content-Type", "application/json")], body)
    }

    @Test func goldenVectorVerifies() throws {
        let verified = try scheme.verify(Self.signed(), secrets: [Self.key], now: Self.now)
        #expect(verified.signedAt == Self.now)
        #expect(verified.notice == CreditNotice(
            providerTransactionID: "92704", direction: .credit, amount: 75_000, accountNumber: "0071000123456",
            bookedAt: Date(timeIntervalSince1970: 1_795_313_700), bookedAtText: "2026-11-22 09:15:00",
            memo: "HS00001234 nop phi chung thuc",
            extraIDs: ["referenceCode": "MBVCB.3278907687", "gateway": "Vietcombank"]))
        let bare = try scheme.verify(Self.signed(signature: Self.signature.uppercased()), secrets: [Self.key], now: Self.now)
        #expect(bare.notice.amount == 75_000)
    }

    @Test func outIsADebitNotice() throws {
        let notice = try scheme.verify(Self.signed(Self.outBody, signature: "sha256=" + Self.outSignature), secrets: [Self.key], now: Self.now).notice
        #expect(notice.direction == .debit)
        #expect(notice.amount == 75_000)
        #expect(notice.providerTransactionID == "92705")
    }

    @Test func signingReproducesTheVector() throws {
        let signed = try scheme.sign(body: Array(Self.body.utf8), secret: Self.key, now: Self.now)
        #expect(signed.headers.map { "\($0.name): \($0.value)" } == [
            "X-SePay-Signature: sha256=\(Self.signature)", "X-SePay-Timestamp: 1795396500", "content-type: application/json",
        ])
    }

    @Test(arguments: [
        (SePayTests.signed(), ["wrong"], 0, "sepay: header 'X-SePay-Signature' does not match the body under any of the 1 configured secret(s)."),
        (flippingByte(SePayTests.signed(), at: 150), [SePayTests.key], 0, "sepay: header 'X-SePay-Signature' does not match the body under any of the 1 configured secret(s)."),
        (SePayTests.signed(timestamp: "1795396501"), [SePayTests.key], 1, "sepay: header 'X-SePay-Signature' does not match the body under any of the 1 configured secret(s)."),
        (SePayTests.signed(), ["old", SePayTests.key], 0, nil),
        (SePayTests.signed(), [SePayTests.key], 300, nil),
        (SePayTests.signed(), [SePayTests.key], 301, "sepay: header 'X-SePay-Timestamp' timestamp 1795396500 is 301 s in the past (tolerance 300 s)."),
        (SePayTests.signed(), [SePayTests.key], -301, "sepay: header 'X-SePay-Timestamp' timestamp 1795396500 is 301 s in the future (tolerance 300 s)."),
        (replacingHeader(SePayTests.signed(), "X-SePay-Signature", with: nil), [SePayTests.key], 0, "sepay: header 'X-SePay-Signature' is missing."),
        (replacingHeader(SePayTests.signed(), "X-SePay-Timestamp", with: nil), [SePayTests.key], 0, "sepay: header 'X-SePay-Timestamp' is missing."),
        (replacingHeader(SePayTests.signed(), "X-SePay-Timestamp", with: "1795396500000000"), [SePayTests.key], 0, "sepay: header 'X-SePay-Timestamp' value '1795396500000000' is not Unix time in whole seconds."),
        (replacingHeader(SePayTests.signed(), "X-SePay-Signature", with: "Apikey abc"), [SePayTests.key], 0, "sepay: header 'X-SePay-Signature' is not 'sha256=' followed by 64 hexadecimal digits."),
        (SePayTests.signed(), [], 0, "sepay: no secret is configured for this partner, so every callback is refused."),
    ])
    func refusals(request: CallbackRequest, secrets: [String], clockOffset: Int, expected: String?) {
        let error = verifyError(scheme, request, secrets: secrets, now: Self.now.addingTimeInterval(TimeInterval(clockOffset)))
        #expect(error?.description == expected)
    }

    @Test(arguments: [
        (#""transferType":"in""#, #""transferType":"IN""#, "sepay: field 'transferType' value 'IN' is neither 'in' nor 'out'."),
        (#""transferAmount":75000"#, #""transferAmount":-75000"#, "sepay: field 'transferAmount' value -75000 is not a positive amount."),
        (#""transferAmount":75000"#, #""transferAmount":75000.00"#, nil),
        (#""transferAmount":75000"#, #""transferAmount":75000.01"#, "sepay: field 'transferAmount' value 75000.01 is not a whole number of đồng."),
        (#""id":92704,"#, "", "sepay: field 'id' is missing."),
        (#""content":"HS00001234 nop phi chung thuc""#, #""content":"""#, nil),
    ] as [(String, String, String?)])
    func signedButUnacceptableBodies(original: String, replacement: String, expected: String?) throws {
        let body = Self.body.replacingOccurrences(of: original, with: replacement)
        let signed = try scheme.sign(body: Array(body.utf8), secret: Self.key, now: Self.now)
        #expect(verifyError(scheme, signed.request, secrets: [Self.key], now: Self.now)?.description == expected)
    }

    @Test func emptyContentFallsBackToDescription() throws {
        let body = Self.body.replacingOccurrences(of: #""content":"HS00001234 nop phi chung thuc""#, with: #""content":"""#)
        let signed = try scheme.sign(body: Array(body.utf8), secret: Self.key, now: Self.now)
        #expect(try scheme.verify(signed.request, secrets: [Self.key], now: Self.now).notice.memo
            == "MBVCB.3278907687.HS00001234 nop phi chung thuc.CT tu 0123456789 NGUYEN VAN A toi 0071000123456")
    }
}
