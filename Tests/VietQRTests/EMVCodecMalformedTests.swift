@testable import VietQR
import Testing

@Suite("EMVCo decoding: malformed payloads")
struct EMVCodecMalformedTests {
    static let account = tlv("00", "970403") + tlv("01", "0011012345678")
    static let merchant = tlv("00", "A000000727") + tlv("01", account) + tlv("02", "QRIBFTTA")
    static let head = tlv("00", "01") + tlv("01", "12")

    static let cases: [(String, String, String)] = [
        ("empty", "", "payload is empty"),
        ("wrong CRC", String(napasDynamicAccount.dropLast(4)) + "2E2F", "CRC is 2E2F but the payload computes 2E2E"),
        ("wrong lower-case CRC", String(napasDynamicAccount.dropLast(4)) + "2e2f",
         "CRC is 2e2f but the payload computes 2E2E"),
        ("truncated inside tag 62", String(napasDynamicAccount.prefix(125)),
         "tag 62: length 34 but only 25 characters follow"),
        ("truncated after a length", String(napasDynamicAccount.prefix(100)), "tag 62: length 34 but nothing follows"),
        ("truncated inside a header", String(napasDynamicAccount.prefix(98)),
         "payload has 2 characters '62' left over after tag 58"),
        ("CRC cut short", String(napasDynamicAccount.dropLast(1)), "tag 63: length 04 but only 3 characters follow"),
        ("CRC cut to one digit", String(napasDynamicAccount.dropLast(3)), "tag 63: length 04 but only 1 character follows"),
        ("nested length overflows its template",
         sealed(head + tlv("38", tlv("00", "A000000727") + "0127" + "0006970403" + "0114" + "0011012345678")),
         "tag 38.01.01: length 14 overflows template 38.01, which has only 13 characters left"),
        ("nested length under-claims",
         sealed(head + tlv("38", tlv("00", "A000000727") + "0127" + "0006970403" + "0112" + "0011012345678")),
         "template 38.01 has 1 character '8' left over after tag 38.01.01"),
        ("non-digit length", sealed(head + "385X" + merchant), "tag 38: length '5X' is not two digits"),
        ("non-digit nested length", sealed(head + "6211" + "08A1abcdefg"), "tag 62.08: length 'A1' is not two digits"),
        ("length 00", sealed(head + "5400" + tlv("58", "VN")), "tag 54: length 00 is not allowed; lengths run 01–99"),
        ("nested length 00", sealed(head + "6204" + "0800"),
         "tag 62.08: length 00 is not allowed; lengths run 01–99"),
        // The next three are binhnguyenduc/vietqr-ts tests/fixtures/vietqr-samples.ts malformed samples.
        ("non-digit first tag ID", "XX0201", "tag ID 'XX' at the start of the payload is not two digits"),
        ("non-digit first length", "00XX01", "tag 00: length 'XX' is not two digits"),
        ("first length too long", "001001", "tag 00: length 10 but only 2 characters follow"),
        ("non-digit tag ID", sealed(head + "5X02VN"), "tag ID '5X' after tag 01 is not two digits"),
        ("non-digit tag ID first in a template", sealed(head + "6206" + "A80112"),
         "tag ID 'A8' at the start of template 62 is not two digits"),
        ("template too short for a data object", sealed(head + "6203abc"),
         "template 62 holds only 3 characters 'abc', too few for a data object"),
        ("missing 63", head + tlv("38", merchant) + tlv("53", "704") + tlv("58", "VN"), "payload has no tag 63 (CRC)"),
        ("63 not last", napasStaticCard + "5802VN", "tag 63 (CRC) must be last, but 6 characters follow it"),
        ("a line break after the CRC", napasStaticCard + "\n", "tag 63 (CRC) must be last, but 1 character follows it"),
        ("63 in the middle", head + "63044F52" + tlv("58", "VN"), "tag 63 (CRC) must be last, but 6 characters follow it"),
        ("CRC not hex", head + "6304XYZW", "tag 63: CRC 'XYZW' is not 4 hex digits"),
        ("CRC of 5 digits", head + "6305ABCDE", "tag 63: CRC 'ABCDE' is not 4 hex digits"),
        ("00 not first", sealed(tlv("01", "12") + tlv("00", "01") + tlv("38", merchant)),
         "payload starts with tag 01, but tag 00 (payload format indicator) must come first"),
        ("duplicate top-level tag", sealed(head + tlv("54", "1000") + tlv("54", "2000")), "tag 54 appears more than once"),
        ("duplicate nested tag", sealed(head + tlv("62", tlv("08", "a") + tlv("08", "b"))),
         "tag 62.08 appears more than once"),
        ("value too short for its length with Vietnamese text", sealed(head + "6210" + "0808Lệ phí"),
         "tag 62.08: length 08 overflows template 62, which has only 6 characters left"),
    ]

    @Test("refuses with a sentence naming the tag path", arguments: cases)
    func refuses(name: String, payload: String, message: String) {
        #expect(failure { () throws(VietQRError) in try EMVCodec.decode(payload) } == message, "\(name)")
        #expect(failure { () throws(VietQRError) in try VietQR.decode(payload) } == message, "\(name)")
    }

    @Test("classifies a CRC mismatch apart from structural errors")
    func kinds() {
        let wrongCRC = String(napasStaticCard.dropLast(4)) + "0000"
        let mismatch = #expect(throws: VietQRError.self) { try EMVCodec.decode(wrongCRC) }
        #expect(mismatch?.kind == .checksumMismatch)
        #expect(mismatch?.location == "63")
        let truncated = #expect(throws: VietQRError.self) { try EMVCodec.decode(String(napasStaticCard.prefix(50))) }
        #expect(truncated?.kind == .malformedPayload)
        #expect(truncated?.location == "38")
    }
}
