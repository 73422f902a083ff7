import FeeDeskApp
import FeeDeskCore
import Foundation
import Testing
import VietQR

@Suite struct PaymentCodeTests {
    static func app() throws -> (AppFixture, FeeDesk) {
        let fixture = try AppFixture()
        let app = try fixture.app()
        try app.setUp(by: "test")
        return (fixture, app)
    }

    @Test func asksForWhatIsStillDueWithTheReferenceFirst() throws {
        let (_, app) = try Self.app()
        _ = try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0001", procedure: "XD.GPXD.NHA", applicant: "Lê Thị Hoa"), by: "t")
        _ = try app.recordCash(NewCashPayment(dossierCode: "000.06.16.G09-261122-0001", amount: Money(dong: 25_000), receipt: "1", cashier: "c"), by: "t")
        let code = try app.paymentCode(forDossier: "000.06.16.g09-261122-0001")
        let decoded = try VietQR.decode(code.payload)
        #expect(decoded.initiation == .dynamic)
        #expect(decoded.amount == 50_000)
        #expect(decoded.bin == "970436")
        #expect(decoded.account == "0071000123456")
        #expect(decoded.service == .toAccount)
        #expect(decoded.purpose == "HS00000198 nop phi")
        #expect(decoded.bank?.shortName == "Vietcombank")
        #expect(try PaymentReference(validating: String(decoded.purpose?.prefix(10) ?? ""), format: .standard).text == "HS00000198")
    }

    @Test func refusesPaidUnknownDossiers() throws {
        let (_, app) = try Self.app()
        _ = try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0001", procedure: "CT.CHUKY"), by: "t")
        _ = try app.recordCash(NewCashPayment(dossierCode: "000.06.16.G09-261122-0001", amount: Money(dong: 10_000), receipt: "1", cashier: "c"), by: "t")
        #expect(throws: CoreError(.conflict, "dossier '000.06.16.G09-261122-0001' is already paid; there is nothing left to pay")) {
            try app.paymentCode(forDossier: "000.06.16.G09-261122-0001")
        }
        #expect(throws: CoreError(.notFound, "no dossier has the code 'X'")) { try app.paymentCode(forDossier: "X") }
    }

    @Test func slipCarriesEverythingTheCitizenNeedsAndEscapesNames() throws {
        let (_, app) = try Self.app()
        _ = try app.addDossier(NewDossier(code: "000.06.16.G09-261122-0001", procedure: "XD.GPXD.NHA",
                                          applicant: "Trần <script>alert(1)</script> & Co"), by: "t")
        let html = try app.paymentSlip(forDossier: "000.06.16.G09-261122-0001")
        for fragment in ["75.000 ₫", "Bảy mươi lăm nghìn đồng", "HS00000198", "Vietcombank", "0071000123456",
                         "TRUNG TAM PVHCC", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "000.06.16.G09-261122-0001",
                         "Trung tâm Phục vụ Hành chính công (thử nghiệm)", "<svg", "size: A5",
                         "Trần &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"] {
            #expect(html.contains(fragment), "slip lacks \(fragment)")
        }
        #expect(!html.contains("<script>"))
        #expect(html.components(separatedBy: "<path").count == 2)
    }

    @Test(arguments: QRImageFormat.allCases)
    func rendersEveryFormat(format: QRImageFormat) throws {
        let payload = "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52"
        let bytes = try format.render(payload)
        switch format {
        case .payload: #expect(String(decoding: bytes, as: UTF8.self) == payload + "\n")
        case .svg: #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("<?xml"))
        case .png: #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .text: #expect(String(decoding: bytes, as: UTF8.self).contains("█"))
        }
        #expect(throws: AppError.input("format 'jpeg' is not one of payload, svg, png, text")) { try QRImageFormat(parsing: "jpeg") }
    }
}
