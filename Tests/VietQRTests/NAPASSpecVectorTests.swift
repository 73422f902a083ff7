import Testing
import VietQR

@Suite("NAPAS QR Format T&C v1.0 examples (§6.1.2, §6.1.3)")
struct NAPASSpecVectorTests {
    @Test("decodes the static card example")
    func decodesStaticCard() throws {
        let code = try VietQR.decode(napasStaticCard)
        #expect(code.initiation == .static)
        #expect(code.bin == "970403")
        #expect(code.bank?.shortName == "Sacombank")
        #expect(code.account == "9704031101234567")
        #expect(code.service == .toCard)
        #expect(code.amount == nil)
        #expect(code.purpose == nil)
        #expect(code.crc == "4F52")
        #expect(code.warnings.isEmpty)
        #expect(code.tags == [
            "00": "01", "01": "11", "38.00": "A000000727", "38.01.00": "970403", "38.01.01": "9704031101234567",
            "38.02": "QRIBFTTC", "53": "704", "58": "VN", "63": "4F52",
        ])
        #expect(code.payload() == napasStaticCard)
    }

    @Test("decodes the dynamic account example")
    func decodesDynamicAccount() throws {
        let code = try VietQR.decode(napasDynamicAccount)
        #expect(code.initiation == .dynamic)
        #expect(code.bin == "970403")
        #expect(code.account == "0011012345678")
        #expect(code.service == .toAccount)
        #expect(code.amount == 180_000)
        #expect(code.billNumber == "NPS6869")
        #expect(code.purpose == "thanh toan don hang")
        #expect(code.reference == nil)
        #expect(code.crc == "2E2E")
        #expect(code.warnings.isEmpty)
        #expect(code.payload() == napasDynamicAccount)
    }

    @Test("encodes both examples byte for byte from their fields")
    func encodesExamples() throws {
        let card = VietQRRequest(bin: "970403", account: "9704031101234567", service: .toCard)
        #expect(try VietQR.encode(card) == napasStaticCard)
        let account = VietQRRequest(
            bin: "970403", account: "0011012345678", amount: 180_000,
            purpose: "thanh toán đơn hàng", billNumber: "NPS6869")
        #expect(try VietQR.encode(account) == napasDynamicAccount)
    }
}
