@testable import VietQR
import Testing

@Suite("CRC-16/CCITT-FALSE")
struct CRC16Tests {
    @Test("matches the catalogue check value and the NAPAS examples", arguments: [
        ("123456789", "29B1"),
        ("", "FFFF"),
        (String(napasStaticCard.dropLast(4)), "4F52"),
        (String(napasDynamicAccount.dropLast(4)), "2E2E"),
    ])
    func checkValues(input: String, expected: String) {
        #expect(CRC16.hex(CRC16.ccittFalse(input)) == expected)
    }

    @Test("runs over UTF-8 bytes, not characters")
    func utf8Bytes() {
        #expect(CRC16.ccittFalse("đ") == CRC16.ccittFalse([0xC4, 0x91]))
        #expect(CRC16.ccittFalse("đ") != CRC16.ccittFalse([0x11]))
    }

    @Test("writes four upper-case, zero-padded hex digits", arguments: [
        (UInt16(0), "0000"), (0x00AF, "00AF"), (0x2E2E, "2E2E"), (0xFFFF, "FFFF"),
    ])
    func hex(value: UInt16, expected: String) {
        #expect(CRC16.hex(value) == expected)
    }

    @Test("parses hex of either case and nothing else", arguments: [
        ("2E2E", UInt16?(0x2E2E)), ("2e2e", 0x2E2E), ("4f52", 0x4F52), ("XYZW", nil), ("2E2", nil), ("2E2E2", nil),
    ])
    func parseHex(text: String, expected: UInt16?) {
        #expect(CRC16.parseHex(Array(text.utf8)) == expected)
    }
}
