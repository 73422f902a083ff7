import FeeDeskCrypto
import Foundation
import Testing
@testable import BankCallbacks

/// Vectors: the first table is the payOS SDKs' own shared test file (`tests/crypto/testCases.json`
/// in payos-lib-node and payos-lib-python, "body" cases, key `test_checksum_key`), re-checked with
/// the Node SDK algorithm under Node 20. The webhook bodies below were signed by the same Node
/// reproduction of `createSignatureFromObj` in a throwaway script outside the repository.
@Suite("payos")
struct PayOSTests {
    let scheme = CallbackScheme.payos
    static let key = "payos-checksum-key-for-tests-2026"
    static let now = Date(timeIntervalSince1970: 1_795_313_700)

    static let real = #"{"code":"00","desc":"success","success":true,"data":{"orderCode":2026112201,"amount":75000,"description":"HS00001234 nop phi chung thuc","accountNumber":"0071000123456","reference":"FT26326812345678","transactionDateTime":"2026-11-22 09:15:00","currency":"VND","paymentLinkId":"9f1c2b7e4d5a4c3b8a7f6e5d4c3b2a10","code":"00","desc":"Thành công","counterAccountBankId":"970415","counterAccountBankName":"VietinBank","counterAccountName":"NGUYEN VAN A","counterAccountNumber":"0123456789","virtualAccountName":"","virtualAccountNumber":""},"signature":"29616edd4acf8034a18047f25ad3a825744dd5dcccfb7ef05dc06f4cf2c31025"}"#
    /// The sample of payOS's webhook documentation, which payOS posts when a webhook URL is registered.
    static let registrationTest = #"{"code":"00","desc":"success","success":true,"data":{"orderCode":123,"amount":3000,"description":"VQRIO123","accountNumber":"12345678","reference":"TF230204212323","transactionDateTime":"2023-02-04 18:25:00","currency":"VND","paymentLinkId":"124c33293c43417ab7879e14c8d9eb18","code":"00","desc":"Thành công","counterAccountBankId":"","counterAccountBankName":"","counterAccountName":"","counterAccountNumber":"","virtualAccountName":"","virtualAccountNumber":""},"signature":"457baf093daaa23f9c0466b868d6170e1faca37d714350d21ce158b681a07fb4"}"#

    @Test(arguments: [
        (#"{"id":"payment-link-id","orderCode":0,"amount":2000,"amountPaid":2000,"amountRemaining":0,"status":"PAID","createdAt":"2025-12-12T09:00:00+07:00","transactions":[{"accountNumber":"0123456789","amount":2000,"counterAccountBankId":"01202001","counterAccountBankName":null,"counterAccountName":"NGUYEN VAN A","counterAccountNumber":"9876543210","description":"TRANSACTION DESCRIPTION","reference":"FT-REFERENCE","transactionDateTime":"2025-12-12T09:00:00+07:00","virtualAccountName":null,"virtualAccountNumber":null}],"canceledAt":null,"cancellationReason":null}"#,
         "6af5e2c9a28256c140169ed624114b43295915d7b6e2fa6278b17a7c43aadefd"),
        (#"{"id":"payment-link-id","orderCode":0,"amount":2000,"amountPaid":0,"amountRemaining":2000,"status":"PENDING","createdAt":"2025-12-12T09:00:00+07:00","transactions":[],"canceledAt":null,"cancellationReason":null}"#,
         "33093364158b143baa9ecd2e705d9a2a5a5d391a3cab7cb0a371588b3731368f"),
        (#"{"id":"payment-link-id","orderCode":0,"amount":2000,"amountPaid":0,"amountRemaining":2000,"status":"CANCELLED","createdAt":"2025-12-12T09:00:00+07:00","transactions":[],"canceledAt":"2025-12-12T09:00:00+07:00","cancellationReason":"cancel reason"}"#,
         "10c181c89bda5b855327e3e16494b9e8409e6b85a2a90f20177af99f8b12eaa9"),
        (#"{"invoices":[{"invoiceId":"invoice-id","invoiceNumber":"invoiceNo","issuedTimestamp":1765504800,"issuedDatetime":"2025-12-12T09:00:00+07:00","transactionId":"transactionId","reservationCode":"reservationCode","codeOfTax":"codeOfTax"},{"invoiceId":"invoice-id","invoiceNumber":null,"issuedTimestamp":null,"issuedDatetime":null,"transactionId":null,"reservationCode":null,"codeOfTax":null}]}"#,
         "8ceca4558787d5ec58b24caaf5aaa7693df83242efbb28e7b70cf3391f3a1138"),
        (#"{"accountNumber":"0123456789","amount":20000,"description":"thanh toan","reference":"FT-REFERENCE","transactionDateTime":"2025-12-12 09:00:00","virtualAccountNumber":"","counterAccountBankId":"01202001","counterAccountBankName":"","counterAccountName":"NGUYEN VAN A","counterAccountNumber":"9876543210","virtualAccountName":"","currency":"VND","orderCode":0,"paymentLinkId":"payment-link-id","code":"00","desc":"success"}"#,
         "302b3becca1672dff99daafae2965f40e48ea3ca39453e4bf37fbcc26807a0e8"),
    ])
    func sdkTestVectors(data: String, expected: String) throws {
        guard case .object(let members) = try JSONParser.parse(Array(data.utf8)) else { Issue.record("not an object"); return }
        let text = try PayOSSignedData.canonical(members)
        #expect(Hex.encode(HMAC.authenticate(.sha256, key: Array("test_checksum_key".utf8), message: Array(text.utf8))) == expected)
    }

