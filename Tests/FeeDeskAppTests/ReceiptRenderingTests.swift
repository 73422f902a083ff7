@testable import FeeDeskApp
import FeeDeskCore
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Golden output of the receipt register: a cash receipt, a voided one and a cashless one.
@Suite struct ReceiptRenderingTests {
    static func register() throws -> ReceiptRegister {
        let fixture = try AppFixture()
        let app = try fixture.app()
        try app.setUp(by: "test")
        let first = try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0001", procedure: "XD.GPXD.NHA", applicant: "Nguyễn Văn A"), by: "test")
        let second = try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0002", procedure: "CT.CHUKY", applicant: "=Trần, \"B\""), by: "test")
        let third = try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0003", procedure: "CT.CHUKY", applicant: "Lê C"), by: "test")
        _ = try app.recordCash(NewCashPayment(dossierCode: first.code, amount: Money(dong: 75_000), receipt: "0000123", cashier: "Thu"), by: "test")
        _ = try app.recordCash(NewCashPayment(dossierCode: second.code, amount: Money(dong: 10_000), receipt: "B7", cashier: "Thu"), by: "test")
        _ = try app.voidCash(receipt: "B7", reason: "ghi nhầm", by: "test")
        let statement = ":20:G\r\n:25:0071000123456\r\n:28C:1/1\r\n:60F:C261121VND0,\r\n:61:2611221122C10000,NTRFNONREF//FT1\r\n"
            + ":86:\(third.reference) nop phi\r\n:62F:C261122VND10000,\r\n-\r\n"
        _ = try app.importStatement(StatementUpload(data: Data(statement.utf8), fileName: "g.sta"), by: "test")
        return try app.receiptRegister(ReportPeriod(from: LocalDate(parsing: "2026-11-22"), to: LocalDate(parsing: "2026-11-22")))
    }

    @Test func csvForTheEReceiptSystem() throws {
        let csv = try Self.register().csv
        #expect(Array(csv.bytes.prefix(3)) == CSVWriter.byteOrderMark)
        let records = [
            "Mẫu số (form),Ký hiệu (symbol),Số (number),Ngày lập (issued at),Mã hồ sơ (dossier),Người nộp (payer),Thủ tục (procedure),"
                + "Loại phí (fee kind),\"Số tiền (amount, đồng)\",Hình thức (method),Trạng thái (status)",
            "01BLP0-001,CK-26E,0000001,2026-11-22T09:00:00+07:00,000.06.16.G09-261122-0003,Lê C,CT.CHUKY,phi,10000,cashless,issued",
            "01BLP0-001,TM-26E,0000001,2026-11-22T09:00:00+07:00,000.06.16.G09-261122-0001,Nguyễn Văn A,XD.GPXD.NHA,le_phi,75000,cash,issued",
            "01BLP0-001,TM-26E,0000002,2026-11-22T09:00:00+07:00,000.06.16.G09-261122-0002,\"'=Trần, \"\"B\"\"\",CT.CHUKY,phi,10000,cash,cancelled",
        ]
        #expect(csv.text == records.map { $0 + "\r\n" }.joined())
    }

    @Test func jsonWithTheStableKeys() throws {
        let json = String(decoding: try Self.register().rendered(.json), as: UTF8.self)
        let expected = """
            [
              {
                "amount" : 10000,
                "applicant" : "Lê C",
                "at" : "2026-11-22T09:00:00+07:00",
                "cancelledAt" : null,
                "cashReceipt" : null,
                "dossier" : "000.06.16.G09-261122-0003",
                "form" : "01BLP0-001",
                "kind" : "phi",
                "number" : "0000001",
                "procedure" : "CT.CHUKY",
                "procedureName" : "Chứng thực chữ ký",
                "source" : "cashless",
                "status" : "issued",
                "symbol" : "CK-26E"
              },
              {
                "amount" : 75000,
                "applicant" : "Nguyễn Văn A",
                "at" : "2026-11-22T09:00:00+07:00",
                "cancelledAt" : null,
                "cashReceipt" : "0000123",
                "dossier" : "000.06.16.G09-261122-0001",
                "form" : "01BLP0-001",
                "kind" : "le_phi",
                "number" : "0000001",
                "procedure" : "XD.GPXD.NHA",
                "procedureName" : "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                "source" : "cash",
                "status" : "issued",
                "symbol" : "TM-26E"
              },
              {
                "amount" : 10000,
                "applicant" : "=Trần, \\"B\\"",
                "at" : "2026-11-22T09:00:00+07:00",
                "cancelledAt" : "2026-11-22T09:00:00+07:00",
                "cashReceipt" : "B7",
                "dossier" : "000.06.16.G09-261122-0002",
                "form" : "01BLP0-001",
                "kind" : "phi",
                "number" : "0000002",
                "procedure" : "CT.CHUKY",
                "procedureName" : "Chứng thực chữ ký",
                "source" : "cash",
                "status" : "cancelled",
                "symbol" : "TM-26E"
              }
            ]

            """
        #expect(json == expected)
    }

    @Test func textAndHTMLShowTheSummary() throws {
        let register = try Self.register()
        #expect(register.total(.issued).amount == Money(dong: 85_000) && register.total(.cancelled).count == 1)
        #expect(register.textTable.contains("Biên lai đã lập (còn hiệu lực)            2       85.000"))
        let html = register.html
        #expect(html.contains("<td class=\"mid\">0000002</td>") && html.contains("Đã huỷ") && html.contains("=Trần, &quot;B&quot;"))
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "XML error: \(parser.parserError.map { "\($0)" } ?? "none") at line \(parser.lineNumber)")
    }
}
