import Testing
@testable import VietQR

@Suite("VietQR decoding: fields, refusals, warnings")
struct VietQRDecodeTests {
    static let beneficiary = tlv("01", tlv("00", "970436") + tlv("01", "0011001234567"))
    static let merchant = tlv("38", tlv("00", "A000000727") + beneficiary + tlv("02", "QRIBFTTA"))
    static let head = tlv("00", "01") + tlv("01", "12")
    static let tail = tlv("53", "704") + tlv("54", "75000") + tlv("58", "VN")

    static let refusals: [(String, String, String)] = [
        ("no 38", head + tail, "payload has no tag 38 (merchant account information)"),
        ("no 53", head + merchant + tlv("54", "75000") + tlv("58", "VN"), "payload has no tag 53 (currency)"),
        ("USD", head + merchant + tlv("53", "840") + tlv("58", "VN"), "tag 53: currency '840' is not 704 (VND)"),
        ("format 02", tlv("00", "02") + tlv("01", "12") + merchant + tail,
         "tag 00: payload format indicator '02' is not 01"),
        ("initiation 13", tlv("00", "01") + tlv("01", "13") + merchant + tail,
         "tag 01: point of initiation '13' is not 11 (static) or 12 (dynamic)"),
        ("no GUID", head + tlv("38", beneficiary) + tail, "payload has no tag 38.00 (VietQR GUID)"),
        ("foreign GUID", head + tlv("38", tlv("00", "A000000775") + beneficiary) + tail,
         "tag 38.00: GUID 'A000000775' is not A000000727 (NAPAS VietQR)"),
        ("no 38.01", head + tlv("38", tlv("00", "A000000727") + tlv("02", "QRIBFTTA")) + tail,
         "payload has no tag 38.01 (beneficiary organisation)"),
        ("no BIN", head + tlv("38", tlv("00", "A000000727") + tlv("01", tlv("01", "0011001234567"))) + tail,
         "payload has no tag 38.01.00 (bank BIN)"),
        ("short BIN", head + tlv("38", tlv("00", "A000000727") + tlv("01", tlv("00", "97043") + tlv("01", "1"))) + tail,
         "tag 38.01.00: BIN '97043' is not 6 digits"),
        ("no account", head + tlv("38", tlv("00", "A000000727") + tlv("01", tlv("00", "970436"))) + tail,
         "payload has no tag 38.01.01 (account or card number)"),
        ("decimal amount", head + merchant + tlv("53", "704") + tlv("54", "180000.00") + tlv("58", "VN"),
         "tag 54: amount '180000.00' is not a whole number of đồng in plain digits"),
        ("zero amount", head + merchant + tlv("53", "704") + tlv("54", "0") + tlv("58", "VN"),
         "tag 54: amount '0' is not positive"),
        ("14-digit amount", head + merchant + tlv("53", "704") + tlv("54", "10000000000000") + tlv("58", "VN"),
         "tag 54: amount '10000000000000' has 14 digits; the maximum is 13"),
    ]

    @Test("refuses what is not a usable VietQR", arguments: refusals)
    func refuses(name: String, body: String, message: String) throws {
        let payload = sealed(body)
        #expect(failure { () throws(VietQRError) in try VietQR.decode(payload) } == message, "\(name)")
        // The generic EMVCo parse still succeeds, so a caller can show the raw tags.
        #expect(try EMVCodec.decode(payload).tags["00"] != nil)
    }

    @Test("reports missing tags as missing and bad values as invalid")
    func kinds() {
        let missing = #expect(throws: VietQRError.self) { try VietQR.decode(sealed(Self.head + Self.tail)) }
        #expect(missing?.kind == .missingTag)
        #expect(missing?.location == "38")
        let invalid = #expect(throws: VietQRError.self) {
            try VietQR.decode(sealed(Self.head + Self.merchant + tlv("53", "840")))
        }
        #expect(invalid?.kind == .invalidTagValue)
        #expect(invalid?.location == "53")
    }

    static let warned: [(String, String, [String])] = [
        ("unknown BIN", head + tlv("38", tlv("00", "A000000727") + tlv("01", tlv("00", "970999") + tlv("01", "1"))
            + tlv("02", "QRIBFTTA")) + tail,
         ["bank BIN 970999 is not in the directory"]),
        ("no service", head + tlv("38", tlv("00", "A000000727") + beneficiary) + tail,
         ["payload has no tag 38.02 (service code)"]),
        ("merchant service", head + tlv("38", tlv("00", "A000000727") + beneficiary + tlv("02", "QRPUSH")) + tail,
         ["tag 38.02: service 'QRPUSH' is not QRIBFTTA or QRIBFTTC"]),
        ("static with amount", tlv("00", "01") + tlv("01", "11") + merchant + tail,
         ["static QR (tag 01 = 11) carries an amount"]),
        ("dynamic without amount", head + merchant + tlv("53", "704") + tlv("58", "VN"),
         ["dynamic QR (tag 01 = 12) has no amount"]),
        ("no initiation, no country", tlv("00", "01") + merchant + tlv("53", "704"),
         ["payload has no tag 01 (point of initiation)", "payload has no tag 58 (country)"]),
        ("other country", head + merchant + tlv("53", "704") + tlv("54", "1") + tlv("58", "LA"),
         ["tag 58: country 'LA' is not VN"]),
    ]

    @Test("decodes softer problems with warnings", arguments: warned)
    func warnings(name: String, body: String, expected: [String]) throws {
        let code = try VietQR.decode(sealed(body))
        #expect(code.warnings == expected, "\(name)")
        #expect(code.payload() == sealed(body))
    }

    @Test("an unknown BIN decodes with no bank")
    func unknownBank() throws {
        let code = try VietQR.decode(sealed(Self.head + tlv("38", tlv("00", "A000000727")
            + tlv("01", tlv("00", "970999") + tlv("01", "123")) + tlv("02", "QRIBFTTA")) + Self.tail))
        #expect(code.bin == "970999")
        #expect(code.bank == nil)
        #expect(code.account == "123")
    }

    @Test("reads name, city, bill number and reference")
    func optionalTexts() throws {
        let payload = try VietQR.encode(VietQRRequest(
            bin: "970418", account: "12010000123456", amount: 150_000, purpose: "HS00000042 Lệ phí GPXD",
            merchantName: "UBND Phường Hương Trà", merchantCity: "Huế", billNumber: "000.06.16.G09-210315-0001",
            reference: "HS0000004217"))
        let code = try VietQR.decode(payload)
        #expect(code.purpose == "HS00000042 Le phi GPXD")
        #expect(code.merchantName == "UBND Phuong Huong Tra")
        #expect(code.merchantCity == "Hue")
        #expect(code.billNumber == "000.06.16.G09-210315-0001")
        #expect(code.reference == "HS0000004217")
        #expect(code.bank?.shortName == "BIDV")
        #expect(code.emv.objects.map(\.tag.description) == ["00", "01", "38", "53", "54", "58", "59", "60", "62", "63"].dropLast())
        #expect(code.emv.leaves.map(\.path).suffix(4) == ["62.01", "62.05", "62.08", "63"])
    }
}
