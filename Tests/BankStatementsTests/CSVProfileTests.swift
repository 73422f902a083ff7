import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import BankStatements

/// Loads a shipped profile from config/bank-profiles (found relative to this source file).
func shippedProfile(_ name: String) throws -> BankProfile {
    let url = profilesDirectory().appendingPathComponent("\(name).json")
    return try BankProfile.load(from: try Data(contentsOf: url), name: "\(name).json")
}

func profilesDirectory() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/bank-profiles")
}

/// A bank export fixture and what it must contain.
struct BankExport: CustomTestStringConvertible, Sendable {
    let profile: String
    let text: String
    let account: String?
    let signedAmounts: [Int64]
    let memos: [String]
    let references: [String?]
    let opening: Int64?
    let closing: Int64?
    var windows1258 = false
    var testDescription: String { profile }
}

let bankExports: [BankExport] = [
    BankExport(profile: "vietcombank", text: """
    NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM,,,,,,
    SAO KÊ TÀI KHOẢN / STATEMENT OF ACCOUNT,,,,,,
    Số tài khoản/Account number:,0071001234567,,Loại tiền/Currency:,VND,,
    Từ ngày/From: 22/11/2026,Đến ngày/To: 22/11/2026,,,,,
    Số dư đầu kỳ/ Opening balance :,"15,000,000",,,,,
    "STT
    No.","Ngày GD/
    TNX Date/ Số CT/ Doc No","Ngày hiệu lực/
    Effective date","Số tiền ghi nợ/
    Debit","Số tiền ghi có/
    Credit","Số dư/
    Balance","Nội dung chi tiết/
    Transactions in detail"
    1,"22/11/2026
    5243.65937",22/11/2026,,"75,000","15,075,000","MBVCB.8812345.HS00001234578.CT tu
    0123456789 NGUYEN VAN A toi
    0071001234567 UBND PHUONG"
    2,"22/11/2026
    5244.10001",23/11/2026,"2,000",,"15,073,000",Phi SMS Banking
    "Tổng số/ Total",,,"2,000","75,000",,
    Số dư cuối kỳ/ Closing balance :,"15,073,000",,,,,
    """, account: "0071001234567", signedAmounts: [75_000, -2_000],
               memos: ["MBVCB.8812345.HS00001234578.CT tu\n0123456789 NGUYEN VAN A toi\n0071001234567 UBND PHUONG", "Phi SMS Banking"],
               references: ["5243.65937", "5244.10001"], opening: 15_000_000, closing: 15_073_000),
    BankExport(profile: "vietinbank", text: """
    NGÂN HÀNG TMCP CÔNG THƯƠNG VIỆT NAM\t\t\t\t\t\t\t
    LỊCH SỬ GIAO DỊCH - TRANSACTION HISTORY\t\t\t\t\t\t\t
    Số tài khoản / Account No: 107001234567 - VND\t\t\t\t\t\t\t
    Số dư đầu kỳ / Opening balance: 1,000,000\t\t\t\t\t\t\t
    STT\tNgày hạch toán / Accounting date\tNgày phát sinh / Transaction date\tSố giao dịch / Transaction number\tMô tả giao dịch / Transaction description\tNợ / Debit\tCó / Credit\tSố dư TK / Account balance
    1\t22/11/2026 09:15:32\t22/11/2026 09:15:30\t987654321\tCT DEN:123 HS0000123456 NOP LE PHI\t\t150,000\t1,150,000
    2\t22/11/2026 23:59:59\t22/11/2026 23:59:59\t987654322\tTRA PHI QUAN LY TAI KHOAN\t11,000\t\t1,139,000
    Tổng cộng / Total\t\t\t\t\t11,000\t150,000\t
    Số dư cuối kỳ / Closing balance: 1,139,000\t\t\t\t\t\t\t
    """, account: "107001234567", signedAmounts: [150_000, -11_000],
               memos: ["CT DEN:123 HS0000123456 NOP LE PHI", "TRA PHI QUAN LY TAI KHOAN"],
               references: ["987654321", "987654322"], opening: 1_000_000, closing: 1_139_000),
    BankExport(profile: "bidv", text: """
    SAO KÊ TÀI KHOẢN;;;;;;;;;
    Số tài khoản: 12010001234567;;;;;;;;;
    STT;Ngày giao dịch;Ngày hiệu lực;Số tham chiếu;Ghi nợ;Ghi có;Số dư;Mô tả giao dịch;Tên tài khoản đối ứng;Số tài khoản đối ứng
    1;22/11/2026;22/11/2026;FT2632611111;;1.500.000;11.500.000;"REM Tfr Ac: 0123456789 HS0000123456; nop phi";TRAN THI B;0123456789
    2;22/11/2026;22/11/2026;FT2632622222;100.000;;11.400.000;Chuyen tien;CONG TY X;9876543210
    Cộng;;;;100.000;1.500.000;;;;
    """, account: "12010001234567", signedAmounts: [1_500_000, -100_000],
               memos: ["REM Tfr Ac: 0123456789 HS0000123456; nop phi", "Chuyen tien"],
               references: ["FT2632611111", "FT2632622222"], opening: nil, closing: nil),
    BankExport(profile: "agribank", text: """
    NGÂN HÀNG NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN VIỆT NAM,,,,,
    Số tài khoản: 3100205123456,,,,,
    Số dư đầu kỳ:,0,,,,
    Ngày GD,Số CT,Diễn giải,PS Nợ,PS Có,Số dư
    22/11/2026,AG001,Nộp lệ phí hộ tịch HS0000123456,,"50,000","50,000"
    23/11/2026,AG002,Phí quản lý tài khoản,"5,500",,"44,500"
    Cộng phát sinh,,,"5,500","50,000",
    Số dư cuối kỳ:,"44,500",,,,
    Người lập biểu,,,Kế toán trưởng,,
    """, account: "3100205123456", signedAmounts: [50_000, -5_500],
               memos: ["Nộp lệ phí hộ tịch HS0000123456", "Phí quản lý tài khoản"],
               references: ["AG001", "AG002"], opening: 0, closing: 44_500, windows1258: true),
    BankExport(profile: "techcombank", text: """
    NGÂN HÀNG TMCP KỸ THƯƠNG VIỆT NAM,,,,,,
    Số tài khoản / Account number: 19020352517013,,,,,,
    "Số dư đầu kỳ / Opening balance: 2,308,471",,,,,,
    STT,Ngày giao dịch,Đối tác,Diễn giải,Nợ TKTT,Có TKTT,Số dư
    1,"31/10/2023
    5243.65937",NGUYEN THE HUNG,"MBVCB.4525077405.9P0019630833 CT
    tu 0351000646393 NGUYEN THE
    HUNG toi1018795282 CT CP 9PAY","99,000",,"2,209,471"
    2,"31/10/2023
    9920.28",CONG TY ITL,LUONG T10.2023,,"26,338,000","28,547,471"
    ,Doanh số / Total,,,"99,000","26,338,000",
    "Số dư cuối kỳ / Ending balance: 28,547,471",,,,,,
    """, account: "19020352517013", signedAmounts: [-99_000, 26_338_000],
               memos: ["MBVCB.4525077405.9P0019630833 CT\ntu 0351000646393 NGUYEN THE\nHUNG toi1018795282 CT CP 9PAY", "LUONG T10.2023"],
               references: ["5243.65937", "9920.28"], opening: 2_308_471, closing: 28_547_471),
    BankExport(profile: "mbbank", text: """
    \u{FEFF}NGÂN HÀNG TMCP QUÂN ĐỘI,,,,,,
    SAO KÊ CHI TIẾT TÀI KHOẢN / ACCOUNT STATEMENT,,,,,,
    Tài khoản/Account No: 0801234567890 - VND,,,,,,
    Ngày hạch toán/Posting date,Ngày giao dịch/Transaction date,Số bút toán/Reference,Phát sinh nợ/Debit,Phát sinh có/Credit,Số dư/Balance,Nội dung/Description
    22/11/2026 09:15:32,22/11/2026 09:15:30,FT26326123456,,"180,000","1,180,000",HS0000123456 NOP PHI
    22/11/2026 10:01:02,22/11/2026 10:01:00,FT26326123457,"30,000.00",,"1,150,000",CHUYEN KHOAN
    Cộng phát sinh,,,"30,000","180,000",,
    Số dư cuối kỳ/Closing balance,"1,150,000",,,,,
    """, account: "0801234567890", signedAmounts: [180_000, -30_000],
               memos: ["HS0000123456 NOP PHI", "CHUYEN KHOAN"],
               references: ["FT26326123456", "FT26326123457"], opening: nil, closing: 1_150_000),
]

