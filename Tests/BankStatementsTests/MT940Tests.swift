import Foundation
import Testing
@testable import BankStatements

/// A Vietcombank-style MT940 with two statements, `-` separators, multi-line `:86:`.
let mt940Plain = """
:20:VCB2611220001
:25:0071001234567
:28C:00326/001
:60F:C261121VND15000000,
:61:2611221122C75000,NTRFHS000012345//FT26326123456789
MBVCB.8812345.HS00001234578.CT tu 0123456789 NGUYEN VAN A
:86:MBVCB.8812345.HS00001234578 nop le phi.CT tu 00123456789 NGUYEN V
AN A toi 0071001234567 UBND PHUONG
:61:261122D20000,NMSCNONREF//FEE261122
:86:Phi dich vu SMS Banking
:62F:C261122VND15055000,
:64:C261122VND15055000,
-
:20:VCB2611230001
:25:0071001234567
:28C:00327/001
:60F:C261122VND15055000,
:62F:C261123VND15055000,
-
"""

@Suite("MT940")
struct MT940Tests {
    @Test func plainStatementsSplitAtTag20() throws {
        let file = try parse(mt940Plain, file: "bank.sta")
        #expect(file.format == .mt940)
        #expect(file.statements.count == 2)
        let first = try #require(file.statements.first)
        #expect(first.account == "0071001234567")
        #expect(first.currency == "VND")
        #expect(first.header.reference == "VCB2611220001")
        #expect(first.header.sequence == "00326/001")
        #expect(first.opening == Balance(amount: 15_000_000, currency: "VND", date: day("2026-11-21")))
        #expect(first.closing == Balance(amount: 15_055_000, currency: "VND", date: day("2026-11-22")))
        #expect(first.lines.count == 2)
        let credit = first.lines[0]
        #expect(credit.amount == 75_000)
        #expect(credit.direction == .credit)
        #expect(credit.reversal == false)
        #expect(credit.valueDate == day("2026-11-22"))
        #expect(credit.bookingDate == day("2026-11-22"))
        #expect(credit.transactionCode == "NTRF")
        #expect(credit.customerReference == "HS000012345")
        #expect(credit.bankReference == "FT26326123456789")
        #expect(credit.memo == "MBVCB.8812345.HS00001234578 nop le phi.CT tu 00123456789 NGUYEN VAN A toi 0071001234567 UBND PHUONG")
        #expect(credit.location == .line(5))
        #expect(credit.raw.hasPrefix(":61:2611221122C75000,NTRF"))
        #expect(credit.raw.hasSuffix("AN A toi 0071001234567 UBND PHUONG"))
        let debit = first.lines[1]
        #expect(debit.direction == .debit)
        #expect(debit.customerReference == nil)
        #expect(debit.bankReference == "FEE261122")
        #expect(first.checkBalance() == .balanced)
        #expect(file.statements[1].lines.isEmpty)
        #expect(file.statements[1].checkBalance() == .balanced)
    }
}

/// One statement, written in several MT940 dialects; all must parse to the same lines.
struct MT940Variant: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    var testDescription: String { name }
}

let mt940Core = """
:20:STARTUMS
:25:VCBVVNVX/0071001234567
:28C:5/1
:60F:C261121VND1000000,
:61:261122C75000,NTRFHS0000123456//FT26326AAA
:86:HS0000123456 LE PHI CHUNG THUC
:61:261122D2000,NMSCNONREF
:86:PHI SMS
:62F:C261122VND1073000,
"""

let mt940Variants: [MT940Variant] = [
    MT940Variant(name: "plain LF", text: mt940Core),
    MT940Variant(name: "CRLF with BOM", text: "\u{FEFF}" + mt940Core.replacingOccurrences(of: "\n", with: "\r\n")),
    MT940Variant(name: "dash separated", text: mt940Core + "\n-\n"),
    MT940Variant(name: "FIN envelope", text: "{1:F01VCBVVNVXAXXX0000000000}{2:O9401200261122VCBVVNVXAXXX00000000002611221200N}{4:\n"
        + mt940Core + "\n-}{5:{CHK:123456789ABC}}"),
    MT940Variant(name: "FIN envelope on one line with :20:", text: "{1:F01VCBVVNVXAXXX0000000000}{2:O940}{4::20:STARTUMS\n"
        + mt940Core.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n-}"),
    MT940Variant(name: "bank preamble lines", text: "VCBVVNVX\n940\nVCBVVNVX\n" + mt940Core + "\n-"),
    MT940Variant(name: "trailing blanks and empty lines", text: mt940Core.replacingOccurrences(of: "\n", with: "  \n\n")),
]

@Suite("MT940 variants")
struct MT940VariantTests {
    @Test(arguments: mt940Variants)
    func variantParsesIdentically(_ variant: MT940Variant) throws {
        let file = try parse(variant.text, file: "bank.sta")
        #expect(file.format == .mt940)
        let statement = try #require(file.statements.first)
        #expect(file.statements.count == 1)
        #expect(statement.account == "0071001234567")
        #expect(statement.header.sequence == "5/1")
        #expect(statement.lines.map(\.amount) == [75_000, 2_000])
        #expect(statement.lines.map(\.direction) == [.credit, .debit])
        #expect(statement.lines[0].memo == "HS0000123456 LE PHI CHUNG THUC")
        #expect(statement.lines[0].raw == ":61:261122C75000,NTRFHS0000123456//FT26326AAA\n:86:HS0000123456 LE PHI CHUNG THUC")
        #expect(statement.trailer.totals.creditTotal == 75_000)
        #expect(statement.trailer.totals.debitTotal == 2_000)
        #expect(statement.checkBalance() == .balanced)
    }

