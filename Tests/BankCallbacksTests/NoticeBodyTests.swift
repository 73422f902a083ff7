import Foundation
import Testing
@testable import BankCallbacks

/// Bodies correctly signed under FeeDesk's contract but unacceptable as notices.
@Suite("standard-webhooks body")
struct NoticeBodyTests {
    typealias V = StandardWebhooksVector

    static func body(_ replacements: [String: String?]) -> String {
        var fields: [(String, String)] = [
            ("id", #""FT1""#), ("account", #""0071000123456""#), ("amount", "75000"), ("currency", #""VND""#),
            ("bookedAt", #""2026-11-22T09:15:00+07:00""#), ("description", #""HS00001234""#),
        ]
        for (key, value) in replacements {
            if let position = fields.firstIndex(where: { $0.0 == key }) {
                if let value { fields[position].1 = value } else { fields.remove(at: position) }
            } else if let value {
                fields.append((key, value))
            }
        }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    func outcome(_ body: String) -> CallbackError? {
        do {
            let signed = try CallbackScheme.standardWebhooks.sign(body: Array(body.utf8), secret: V.secret1, now: V.now, deliveryID: "msg_1")
            return verifyError(.standardWebhooks, signed.request, secrets: [V.secret1], now: V.now)
        } catch {
            return error
        }
    }

    @Test(arguments: [
        (["amount": "75000.5"], "field 'amount' value 75000.5 is not a whole number of đồng.", 400),
        (["amount": "75000.0"], "field 'amount' value 75000.0 is not a whole number of đồng.", 400),
        (["amount": #""75000""#], "field 'amount' is a string ('75000'), not a whole number of đồng.", 400),
        (["amount": "-75000"], "field 'amount' value -75000 is not a positive amount.", 400),
        (["amount": "0"], "field 'amount' value 0 is not a positive amount.", 400),
        (["amount": "-0"], "field 'amount' value -0 is not a positive amount.", 400),
        (["amount": "12345678901234"], "field 'amount' value 12345678901234 has more than 13 digits.", 400),
        (["amount": "7.5e4"], "field 'amount' value 7.5e4 is written with an exponent, not as a whole number of đồng.", 400),
        (["amount": "null"], "field 'amount' is missing.", 400),
        (["amount": nil], "field 'amount' is missing.", 400),
        (["currency": #""USD""#], "field 'currency' value 'USD' is not VND.", 422),
        (["currency": #""vnd""#], "field 'currency' value 'vnd' is not VND.", 422),
        (["currency": nil], "field 'currency' is missing.", 400),
        (["id": nil], "field 'id' is missing.", 400),
        (["id": #""  ""#], "field 'id' is empty.", 400),
        (["id": "true"], "field 'id' is a boolean (true), not an identifier.", 400),
        (["account": nil], "field 'account' is missing.", 400),
        (["description": nil], "field 'description' is missing.", 400),
        (["description": "[]"], "field 'description' is an array ([]), not a string.", 400),
        (["bookedAt": #""2026-11-22 09:15:00""#], "field 'bookedAt' value '2026-11-22 09:15:00' is not an RFC 3339 time with an offset such as 2026-11-22T09:15:00+07:00.", 400),
        (["bookedAt": #""2026-02-30T09:15:00+07:00""#], "field 'bookedAt' value '2026-02-30T09:15:00+07:00' is not an RFC 3339 time with an offset such as 2026-11-22T09:15:00+07:00.", 400),
        (["bookedAt": #""2026-11-22T09:15:00""#], "field 'bookedAt' value '2026-11-22T09:15:00' is not an RFC 3339 time with an offset such as 2026-11-22T09:15:00+07:00.", 400),
        (["counterpartyName": "true"], "field 'counterpartyName' is a boolean (true), not a string.", 400),
    ] as [([String: String?], String, Int)])
    func refusedBodies(replacements: [String: String?], expected: String, status: Int) {
        let error = outcome(Self.body(replacements))
        #expect(error?.message == expected)
        #expect(error?.httpStatus == status)
    }

    @Test(arguments: [
        ("", "the body is not valid JSON: unexpected end of input at byte 0."),
        ("amount=75000", "the body is not valid JSON: unexpected character at byte 0."),
        ("[1]", "the body is an array, not a JSON object."),
        (#"{"id":"FT1","id":"FT2"}"#, "the body is not valid JSON: duplicate key 'id' at byte 12."),
        (#"{"id":"FT1",}"#, "the body is not valid JSON: expected a key at byte 12."),
        (#"{"id":"FT1"} x"#, "the body is not valid JSON: unexpected text after the JSON value at byte 13."),
        ("\u{FEFF}{}", "the body is not valid JSON: unexpected character at byte 0."),
        (#"{"a":"\ud800"}"#, "the body is not valid JSON: unpaired surrogate escape at byte 12."),
        (#"{"a":01}"#, "the body is not valid JSON: number with a leading zero at byte 6."),
        (#"{"a":1e999}"#, "the body is not valid JSON: number out of range at byte 5."),
        (#"{"a":NaN}"#, "the body is not valid JSON: unexpected character at byte 5."),
        ("{\"a\":\"tab\there\"}", "the body is not valid JSON: control character in a string at byte 9."),
        (String(repeating: "[", count: 40), "the body is not valid JSON: nesting deeper than 32 levels at byte 32."),
    ])
    func malformedBodies(body: String, expected: String) {
        let error = outcome(body)
        #expect(error?.reason == .malformedBody)
        #expect(error?.message == expected)
        #expect(error?.httpStatus == 400)
    }

    @Test func invalidUTF8IsRefused() throws {
        let body: [UInt8] = Array(#"{"id":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        let signed = try CallbackScheme.standardWebhooks.sign(body: body, secret: V.secret1, now: V.now, deliveryID: "msg_1")
        #expect(verifyError(.standardWebhooks, signed.request, secrets: [V.secret1], now: V.now)?.message
            == "the body is not valid JSON: invalid UTF-8 in a string at byte 6.")
    }

    @Test func optionalFieldsAndUnknownFields() throws {
        let body = Self.body(["counterpartyName": "null", "counterpartyAccount": #""""#, "counterpartyBankBin": "970415",
                              "bookedAt": #""2026-11-22T02:15:00.250Z""#, "futureField": #"{"x":[1,2]}"#])
        let signed = try CallbackScheme.standardWebhooks.sign(body: Array(body.utf8), secret: V.secret1, now: V.now, deliveryID: "msg_1")
        let notice = try CallbackScheme.standardWebhooks.verify(signed.request, secrets: [V.secret1], now: V.now).notice
        #expect(notice.counterpartyName == nil)
        #expect(notice.counterpartyAccount == nil)
        #expect(notice.counterpartyBankBIN == "970415")
        #expect(notice.bookedAt == V.now.addingTimeInterval(0.25))
        #expect(notice.amount == 75_000)
    }

    @Test func untrustedValuesAreTruncatedAndDefanged() {
        let long = String(repeating: "x", count: 60)
        let error = outcome(Self.body(["currency": "\"\(long)\""]))
        #expect(error?.message == "field 'currency' value '\(String(repeating: "x", count: 40))…' is not VND.")
        let sneaky = outcome(Self.body(["currency": #""US\nD""#]))
        #expect(sneaky?.message == "field 'currency' value 'US?D' is not VND.")
    }
}
