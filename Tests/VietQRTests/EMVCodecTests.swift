@testable import VietQR
import Testing

@Suite("EMVCo codec")
struct EMVCodecTests {
    @Test("accepts a lower-case CRC and re-encodes it in upper case")
    func lowerCaseCRC() throws {
        let lower = String(napasDynamicAccount.dropLast(4)) + "2e2e"
        let payload = try EMVCodec.decode(lower)
        #expect(payload.crc == "2e2e")
        #expect(payload.tags["63"] == "2e2e")
        #expect(payload.encoded() == napasDynamicAccount)
        #expect(try VietQR.decode(lower).amount == 180_000)
    }

    @Test("flattens leaves by dotted path in payload order")
    func leaves() throws {
        let payload = try EMVCodec.decode(napasDynamicAccount)
        #expect(payload.leaves.map(\.path) == [
            "00", "01", "38.00", "38.01.00", "38.01.01", "38.02", "53", "54", "58", "62.01", "62.08", "63",
        ])
        #expect(payload.tags == [
            "00": "01", "01": "12", "38.00": "A000000727", "38.01.00": "970403", "38.01.01": "0011012345678",
            "38.02": "QRIBFTTA", "53": "704", "54": "180000", "58": "VN", "62.01": "NPS6869",
            "62.08": "thanh toan don hang", "63": "2E2E",
        ])
        #expect(payload.object(at: .vietQRMerchantAccount, EMVTag(1)!)?.children?.count == 2)
        #expect(payload.value(at: "62.08") == "thanh toan don hang")
    }

    /// Tags in unusual order at every level, plus tags VietQR does not use, all kept in place.
    static let shuffled = sealed(
        tlv("00", "01") + tlv("58", "VN") + tlv("52", "5812")
            + tlv("62", tlv("07", "X") + tlv("08", "HS00012345 le phi") + tlv("50", tlv("00", "ORG") + tlv("01", "7")))
            + tlv("54", "75000") + tlv("01", "12")
            + tlv("38", tlv("02", "QRIBFTTA") + tlv("01", tlv("01", "0011001234567") + tlv("00", "970436"))
                + tlv("00", "A000000727") + tlv("09", "extra"))
            + tlv("64", tlv("00", "VI") + tlv("01", "Trung tâm Hành chính công"))
            + tlv("85", tlv("00", "com.example") + tlv("01", "abc"))
            + tlv("53", "704"))

    @Test("accepts tags in any order and keeps unknown tags and their order")
    func anyOrder() throws {
        let code = try VietQR.decode(Self.shuffled)
        #expect(code.bin == "970436")
        #expect(code.bank?.shortName == "Vietcombank")
        #expect(code.account == "0011001234567")
        #expect(code.amount == 75_000)
        #expect(code.initiation == .dynamic)
        #expect(code.service == .toAccount)
        #expect(code.purpose == "HS00012345 le phi")
        #expect(code.warnings.isEmpty)
        #expect(code.tags["52"] == "5812")
        #expect(code.tags["62.07"] == "X")
        #expect(code.tags["62.50.01"] == "7")
        #expect(code.tags["38.09"] == "extra")
        #expect(code.tags["64.01"] == "Trung tâm Hành chính công")
        #expect(code.tags["85.00"] == "com.example")
        #expect(code.emv.objects.map(\.tag.description) == ["00", "58", "52", "62", "54", "01", "38", "64", "85", "53"])
        #expect(code.payload() == Self.shuffled)
    }

    @Test("counts characters for lengths but bytes for the CRC")
    func unicodeLengths() throws {
        let payload = sealed(tlv("00", "01") + tlv("64", tlv("00", "VI") + tlv("01", "Phí đã thu")))
        #expect(payload.contains("6420" + "0002VI" + "0110Phí đã thu"))
        let decoded = try EMVCodec.decode(payload)
        #expect(decoded.tags["64.01"] == "Phí đã thu")
        #expect(decoded.encoded() == payload)
        #expect(try EMVCodec.encode(decoded.objects) == payload)
    }

    @Test("encodes objects in the given order and decodes them back")
    func encodeGeneric() throws {
        let objects = [
            EMVDataObject(.payloadFormat, value: "01"),
            EMVDataObject(.additionalData, template: [EMVDataObject(EMVTag(8)!, value: "abc")]),
            EMVDataObject(.country, value: "VN"),
        ]
        let text = try EMVCodec.encode(objects)
        #expect(text == sealed("000201" + "62070803abc" + "5802VN"))
        #expect(try EMVCodec.decode(text).objects == objects)
    }

    static let badObjects: [(String, [EMVDataObject], String)] = [
        ("nothing", [], "there are no data objects to encode"),
        ("00 not first", [EMVDataObject(.country, value: "VN"), EMVDataObject(.payloadFormat, value: "01")],
         "tag 00 (payload format indicator) must come first, not tag 58"),
        ("63 given", [EMVDataObject(.payloadFormat, value: "01"), EMVDataObject(.crc, value: "ABCD")],
         "tag 63 (CRC) is written by the encoder and must not be given"),
        ("empty value", [EMVDataObject(.payloadFormat, value: "01"), EMVDataObject(.country, value: "")],
         "tag 58: value is empty; lengths run 01–99"),
        ("value of 100", [EMVDataObject(.payloadFormat, value: "01"),
                          EMVDataObject(.merchantName, value: String(repeating: "x", count: 100))],
         "tag 59: value has 100 characters; the maximum is 99"),
        ("template of 104", [EMVDataObject(.payloadFormat, value: "01"), EMVDataObject(.additionalData, template: [
            EMVDataObject(EMVTag(1)!, value: String(repeating: "x", count: 48)),
            EMVDataObject(EMVTag(8)!, value: String(repeating: "y", count: 48)),
        ])], "tag 62: template encodes to 104 characters; the maximum is 99"),
        ("empty template", [EMVDataObject(.payloadFormat, value: "01"), EMVDataObject(.additionalData, template: [])],
         "tag 62: template is empty; lengths run 01–99"),
        ("template as value", [EMVDataObject(.payloadFormat, value: "01"), EMVDataObject(.additionalData, value: "x")],
         "tag 62 is a template; give its data objects, not a value"),
        ("value as template", [EMVDataObject(.payloadFormat, value: "01"),
                               EMVDataObject(.amount, template: [EMVDataObject(.payloadFormat, value: "1")])],
         "tag 54 is not a template in EMVCo; give it a value"),
        ("duplicate", [EMVDataObject(.payloadFormat, value: "01"), EMVDataObject(.country, value: "VN"),
                       EMVDataObject(.country, value: "VN")], "tag 58 appears more than once"),
        ("nested empty value", [EMVDataObject(.payloadFormat, value: "01"), EMVDataObject(.vietQRMerchantAccount, template: [
            EMVDataObject(EMVTag(1)!, template: [EMVDataObject(EMVTag(1)!, value: "")]),
        ])], "tag 38.01.01: value is empty; lengths run 01–99"),
    ]

    @Test("refuses objects it could not decode back", arguments: badObjects)
    func encodeRefuses(name: String, objects: [EMVDataObject], message: String) {
        #expect(failure { () throws(VietQRError) in try EMVCodec.encode(objects) } == message, "\(name)")
    }

    @Test("reads tags from text and numbers", arguments: [("38", UInt8?(38)), ("00", 0), ("99", 99), ("3", nil), ("A8", nil), ("100", nil)])
    func tags(text: String, expected: UInt8?) {
        #expect(EMVTag(text)?.rawValue == expected)
        #expect(EMVTag(text)?.description == (expected == nil ? nil : text))
    }
}
