import Foundation
import Testing
@testable import BankStatements

/// A `:61:` body and what it must become (in a VND or EUR statement).
struct LineVector: CustomTestStringConvertible, Sendable {
    let field: String
    let currency: String
    let amount: Int64
    let direction: Direction
    let reversal: Bool
    let valueDate: String
    let bookingDate: String
    let code: String
    let customerReference: String?
    let bankReference: String?
    var testDescription: String { field }
}

let lineVectors: [LineVector] = [
    LineVector(field: "261122C300,NTRFNONREF", currency: "VND", amount: 300, direction: .credit, reversal: false,
               valueDate: "2026-11-22", bookingDate: "2026-11-22", code: "NTRF", customerReference: nil, bankReference: nil),
    LineVector(field: "2611221123D1234,NMSCREF1//B1", currency: "VND", amount: 1234, direction: .debit, reversal: false,
               valueDate: "2026-11-22", bookingDate: "2026-11-23", code: "NMSC", customerReference: "REF1", bankReference: "B1"),
    LineVector(field: "261122RC75000,NTRFHS01//FT1", currency: "VND", amount: 75000, direction: .debit, reversal: true,
               valueDate: "2026-11-22", bookingDate: "2026-11-22", code: "NTRF", customerReference: "HS01", bankReference: "FT1"),
    LineVector(field: "261122RD75000,NTRFHS01", currency: "VND", amount: 75000, direction: .credit, reversal: true,
               valueDate: "2026-11-22", bookingDate: "2026-11-22", code: "NTRF", customerReference: "HS01", bankReference: nil),
    // `CR`: C plus funds code R (the third letter of EUR), not a reversal.
    LineVector(field: "261122CR1234,56FTRFX//Y", currency: "EUR", amount: 123_456, direction: .credit, reversal: false,
               valueDate: "2026-11-22", bookingDate: "2026-11-22", code: "FTRF", customerReference: "X", bankReference: "Y"),
    // `DK`: D plus funds code K.
    LineVector(field: "261122DK0,5NCHGNONREF", currency: "EUR", amount: 50, direction: .debit, reversal: false,
               valueDate: "2026-11-22", bookingDate: "2026-11-22", code: "NCHG", customerReference: nil, bankReference: nil),
    LineVector(field: "261122RCR300,S103ABC", currency: "EUR", amount: 30_000, direction: .debit, reversal: true,
               valueDate: "2026-11-22", bookingDate: "2026-11-22", code: "S103", customerReference: "ABC", bankReference: nil),
    // Entry date in January of the next year (value date 31 December).
    LineVector(field: "2612310102C10,NTRFNONREF", currency: "VND", amount: 10, direction: .credit, reversal: false,
               valueDate: "2026-12-31", bookingDate: "2027-01-02", code: "NTRF", customerReference: nil, bankReference: nil),
    // Entry date in December of the previous year (value date 2 January).
    LineVector(field: "2701021231C10,NTRFNONREF", currency: "VND", amount: 10, direction: .credit, reversal: false,
               valueDate: "2027-01-02", bookingDate: "2026-12-31", code: "NTRF", customerReference: nil, bankReference: nil),
    LineVector(field: "261122C300NTRFNONREF", currency: "VND", amount: 300, direction: .credit, reversal: false,
               valueDate: "2026-11-22", bookingDate: "2026-11-22", code: "NTRF", customerReference: nil, bankReference: nil),
    LineVector(field: "261122C300,00NTRFNONREF", currency: "VND", amount: 300, direction: .credit, reversal: false,
               valueDate: "2026-11-22", bookingDate: "2026-11-22", code: "NTRF", customerReference: nil, bankReference: nil),
]

func statement(currency: String, lines: [String]) -> String {
    ":20:T\n:25:0071001234567\n:28C:1\n:60F:C261121\(currency)0,\n"
        + lines.map { ":61:" + $0 }.joined(separator: "\n") + "\n:62F:C261122\(currency)0,\n"
}

@Suite(":61: statement lines")
struct MT940LineTests {
    @Test(arguments: lineVectors)
    func parsesField(_ vector: LineVector) throws {
        let line = try #require(try parse(statement(currency: vector.currency, lines: [vector.field])).statements.first?.lines.first)
        #expect(line.amount == vector.amount)
        #expect(line.direction == vector.direction)
        #expect(line.reversal == vector.reversal)
        #expect(line.valueDate == day(vector.valueDate))
        #expect(line.bookingDate == day(vector.bookingDate))
        #expect(line.transactionCode == vector.code)
        #expect(line.customerReference == vector.customerReference)
        #expect(line.bankReference == vector.bankReference)
    }

