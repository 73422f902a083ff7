import Foundation
import Testing
@testable import BankStatements

let minimalProfile = #"{"amountStyle": "dot-thousands", "columns": {"bookingDate": ["Ngày"], "credit": ["Có"], "debit": ["Nợ"]}}"#

@Suite("Bank profile loading")
struct ProfileLoadingTests {
    @Test func minimalProfileTakesDefaults() throws {
        let profile = try BankProfile.load(from: Data(minimalProfile.utf8), name: "config/bank-profiles/mybank.json")
        #expect(profile.name == "mybank")
        #expect(profile.encoding == .auto)
        #expect(profile.delimiter == .auto)
        #expect(profile.currency == "VND")
        #expect(profile.amountLayout == .auto)
        #expect(profile.confirmed == false)
    }

    @Test func encodeDecodeRoundTrip() throws {
        for profile in [BankProfile.generic, try shippedProfile("vietcombank"), try shippedProfile("vietinbank")] {
            let data = try JSONEncoder().encode(profile)
            #expect(try BankProfile.load(from: data, name: "\(profile.name).json") == profile)
        }
    }

    @Test(arguments: [
        ("{", "bad.json: the file is not valid JSON"),
        (#"{"columns": {"bookingDate": ["Ngày"]}}"#, "bad.json field 'amountStyle': is missing"),
        (#"{"amountStyle": 5, "columns": {}}"#, "bad.json field 'amountStyle': must be a string"),
        (#"{"amountStyle": "dots", "columns": {"bookingDate": ["Ngày"]}}"#,
         "bad.json field 'amountStyle': 'dots' is not one of dot-thousands, comma-thousands, plain, auto, swift, iso"),
        (#"{"amountStyle": "plain", "delimiter": "|", "columns": {"bookingDate": ["Ngày"]}}"#,
         "bad.json field 'delimiter': '|' is not one of ,, ;, tab, auto"),
        (#"{"amountStyle": "plain", "columns": {"credit": ["Có"], "debit": ["Nợ"]}}"#,
         "bad.json field 'columns.bookingDate': must list at least one header keyword"),
        (#"{"amountStyle": "plain", "columns": {"bookingDate": "Ngày"}}"#, "bad.json field 'columns.bookingDate': must be a list of strings"),
        (#"{"amountStyle": "plain", "columns": {"bookingDate": ["Ngày"], "foo": ["x"]}}"#,
         "bad.json field 'columns': 'foo' is not a column (use bookingDate, valueDate, credit, debit, amount, direction, bankReference, memo, counterpartyName, counterpartyAccount, balance)"),
        (#"{"amountStyle": "plain", "dateFormat": "dd/qq/yyyy", "columns": {"bookingDate": ["Ngày"], "amount": ["Số tiền"]}}"#,
         "bad.json field 'dateFormats[0]': 'dd/qq/yyyy' is not a date pattern (use dd, MM, yyyy, HH, mm, ss and [optional])"),
        (#"{"amountStyle": "plain", "amountLayout": "credit-debit", "columns": {"bookingDate": ["Ngày"], "credit": ["Có"]}}"#,
         "bad.json field 'columns.debit': must list header keywords for the credit-debit layout"),
        (#"{"amountStyle": "plain", "currency": "vnd", "columns": {"bookingDate": ["Ngày"], "amount": ["Số tiền"]}}"#,
         "bad.json field 'currency': 'vnd' is not an ISO 4217 code"),
        (#"{"amountStyle": "auto", "currency": "KWD", "columns": {"bookingDate": ["Ngày"], "amount": ["Số tiền"]}}"#,
         "bad.json field 'amountStyle': auto cannot read KWD amounts (3 decimals); name the style"),
        (#"{"amountStyle": "plain", "skipRows": "2", "columns": {"bookingDate": ["Ngày"], "amount": ["Số tiền"]}}"#,
         "bad.json field 'skipRows': must be a whole number"),
    ])
    func refusesWithExactMessage(_ json: String, _ message: String) {
        do {
            _ = try BankProfile.load(from: Data(json.utf8), name: "bad.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func datePatterns() throws {
        let pattern = try #require(DatePattern("dd/MM/yyyy[ HH:mm[:ss]]"))
        for (text, ok) in [("22/11/2026", true), ("22/11/2026 09:15", true), ("22/11/2026  09:15:30", true),
                           ("22/11/2026 9:15", false), ("2026-11-22", false), ("22/11/26", false)] {
            let bytes = Array(text.utf8)
            let fields = bytes.withUnsafeBufferPointer { pattern.match($0, 0..<$0.count) }
            #expect((fields != nil) == ok, "\(text)")
        }
        #expect(DatePattern("HH:mm") == nil)
        #expect(DatePattern("dd/MM/yyyy[") == nil)
    }
}
