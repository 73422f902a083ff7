import Testing
@testable import BankCallbacks

@Suite("errors")
struct CallbackErrorTests {
    @Test(arguments: [
        (CallbackError.Reason.missingSignature, "missing_signature", 401),
        (.malformedSignature, "malformed_signature", 401),
        (.missingHeader, "missing_header", 401),
        (.malformedHeader, "malformed_header", 401),
        (.badSignature, "bad_signature", 401),
        (.staleTimestamp, "stale_timestamp", 401),
        (.futureTimestamp, "future_timestamp", 401),
        (.malformedBody, "malformed_body", 400),
        (.missingField, "missing_field", 400),
        (.badField, "bad_field", 400),
        (.badAmount, "bad_amount", 400),
        (.wrongCurrency, "wrong_currency", 422),
        (.notSuccessful, "not_successful", 422),
        (.noSecret, "no_secret", 503),
        (.badSecret, "bad_secret", 503),
    ])
    func reasonCodesAndStatuses(reason: CallbackError.Reason, code: String, status: Int) {
        #expect(reason.rawValue == code)
        #expect(CallbackError(reason, .sepay, "x.").httpStatus == status)
    }

    @Test func everyReasonIsInTheTable() {
        #expect(CallbackError.Reason.allCases.count == 15)
    }

    @Test(arguments: [
        ("short", "short"),
        (String(repeating: "a", count: 40), String(repeating: "a", count: 40)),
        (String(repeating: "é", count: 41), String(repeating: "é", count: 40) + "…"),
        ("line\r\nbreak\u{7F}\u{2028}", "line??break??"),
    ])
    func untrustedQuoting(input: String, expected: String) {
        #expect(Quote.untrusted(input) == expected)
    }

    @Test func schemeIDsMatchTheConfiguration() {
        #expect(CallbackScheme.allCases.map(\.rawValue) == ["standard-webhooks", "payos", "casso-v2", "sepay"])
        #expect(CallbackScheme(rawValue: "casso-v2") == .cassoV2)
        #expect(CallbackScheme.sepay.signatureHeaders == ["X-SePay-Signature", "X-SePay-Timestamp"])
    }

    @Test(arguments: [
        ("2026-11-22 09:15:00", 1_795_313_700.0 as Double?),
        ("2024-02-29 23:59:59", 1_709_225_999),
        ("2023-02-29 00:00:00", nil),
        ("2026-11-22 24:00:00", nil),
        ("2026-11-22T09:15:00", nil),
        ("22/11/2026 09:15:00", nil),
    ])
    func vietnamLocalTimes(text: String, expected: Double?) {
        #expect(BookingTime.vietnamLocal(text)?.timeIntervalSince1970 == expected)
    }

    @Test(arguments: [
        ("2026-11-22T09:15:00+07:00", 1_795_313_700.0 as Double?),
        ("2026-11-22T02:15:00Z", 1_795_313_700),
        ("2026-11-21T21:15:00-05:00", 1_795_313_700),
        ("2026-11-22T09:15:00.5+07:00", 1_795_313_700.5),
        ("2026-11-22T09:15:00+0700", nil),
        ("2026-11-22T09:15:00+24:00", nil),
        ("2026-11-22T09:15:00.+07:00", nil),
        ("2026-11-22T09:15:00z", nil),
    ])
    func rfc3339Times(text: String, expected: Double?) {
        #expect(BookingTime.iso8601(text)?.timeIntervalSince1970 == expected)
    }
}