@Suite("CSV bank profiles")
struct CSVProfileTests {
    @Test(arguments: bankExports)
    func readsExport(_ export: BankExport) throws {
        let profile = try shippedProfile(export.profile)
        #expect(profile.confirmed == false)
        #expect(profile.source?.isEmpty == false)
        let data = export.windows1258 ? try windows1258(export.text) : Data(export.text.utf8)
        let file = try StatementReader.parseAll(data: data, format: .csv, profile: profile, fileName: "\(export.profile).csv")
        #expect(file.format == .csv)
        let statement = try #require(file.statements.first)
        #expect(statement.account == export.account)
        #expect(statement.lines.map(\.signedAmount) == export.signedAmounts)
        #expect(statement.lines.map(\.memo) == export.memos)
        #expect(statement.lines.map(\.bankReference) == export.references)
        #expect(statement.opening?.amount == export.opening)
        #expect(statement.closing?.amount == export.closing)
        if export.opening != nil && export.closing != nil {
            #expect(statement.checkBalance() == .balanced)
        }
        // The generic profile reads every bank's export to the same amounts.
        let generic = try StatementReader.parseAll(data: data, profile: nil, fileName: "x.csv")
        #expect(generic.statements.first?.lines.map(\.signedAmount) == export.signedAmounts)
    }

