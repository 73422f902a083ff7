import Testing
import VietQR

/// A payload produced by another VietQR implementation, and what it should decode to.
struct ExternalVector: Sendable, CustomTestStringConvertible {
    let source: String
    let payload: String
    let initiation: VietQRInitiation
    let bin: String
    let account: String
    let service: VietQRService?
    let amount: Int64?
    let purpose: String?
    let warnings: [String]

    var testDescription: String { source }
}

@Suite("Payloads from independent VietQR implementations")
struct IndependentImplementationVectorTests {
    static let vectors: [ExternalVector] = [
        // subiz/vietqr (Go) vietqr_test.go, case 1: static, TPBank.
        ExternalVector(
            source: "subiz/vietqr vietqr_test.go #1",
            payload: "00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4",
            initiation: .static, bin: "970423", account: "0099999999", service: .toAccount, amount: nil,
            purpose: nil, warnings: []),
        // subiz/vietqr (Go) vietqr_test.go, case 2: dynamic, MBBank, ASCII note.
        ExternalVector(
            source: "subiz/vietqr vietqr_test.go #2",
            payload: "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN"
                + "62200816test text string6304D9C6",
            initiation: .dynamic, bin: "970422", account: "0023457923442", service: .toAccount, amount: 40123,
            purpose: "test text string", warnings: []),
        // subiz/vietqr (Go) vietqr_test.go, case 4: note "chuyển khoản" folded by that library.
        ExternalVector(
            source: "subiz/vietqr vietqr_test.go #4",
            payload: "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN"
                + "62160812chuyen khoan6304722F",
            initiation: .dynamic, bin: "970422", account: "0023457923442", service: .toAccount, amount: 40123,
            purpose: "chuyen khoan", warnings: []),
        // subiz/vietqr (Go) vietqr_test.go, case 6: 19-character alphanumeric account, 25-character note.
        ExternalVector(
            source: "subiz/vietqr vietqr_test.go #6",
            payload: "00020101021238630010A0000007270133000697042201190023457923442ASDFLJ0208QRIBFTTA530370454054012358"
                + "02VN62290825chuyen khoan alsdkf laksj6304E5DB",
            initiation: .dynamic, bin: "970422", account: "0023457923442ASDFLJ", service: .toAccount, amount: 40123,
            purpose: "chuyen khoan alsdkf laksj", warnings: []),
        // subiz/vietqr (Go) README.md sample output: VietinBank, 120.000 đ, note "ủng hộ lũ lụt".
        ExternalVector(
            source: "subiz/vietqr README.md",
            payload: "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN"
                + "62170813ung ho lu lut6304C15C",
            initiation: .dynamic, bin: "970415", account: "0011001932418", service: .toAccount, amount: 120_000,
            purpose: "ung ho lu lut", warnings: []),
        // VietNguyenMobile/decode-vietqr README.md request sample (its sample response is for another code).
        ExternalVector(
            source: "VietNguyenMobile/decode-vietqr README.md",
            payload: "00020101021138540010A00000072701240006970436011010279436560208QRIBFTTA53037045802VN63046000",
            initiation: .static, bin: "970436", account: "1027943656", service: .toAccount, amount: nil,
            purpose: nil, warnings: []),
        // binhnguyenduc/vietqr-ts (TypeScript) tests/fixtures/vietqr-samples.ts DYNAMIC_FULL. That library
        // nests the service code inside 38.01 (38.01.02) instead of 38.02: we keep it as an unknown tag.
        ExternalVector(
            source: "binhnguyenduc/vietqr-ts vietqr-samples.ts DYNAMIC_FULL",
            payload: "00020101021238570010A00000072701390006970422011301234567890200208QRIBFTTA53037045405500005802VN"
                + "62160812Test Payment630495B6",
            initiation: .dynamic, bin: "970422", account: "0123456789020", service: nil, amount: 50000,
            purpose: "Test Payment", warnings: ["payload has no tag 38.02 (service code)"]),
        // binhnguyenduc/vietqr-ts tests/fixtures/vietqr-samples.ts STATIC_NO_AMOUNT.
        ExternalVector(
            source: "binhnguyenduc/vietqr-ts vietqr-samples.ts STATIC_NO_AMOUNT",
            payload: "00020101021138570010A00000072701390006970422011301234567890200208QRIBFTTA53037045802VN6304A3CF",
            initiation: .static, bin: "970422", account: "0123456789020", service: nil, amount: nil,
            purpose: nil, warnings: ["payload has no tag 38.02 (service code)"]),
        // binhnguyenduc/vietqr-ts tests/fixtures/vietqr-samples.ts DYNAMIC_WITH_OPTIONALS (62.07, 62.09 kept).
        ExternalVector(
            source: "binhnguyenduc/vietqr-ts vietqr-samples.ts DYNAMIC_WITH_OPTIONALS",
            payload: "00020101021238570010A00000072701390006970422011301234567890200208QRIBFTTA53037045405100005802VN"
                + "62350809Test Memo0706PAYBIL0908INV-20246304074A",
            initiation: .dynamic, bin: "970422", account: "0123456789020", service: nil, amount: 10000,
            purpose: "Test Memo", warnings: ["payload has no tag 38.02 (service code)"]),
        // binhnguyenduc/vietqr-ts tests/fixtures/vietqr-samples.ts WITH_MERCHANT_CATEGORY (tag 52 kept).
        ExternalVector(
            source: "binhnguyenduc/vietqr-ts vietqr-samples.ts WITH_MERCHANT_CATEGORY",
            payload: "00020101021138570010A00000072701390006970422011301234567890200208QRIBFTTA5204581253037045802VN"
                + "630477A7",
            initiation: .static, bin: "970422", account: "0123456789020", service: nil, amount: nil,
            purpose: nil, warnings: ["payload has no tag 38.02 (service code)"]),
    ]

