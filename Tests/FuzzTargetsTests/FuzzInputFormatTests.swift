import BankCallbacks
import Foundation
import FuzzTargets
import Testing

/// The input formats of the targets, which the seed files are written in.
@Suite("fuzz input formats")
struct FuzzInputFormatTests {
    @Test func signMarkerGivesTheBodyToSign() {
        let input = CallbackFuzzInput(Array("!sign\n{\"a\":1}\n\nx".utf8))
        #expect(input.sign)
        #expect(input.headers.isEmpty)
        #expect(input.body == Array("{\"a\":1}\n\nx".utf8))
    }

    @Test func headersRunToTheFirstEmptyLine() {
        let input = CallbackFuzzInput(Array("webhook-id: msg_1\nodd\nX-A:b:c\n\n{}\n\n".utf8))
        #expect(!input.sign)
        #expect(input.headers.map(\.name) == ["webhook-id", "odd", "X-A"])
        #expect(input.headers.map(\.value) == [" msg_1", "", "b:c"])
        #expect(input.body == Array("{}\n\n".utf8))
    }

    @Test func withoutAnEmptyLineEverythingIsTheBody() {
        let input = CallbackFuzzInput(Array("{\"data\":{}}\n".utf8))
        #expect(!input.sign)
        #expect(input.headers.isEmpty)
        #expect(input.body == Array("{\"data\":{}}\n".utf8))
    }

    @Test func aBodyTheHarnessSignsVerifies() {
        let body = #"{"id":"FT1","account":"0071000123456","amount":75000,"currency":"VND","bookedAt":"2026-11-22T09:15:00+07:00","description":"HS00001234"}"#
        let outcome = FuzzTarget.callbackStandardWebhooks.run(Array(("!sign\n" + body).utf8))
        #expect(outcome == .accepted("credit 75000 VND"))
    }

    @Test func csvProfileIsNamedOnTheFirstLine() {
        let text = "generic\nDate,Amount,Description\n22/11/2026,75000,HS00001234\n"
        #expect(FuzzTarget.csv.run(Array(text.utf8)).isAccepted)
    }

    @Test func refusalsCarryTheParsersMessage() {
        #expect(FuzzTarget.vietqr.run(Array("000201".utf8)).description.hasPrefix("rejected: "))
        #expect(FuzzTarget.mt940.run([]).description.hasPrefix("rejected: fuzz.sta"))
    }
}