    @Test func dateTimeAndValueDate() throws {
        let statement = try #require(try parse(bankExports[1].text, format: .csv, profile: try shippedProfile("vietinbank")).statements.first)
        #expect(statement.lines[0].bookingDate == day("2026-11-22"))
        #expect(statement.lines[0].bookingTime == StatementTime(hour: 9, minute: 15, second: 32))
        #expect(statement.lines[1].bookingTime == StatementTime(hour: 23, minute: 59, second: 59))
        #expect(statement.lines[0].balanceAfter == 1_150_000)
    }

    @Test func counterpartyColumns() throws {
        let statement = try #require(try parse(bankExports[2].text, format: .csv, profile: try shippedProfile("bidv")).statements.first)
        #expect(statement.lines[0].counterpartyName == "TRAN THI B")
        #expect(statement.lines[0].counterpartyAccount == "0123456789")
        #expect(statement.lines[0].location == .line(4))
    }

    @Test func everyShippedProfileLoadsAndGenericMatchesTheBuiltIn() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: profilesDirectory().path).filter { $0.hasSuffix(".json") }
        #expect(Set(files) == ["generic.json", "vietcombank.json", "vietinbank.json", "bidv.json", "agribank.json", "techcombank.json", "mbbank.json"])
        for file in files {
            let profile = try shippedProfile(String(file.dropLast(5)))
            #expect(profile.name == String(file.dropLast(5)))
        }
        #expect(try shippedProfile("generic") == BankProfile.generic)
    }
}

/// UTF-8 text → Windows-1258 bytes with glibc iconv (tone marks become combining characters).
func windows1258(_ text: String) throws -> Data {
    let converter = iconv_open("WINDOWS-1258", "UTF-8")
    #expect(converter != iconv_t(bitPattern: -1))
    defer { iconv_close(converter) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    let produced = input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer -> Int in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inLeft = inBuffer.count, outLeft = outBuffer.count
            let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            precondition(result != -1, "iconv failed")
            return outBuffer.count - outLeft
        }
    }
    return Data(output[0..<produced])
}
