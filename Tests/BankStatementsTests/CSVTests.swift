import Foundation
import Testing
@testable import BankStatements

/// A strict dot-thousands VND profile used by the error tests.
func dotProfile(layout: AmountLayout = .creditDebit) throws -> BankProfile {
    try BankProfile(name: "test", bank: "Test", delimiter: .comma, dateFormats: ["dd/MM/yyyy[ HH:mm:ss]"],
                    amountStyle: .dotThousands, amountLayout: layout,
                    columns: [.bookingDate: ["Ngày giao dịch"], .credit: ["Số tiền ghi có"], .debit: ["Số tiền ghi nợ"],
                              .amount: ["Số tiền"], .direction: ["Loại"], .memo: ["Mô tả"], .bankReference: ["Số tham chiếu"]])
}

let csvHeader = "Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Mô tả\n"

@Suite("CSV exports")
struct CSVTests {
    @Test func quotedMultiLineMemosAndEscapedQuotes() throws {
        let text = csvHeader + "22/11/2026 09:15:00,FT1,,\"1.000.000\",\"Nộp \"\"lệ phí\"\"\r\nHS0000123456, hộ tịch\"\r\n"
            + "22/11/2026,FT2,\"50.000,00\",,Phí\r\n"
        let statement = try #require(try parse(text, format: .csv, profile: try dotProfile()).statements.first)
        #expect(statement.lines.map(\.signedAmount) == [1_000_000, -50_000])
        #expect(statement.lines[0].memo == "Nộp \"lệ phí\"\nHS0000123456, hộ tịch")
        #expect(statement.lines[0].raw == "22/11/2026 09:15:00,FT1,,\"1.000.000\",\"Nộp \"\"lệ phí\"\"\nHS0000123456, hộ tịch\"")
        #expect(statement.lines[1].location == .line(4))
    }