    @Test func supplementaryDetailsBecomeMemoWithoutTag86() throws {
        let text = statement(currency: "VND", lines: ["261122C300,NTRFNONREF//B1\nHS0000123456 NGUYEN VAN A"])
        let line = try #require(try parse(text).statements.first?.lines.first)
        #expect(line.memo == "HS0000123456 NGUYEN VAN A")
    }
}

/// Bad MT940 inputs and their exact messages.
struct BadInput: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let message: String
    var testDescription: String { name }
}

let badMT940: [BadInput] = [
    BadInput(name: "impossible value date", text: statement(currency: "VND", lines: ["261341C300,NTRFNONREF"]),
             message: "bank.sta line 5: :61: value date 261341 is not a valid date"),
    BadInput(name: "impossible entry date", text: statement(currency: "VND", lines: ["2611220230C300,NTRFNONREF"]),
             message: "bank.sta line 5: :61: entry date 0230 is not a valid date"),
    BadInput(name: "letters in amount", text: statement(currency: "VND", lines: ["261122C3O0,NTRFNONREF"]),
             message: "bank.sta line 5: :61: amount '3O0,' is not a number ('O' is not a digit)"),
    BadInput(name: "fractional đồng", text: statement(currency: "VND", lines: ["261122C300,5NTRFNONREF"]),
             message: "bank.sta line 5: :61: amount '300,5' is not a whole number of đồng"),
    BadInput(name: "decimal point", text: statement(currency: "EUR", lines: ["261122C300.50NTRFNONREF"]),
             message: "bank.sta line 5: :61: amount '300.50' is not an MT940 amount (use a decimal comma)"),
    BadInput(name: "bad mark", text: statement(currency: "VND", lines: ["261122X300,NTRFNONREF"]),
             message: "bank.sta line 5: :61: '261122X300,NTRFNONREF' has an invalid debit/credit mark (expected C, D, RC or RD)"),
    BadInput(name: "no closing balance at end of file",
             text: ":20:CUT\n:25:0071001234567\n:28C:1\n:60F:C261121VND0,\n:61:261122C300,NTRFNONREF\n:86:HS01",
             message: "bank.sta line 1: statement 'CUT' has no closing balance :62F: or :62M: before the file ends (the file may be truncated)"),
    BadInput(name: "no closing balance before next statement",
             text: ":20:ONE\n:25:1\n:28C:1\n:60F:C261121VND0,\n:20:TWO\n:25:1\n:28C:2\n:60F:C261121VND0,\n:62F:C261121VND0,",
             message: "bank.sta line 1: statement 'ONE' has no closing balance :62F: or :62M: before a new statement starts at line 5 (the file may be truncated)"),
    BadInput(name: "tag cut off", text: ":20:CUT\n:25:1\n:28C:1\n:60F:C261121VND0,\n:61:261122C",
             message: "bank.sta line 5: :61: '261122C' is cut off before the amount"),
    BadInput(name: "closing balance cut off", text: ":20:CUT\n:25:1\n:28C:1\n:60F:C261121VND0,\n:62F:C2611",
             message: "bank.sta line 5: closing balance :62F: 'C2611' is cut off (expected C or D, YYMMDD, currency and amount)"),
    BadInput(name: "FIN block never closed",
             text: "{1:F01X}{2:O940}{4:\n" + statement(currency: "VND", lines: ["261122C0,NTRFNONREF"]),
             message: "bank.sta line 1: the {4: block opened here has no closing '-}' (the file may be truncated)"),
    BadInput(name: "line before opening balance", text: ":20:X\n:25:1\n:61:261122C300,NTRFNONREF\n:62F:C261122VND300,",
             message: "bank.sta line 3: :61: comes before the opening balance :60F:"),
    BadInput(name: "balance amount with letters", text: ":20:X\n:25:1\n:60F:C261121VND1O0,\n:62F:C261122VND0,",
             message: "bank.sta line 3: opening balance :60F: amount '1O0,' is not a number ('O' is not a digit)"),
    BadInput(name: "balance with bad date", text: ":20:X\n:25:1\n:60F:C261321VND100,\n:62F:C261122VND0,",
             message: "bank.sta line 3: opening balance :60F: date 261321 is not a valid date"),
]

@Suite("MT940 errors")
struct MT940ErrorTests {
    @Test(arguments: badMT940)
    func refusesWithExactMessage(_ input: BadInput) {
        #expect(errorMessage(input.text, format: .mt940, file: "bank.sta") == input.message)
    }
}