    @Test("decode to the fields their producers meant, and re-encode byte for byte", arguments: vectors)
    func independentImplementationVectors(vector: ExternalVector) throws {
        let code = try VietQR.decode(vector.payload)
        #expect(code.initiation == vector.initiation)
        #expect(code.bin == vector.bin)
        #expect(code.account == vector.account)
        #expect(code.service == vector.service)
        #expect(code.amount == vector.amount)
        #expect(code.purpose == vector.purpose)
        #expect(code.warnings == vector.warnings)
        #expect(code.bank != nil)
        // Every vector here has a correct, upper-case CRC, so order-preserving re-encoding is exact.
        #expect(code.payload() == vector.payload)
    }

    @Test("our encoder writes the same text as subiz/vietqr for the same fields")
    func sameAsSubiz() throws {
        let request = VietQRRequest(bin: "970422", account: "0023457923442", amount: 40123, purpose: "chuyển khoản")
        #expect(try VietQR.encode(request) == Self.vectors[2].payload)
        let staticRequest = VietQRRequest(bin: "970423", account: "0099999999")
        #expect(try VietQR.encode(staticRequest) == Self.vectors[0].payload)
    }

    /// Public payloads we refuse, each for a reason its source shows.
    static let refused: [(String, String, String)] = [
        // binhnguyenduc/vietqr-ts vietqr-samples.ts WITH_UTF8_MESSAGE: that library counts lengths in
        // UTF-8 bytes (62.08 "Thanh toán hóa đơn" is 18 characters but written as 22), so read by
        // characters as DOMAIN.md §3 says, tag 62 swallows "6304" and "32F8" is left as a header.
        ("vietqr-ts WITH_UTF8_MESSAGE (byte lengths)",
         "00020101021238570010A00000072701390006970422011301234567890200208QRIBFTTA53037045405100005802VN"
            + "62260822Thanh toán hóa đơn630432F8",
         "tag 32: length 'F8' is not two digits"),
        // binhnguyenduc/vietqr-ts vietqr-samples.ts INVALID_CRC: a deliberately wrong CRC.
        ("vietqr-ts INVALID_CRC (deliberate)",
         "00020101021138570010A00000072701390006970422011301234567890200208QRIBFTTA53037045802VN63040000",
         "CRC is 0000 but the payload computes A3CF"),
        // liopayvn/vietqr-php tests/Unit/Parser/QRParserTest.php testParseInvalidCRCThrowsException:
        // a deliberately wrong CRC on a NAPAS-style payload without a service code.
        ("vietqr-php invalid CRC (deliberate)",
         "00020101021138470010A00000072701290006970403011521129950446042552045812"
            + "53037045802VN5910PHUONG CAC6005HANOI62110507NPS686963040000",
         "CRC is 0000 but the payload computes B35C"),
        // thanhtinhpas1/vietqr-parser README.md: correct CRC, but tag 00 is "00" instead of "01".
        ("vietqr-parser README basic QR (format 00)",
         "00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60",
         "tag 00: payload format indicator '00' is not 01"),
        // thanhtinhpas1/vietqr-parser README.md complex QR: format "00" as above (and currency 702, SGD).
        ("vietqr-parser README complex QR (format 00, SGD)",
         "00020001021138570010A00000072701270006970436011308810004580860208QRIBFTTA520454115303702540569000"
            + "550202560410005802VN5921Cua hang sua Vinamilk6011Ho Chi Minh61057000062220818Thanh toan mua sua"
            + "63043611",
         "tag 00: payload format indicator '00' is not 01"),
    ]

    @Test("refuse payloads that break the format, saying why", arguments: refused)
    func refusedVectors(name: String, payload: String, message: String) {
        #expect(failure { () throws(VietQRError) in try VietQR.decode(payload) } == message, "\(name)")
    }

    @Test("the format-00 payloads still parse as generic EMVCo, CRC included")
    func genericParseOfFormat00() throws {
        let payload = try EMVCodec.decode(Self.refused[4].1)
        #expect(payload.tags["53"] == "702")
        #expect(payload.tags["59"] == "Cua hang sua Vinamilk")
        #expect(payload.encoded() == Self.refused[4].1)
    }
}
