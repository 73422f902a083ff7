import Foundation
import Testing
@testable import BankStatements

@Suite("Detection and encodings")
struct EncodingTests {
    @Test(arguments: [
        (":20:X\n", StatementFormat.mt940),
        ("{1:F01X}{2:O940}{4:\n:20:X", .mt940),
        ("ABNANL2A\n940\nABNANL2A\n:20:X\n", .mt940),
        ("\u{FEFF}  \n:20:X\n", .mt940),
        ("Ngày giao dịch,Số tiền\n", .csv),
        (camt053v02, .camt053),
        (camt054v08, .camt054),
    ])
    func detectsFormat(_ text: String, _ format: StatementFormat) throws {
        #expect(try StatementReader.detectFormat(data: Data(text.utf8), fileName: "f") == format)
    }

    @Test(arguments: [
        (Data([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]), "file.bin: binary data, not a bank statement"),
        (Data(Array("Ngày giao dịch,Số tiền ghi có\n".utf8) + [0x81, 0x8D, 0x0A]), "file.bin: binary data, not a bank statement"),
        (Data([0xFF, 0xFE, 0x3A, 0x00]), "file.bin: the file is UTF-16 text; save it as UTF-8 or windows-1258"),
        (Data(), "file.bin: the file is empty"),
        (Data("  \n\n".utf8), "file.bin: the file is empty"),
    ])
    func refusesNonText(_ data: Data, _ message: String) {
        #expect(errorMessage(data, file: "file.bin") == message)
    }

    @Test func utf8ProfileRefusesWindows1258Bytes() throws {
        var profile = try dotProfile()
        profile = try BankProfile(name: profile.name, bank: profile.bank, encoding: .utf8, delimiter: .comma,
                                  dateFormats: profile.dateFormats, amountStyle: .dotThousands, columns: profile.columns)
        let bytes = Array(csvHeader.utf8) + Array("22/11/2026,FT1,,75.000,N".utf8) + [0xF4, 0xF2, 0x0A]
        #expect(errorMessage(Data(bytes), format: .csv, profile: profile, file: "x.csv")
            == "x.csv line 2: byte 0xF4 is not valid UTF-8 (the bank profile says utf-8; is the file windows-1258?)")
    }

    @Test func mt940InWindows1258() throws {
        let text = ":20:X\n:25:1\n:60F:C261121VND0,\n:61:261122C10,NTRFNONREF\n:86:Nộp phí\n:62F:C261122VND10,\n"
        let file = try StatementReader.parseAll(data: try windows1258(text), fileName: "v.sta")
        #expect(file.statements.first?.lines.first?.memo == "Nộp phí")
    }

    @Test func textFoldingForHeaders() {
        #expect(TextFolding.fold("  Số tiền\nGHI CÓ  ") == "so tien ghi co")
        #expect(TextFolding.fold("Đường ĐI") == "duong di")
        #expect(TextFolding.hasWordPrefix("so tien ghi co (vnd)", "so tien ghi co"))
        #expect(!TextFolding.hasWordPrefix("cong ty", "co"))
    }
}