    @Test func signedAndDirectionLayouts() throws {
        let signed = "Ngày giao dịch,Số tiền,Mô tả\n22/11/2026,+75.000,A\n22/11/2026,-2.000,B\n22/11/2026,0,C\n"
        let signedStatement = try #require(try parse(signed, format: .csv, profile: try dotProfile(layout: .signed)).statements.first)
        #expect(signedStatement.lines.map(\.signedAmount) == [75_000, -2_000])
        #expect(signedStatement.trailer.skipped == 1)
        let direction = "Ngày giao dịch,Số tiền,Loại,Mô tả\n22/11/2026,75.000,Có,A\n22/11/2026,2.000,D,B\n"
        let directionStatement = try #require(try parse(direction, format: .csv, profile: try dotProfile(layout: .amountDirection)).statements.first)
        #expect(directionStatement.lines.map(\.signedAmount) == [75_000, -2_000])
        #expect(errorMessage("Ngày giao dịch,Số tiền,Loại\n22/11/2026,75.000,X\n", format: .csv, profile: try dotProfile(layout: .amountDirection), file: "e.csv")
            == "e.csv line 2: direction 'X' is neither credit (C, CR, Có, Credit, +) nor debit (D, DR, Nợ, Debit, -)")
    }

    @Test func windows1258DecomposedToneMarksBecomeNFC() throws {
        // "Nộp lệ phí" written the Windows-1258 way: base letter + combining mark byte.
        var bytes = Array(try windows1258(csvHeader))
        bytes += Array("22/11/2026,FT1,,\"75.000\",N".utf8) + [0xF4, 0xF2] + Array("p l".utf8) + [0xEA, 0xF2]
            + Array(" phi".utf8) + [0xEC] + Array("\n".utf8)
        let statement = try #require(try StatementReader.parseAll(data: Data(bytes), format: .csv, profile: try dotProfile(),
                                                                  fileName: "w.csv").statements.first)
        #expect(statement.lines[0].memo == "Nộp lệ phí")
        #expect(statement.lines[0].memo.unicodeScalars.count == "Nộp lệ phí".precomposedStringWithCanonicalMapping.unicodeScalars.count)
        // Decomposed UTF-8 (NFD) is normalised too.
        let nfd = csvHeader.decomposedStringWithCanonicalMapping + "22/11/2026,FT1,,75.000,"
            + "Nộp lệ phí".decomposedStringWithCanonicalMapping + "\n"
        #expect(try parse(nfd, format: .csv, profile: try dotProfile()).statements.first?.lines.first?.memo == "Nộp lệ phí")
    }

    @Test func excelTextCellsAndHeaderVariants() throws {
        let text = "Số tài khoản:,=\"0071001234567\"\n\"SỐ TIỀN GHI CÓ (VND)\",ngay  GIAO dich,\"Mo ta\"\n\"75.000\",22/11/2026,X\n"
        let statement = try #require(try parse(text, format: .csv, profile: try dotProfile(layout: .auto)).statements.first)
        #expect(statement.account == "0071001234567")
        #expect(statement.lines.map(\.signedAmount) == [75_000])
    }

    @Test(arguments: [
        (csvHeader + "22/11/2026,FT1,,\"12,5\",A\n", "statement.csv line 2: credit amount '12,5' is not a whole number of đồng"),
        (csvHeader + "22/11/2026,FT1,,75.0OO,A\n", "statement.csv line 2: credit amount '75.0OO' is not a number ('O' is not a digit)"),
        (csvHeader + "22/11/2026,FT1,,\"1.00.000\",A\n", "statement.csv line 2: credit amount '1.00.000' has misplaced separators for this amount style"),
        (csvHeader + "31/02/2026,FT1,,75.000,A\n", "statement.csv line 2: date '31/02/2026' is not a valid date"),
        (csvHeader + "2026-11-22,FT1,,75.000,A\n", "statement.csv line 2: date '2026-11-22' does not match dd/MM/yyyy[ HH:mm:ss]"),
        (csvHeader + "22/11/2026,FT1,1.000,75.000,A\n", "statement.csv line 2: row has both a credit '75.000' and a debit '1.000'"),
        (csvHeader + "22/11/2026,FT1,,-75.000,A\n", "statement.csv line 2: credit amount '-75.000' is negative"),
        (csvHeader + "22/11/2026,FT1,,75.000,\"A\n", "statement.csv line 2: a quoted field is never closed"),
        ("Sao kê\nNgày,Số tiền\n22/11/2026,1\n", "statement.csv: no header row found (looked for: Ngày giao dịch, Số tiền ghi có, Số tiền ghi nợ)"),
    ])
    func refusesWithExactMessage(_ text: String, _ message: String) throws {
        #expect(errorMessage(text, format: .csv, profile: try dotProfile(), file: "statement.csv") == message)
    }

    @Test func totalsFooterAndBlankRowsAreSkipped() throws {
        let text = "Báo cáo\n\n" + csvHeader + "22/11/2026,FT1,,75.000,A\n,,,,\nTổng cộng,,0,75.000,\nTotal,,,,\nNgười lập,,,,Giám đốc\n"
        let statement = try #require(try parse(text, format: .csv, profile: try dotProfile()).statements.first)
        #expect(statement.lines.count == 1)
        #expect(statement.trailer.skipped == 0)
    }

    @Test func usdCommaThousandsInCents() throws {
        let profile = try BankProfile(name: "usd", bank: "USD", currency: "USD", amountStyle: .commaThousands,
                                      columns: [.bookingDate: ["Date"], .amount: ["Amount"], .memo: ["Details"]])
        let statement = try #require(try parse("Date,Amount,Details\n22/11/2026,\"1,234.56\",X\n22/11/2026,-0.5,Y\n",
                                               format: .csv, profile: profile).statements.first)
        #expect(statement.lines.map(\.signedAmount) == [123_456, -50])
        #expect(statement.currency == "USD")
    }
}
