import Foundation
import Testing

/// Issue 10 acceptance through the command line: a credit whose memo carries a dossier code, imported
/// before the dossier was known, is matched right after `feedesk dossier import`.
@Suite struct DossierCodeCommandTests {
    @Test func aCodeCreditIsMatchedRightAfterTheRegisterImport() throws {
        let folder = ScratchFolder()
        let db = folder.file("db.sqlite")
        #expect(try Feedesk.run(["init", "--db", db]).status == 0)
        let statement = folder.file("statement.csv")
        try """
        SAO KÊ TÀI KHOẢN\r
        "Số tài khoản: 0071000123456"\r
        "Số dư đầu kỳ: 1000000"\r
        Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Nội dung\r
        22/11/2026 09:01:00,5202.261122,,10000,"MBVCB.881.nop phi ho so 0000616g09 2611220001.CT tu 0123 NGUYEN VAN AN"\r
        "Số dư cuối kỳ: 1010000"\r

        """.write(toFile: statement, atomically: true, encoding: .utf8)
        let imported = try Feedesk.run(["statement", "import", statement, "--json", "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(((try imported.json() as? [String: Any])?["outcomes"] as? [String: Int])?["unmatched"] == 1)
        let register = folder.file("register.csv")
        try "Mã hồ sơ,Mã thủ tục,Người nộp,Số tiền\r\n000.06.16.G09-261122-0001,CT.CHUKY,NGUYEN VAN AN,10000\r\n"
            .write(toFile: register, atomically: true, encoding: .utf8)
        let registered = try Feedesk.run(["dossier", "import", register, "--json", "--db", db])
        #expect(registered.status == 0, "\(registered.stderr)")
        #expect((try registered.json() as? [String: Any])?["new"] as? Int == 1)
        let shown = try #require(try Feedesk.run(["dossier", "show", "000.06.16.G09-261122-0001", "--json", "--db", db]).json() as? [String: Any])
        #expect(shown["status"] as? String == "paid")
        #expect(shown["paid"] as? Int == 10_000)
        let queue = try #require(try Feedesk.run(["review", "list", "--json", "--db", db]).json() as? [[String: Any]])
        #expect(queue.isEmpty)
    }
}