    @Test func separatorLessStatementsSplitAtTag20() throws {
        let second = mt940Core.replacingOccurrences(of: "STARTUMS", with: "SECOND").replacingOccurrences(of: "5/1", with: "6/1")
        let file = try parse(mt940Core + "\n" + second, file: "bank.sta")
        #expect(file.statements.map(\.header.reference) == ["STARTUMS", "SECOND"])
        #expect(file.statements.map { $0.lines.count } == [2, 2])
    }

    @Test func pagedStatementIsMergedAcross28C() throws {
        let text = """
        :20:PAGE1
        :25:0071001234567
        :28C:42/1
        :60F:C261121VND1000000,
        :61:261122C500000,NTRFNONREF
        :86:HS0000000001
        :62M:C261122VND1500000,
        -
        :20:PAGE2
        :25:0071001234567
        :28C:42/2
        :60M:C261122VND1500000,
        :61:261122D100000,NTRFNONREF
        :86:CHUYEN TIEN
        :62F:C261122VND1400000,
        -
        """
        let file = try parse(text, file: "paged.sta")
        #expect(file.statements.count == 1)
        let statement = try #require(file.statements.first)
        #expect(statement.lines.map(\.signedAmount) == [500_000, -100_000])
        #expect(statement.opening?.amount == 1_000_000)
        #expect(statement.closing?.amount == 1_400_000)
        #expect(statement.closing?.isIntermediate == false)
        #expect(statement.checkBalance() == .balanced)
    }

    @Test func pageThatDoesNotContinueIsRefused() {
        let text = """
        :20:PAGE1
        :25:0071001234567
        :28C:42/1
        :60F:C261121VND1000000,
        :62M:C261122VND1000000,
        -
        :20:PAGE2
        :25:0071001234567
        :28C:42/2
        :60M:C261122VND1500000,
        :62F:C261122VND1500000,
        -
        """
        #expect(errorMessage(text, file: "paged.sta")
            == "paged.sta line 10: opening balance :60M: 1.500.000 ₫ does not continue the previous page's :62M: 1.000.000 ₫")
    }

    @Test func statementLevelInformationIsKeptApart() throws {
        let text = """
        :20:INFO
        :25:0071001234567
        :28C:1
        :60F:C261121VND0,
        :86:SAO KE TAI KHOAN THANH TOAN
        :61:261122C10000,NTRFNONREF
        :86:HS01
        :86:NOP PHI
        :62F:C261122VND10000,
        :86:CAM ON QUY KHACH
        -
        """
        let statement = try #require(try parse(text).statements.first)
        #expect(statement.lines.count == 1)
        #expect(statement.lines[0].memo == "HS01 NOP PHI")
        #expect(statement.trailer.information == "SAO KE TAI KHOAN THANH TOAN\nCAM ON QUY KHACH")
    }

    @Test func usdAndEurAmountsAreCents() throws {
        let text = """
        :20:EUR
        :25:NL91ABNA0417164300 EUR
        :28C:1/1
        :60F:D261121EUR0,5
        :61:261122C1234,56NTRFNONREF
        :61:261122D300,NMSCNONREF
        :62F:C261122EUR934,06
        """
        let statement = try #require(try parse(text).statements.first)
        #expect(statement.account == "NL91ABNA0417164300")
        #expect(statement.opening?.amount == -50)
        #expect(statement.lines.map(\.amount) == [123_456, 30_000])
        #expect(statement.lines.allSatisfy { $0.currency == "EUR" })
        #expect(statement.checkBalance() == .balanced)
    }

    @Test func germanStructuredDetails() throws {
        let text = """
        :20:DE
        :25:10020030/1234567890
        :28C:1
        :60F:C261121EUR0,
        :61:2611221122CR150,00NTRFKREF+//BANKREF1
        :86:166?00GUTSCHRIFT?100599?20EREF+E2E-4711?21SVWZ+HS0000123456 Gebu
        ?22ehr?30COBADEFFXXX?31DE89370400440532013000?32Max Mustermann
        :62F:C261122EUR150,00
        """
        let line = try #require(try parse(text).statements.first?.lines.first)
        #expect(line.amount == 15_000)
        #expect(line.reversal == false)
        #expect(line.endToEndReference == "E2E-4711")
        #expect(line.counterpartyName == "Max Mustermann")
        #expect(line.counterpartyAccount == "DE89370400440532013000")
        #expect(line.memo == "EREF+E2E-4711SVWZ+HS0000123456 Gebuehr")
    }

    @Test func dutchStructuredDetails() throws {
        let text = """
        :20:NL
        :25:NL91ABNA0417164300
        :28C:1
        :60F:C261121EUR0,
        :61:261122C25,00NTRFNONREF
        :86:/TRTP/SEPA OVERBOEKING/IBAN/NL20INGB0001234567/BIC/INGBNL2A/NAME/
        J. JANSEN/REMI/USTD//HS0000123456/EREF/NOTPROVIDED
        :62F:C261122EUR25,00
        """
        let line = try #require(try parse(text).statements.first?.lines.first)
        #expect(line.counterpartyName == "J. JANSEN")
        #expect(line.counterpartyAccount == "NL20INGB0001234567")
        #expect(line.endToEndReference == nil)
        #expect(line.memo.contains("HS0000123456"))
    }
}