    /// Expected texts printed by the Node SDK algorithm (`convertObjToQueryStr(sortObjDataByKey(data))`).
    @Test(arguments: [
        (#"{"description":"Nguyễn Văn Á 🙂 a/b","z":1,"A":2}"#, "A=2&description=Nguyễn Văn Á 🙂 a/b&z=1"),
        (#"{"f":1.5,"big":1e21,"small":0.000001,"tiny":1e-7,"int":20000,"negzero":-0,"huge":12345678901234567890,"exp":2E3,"frac":10.50}"#,
         "big=1e+21&exp=2000&f=1.5&frac=10.5&huge=12345678901234567000&int=20000&negzero=0&small=0.000001&tiny=1e-7"),
        (#"{"t":true,"f":false,"n":null,"sn":"null","su":"undefined","e":""}"#, "e=&f=false&n=&sn=&su=&t=true"),
        (#"{"objs":[{"b":1,"a":{"y":1,"x":2}},{"d":null,"c":"v"}],"strs":["ab","🙂"],"nums":[1,true],"nested":[[1,2]],"empty":[]}"#,
         #"empty=[]&nested=[{"0":1,"1":2}]&nums=[{},{}]&objs=[{"a":{"y":1,"x":2},"b":1},{"c":"v","d":null}]&strs=[{"0":"a","1":"b"},{"0":"\ud83d","1":"\ude42"}]"#),
        (#"{"obj":{"a":1},"k":"v"}"#, "k=v&obj=[object Object]"),
        (#"{"b":1,"10":2,"2":3,"a":4,"01":5}"#, "2=3&10=2&01=5&a=4&b=1"),
    ])
    func canonicalTextMatchesTheNodeSDK(data: String, expected: String) throws {
        guard case .object(let members) = try JSONParser.parse(Array(data.utf8)) else { Issue.record("not an object"); return }
        #expect(try PayOSSignedData.canonical(members) == expected)
    }

    @Test func realWebhookVerifies() throws {
        let verified = try scheme.verify(request([], Self.real), secrets: [Self.key], now: Self.now)
        #expect(verified.isTest == false)
        #expect(verified.deliveryID == nil)
        #expect(verified.ack.body == Array(#"{"success":true}"#.utf8))
        #expect(verified.notice == CreditNotice(
            providerTransactionID: "FT26326812345678", direction: .credit, amount: 75_000,
            accountNumber: "0071000123456", bookedAt: Self.now, bookedAtText: "2026-11-22 09:15:00",
            memo: "HS00001234 nop phi chung thuc", counterpartyName: "NGUYEN VAN A",
            counterpartyAccount: "0123456789", counterpartyBankBIN: "970415",
            extraIDs: ["paymentLinkId": "9f1c2b7e4d5a4c3b8a7f6e5d4c3b2a10", "orderCode": "2026112201"]))
    }

    @Test func registrationTestDeliveryIsFlagged() throws {
        let verified = try scheme.verify(request([], Self.registrationTest), secrets: ["old-key", Self.key], now: Self.now)
        #expect(verified.isTest)
        #expect(verified.secretIndex == 1)
        #expect(verified.notice.amount == 3000)
    }

    @Test func signingFillsTheSignatureField() throws {
        let unsigned = Self.real.replacingOccurrences(of: #","signature":"29616edd4acf8034a18047f25ad3a825744dd5dcccfb7ef05dc06f4cf2c31025""#, with: "")
        let signed = try scheme.sign(body: Array(unsigned.utf8), secret: Self.key, now: Self.now)
        #expect(String(decoding: signed.body, as: UTF8.self) == Self.real)
        let wrongSignature = Self.real.replacingOccurrences(of: "29616edd", with: "00000000")
        let resigned = try scheme.sign(body: Array(wrongSignature.utf8), secret: Self.key, now: Self.now)
        #expect(String(decoding: resigned.body, as: UTF8.self) == Self.real)
    }

    @Test(arguments: [
        ("HS00001234 nop phi chung thuc", "HS00001234 nop phi chung thuX", CallbackError.Reason.badSignature,
         "payos: field 'signature' does not match 'data' under any of the 1 configured checksum key(s)."),
        (#""amount":75000"#, #""amount":75001"#, .badSignature,
         "payos: field 'signature' does not match 'data' under any of the 1 configured checksum key(s)."),
        (#","signature":"29616edd4acf8034a18047f25ad3a825744dd5dcccfb7ef05dc06f4cf2c31025""#, "", .missingSignature,
         "payos: field 'signature' is missing."),
        ("29616edd4acf8034a18047f25ad3a825744dd5dcccfb7ef05dc06f4cf2c31025", "29616edd", .malformedSignature,
         "payos: field 'signature' is not 64 hexadecimal digits."),
        (#"{"code":"00""#, #"{"code":"01""#, .notSuccessful,
         "payos: field 'code' value '01' (desc 'success') reports an unsuccessful payment."),
        (#""success":true"#, #""success":false"#, .notSuccessful, "payos: field 'success' is false (desc 'success')."),
        (#""currency":"VND""#, #""currency":"USD""#, .badSignature,
         "payos: field 'signature' does not match 'data' under any of the 1 configured checksum key(s)."),
    ])
    func tampering(original: String, replacement: String, reason: CallbackError.Reason, expected: String) {
        let body = Self.real.replacingOccurrences(of: original, with: replacement)
        let error = verifyError(scheme, request([], body), secrets: [Self.key], now: Self.now)
        #expect(error?.reason == reason)
        #expect(error?.description == expected)
    }

    @Test(arguments: [
        (#""currency":"VND""#, #""currency":"USD""#, "payos: field 'data.currency' value 'USD' is not VND."),
        (#""amount":75000"#, #""amount":75000.5"#, "payos: field 'data.amount' value 75000.5 is not a whole number of đồng."),
        (#""reference":"FT26326812345678","#, "", "payos: field 'data.reference' is missing."),
        (#""transactionDateTime":"2026-11-22 09:15:00""#, #""transactionDateTime":"22/11/2026""#, nil),
    ] as [(String, String, String?)])
    func signedButUnacceptableData(original: String, replacement: String, expected: String?) throws {
        let unsigned = Self.real.replacingOccurrences(of: original, with: replacement)
        let signed = try scheme.sign(body: Array(unsigned.utf8), secret: Self.key, now: Self.now)
        #expect(verifyError(scheme, signed.request, secrets: [Self.key], now: Self.now)?.description == expected)
    }

    @Test func unreadableTimesAreKeptAsText() throws {
        let unsigned = Self.real.replacingOccurrences(of: "2026-11-22 09:15:00", with: "22/11/2026")
        let signed = try scheme.sign(body: Array(unsigned.utf8), secret: Self.key, now: Self.now)
        let notice = try scheme.verify(signed.request, secrets: [Self.key], now: Self.now).notice
        #expect(notice.bookedAt == nil)
        #expect(notice.bookedAtText == "22/11/2026")
    }

    @Test func nullInsideAnArrayCannotBeSigned() {
        let body = #"{"data":{"reference":"R","items":[null]},"signature":"00"}"#
        #expect(verifyError(scheme, request([], body), secrets: [Self.key], now: Self.now)?.description
            == "payos: field 'signature' is not 64 hexadecimal digits.")
        #expect(throws: CallbackError(.malformedBody, .payos, "field 'data.items[0]' is null, which the payOS SDK cannot sign.")) {
            try scheme.sign(body: Array(body.utf8), secret: Self.key, now: Self.now)
        }
    }
}
