/// CRC-16/CCITT-FALSE, the checksum of EMVCo merchant-presented QR payloads (tag 63).
///
/// Polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR; `check("123456789")` is
/// `0x29B1`. It runs over the UTF-8 bytes of the payload up to and including the characters `6304`.
public enum CRC16 {
    /// The CRC of `bytes`.
    public static func ccittFalse<Bytes: Sequence>(_ bytes: Bytes) -> UInt16 where Bytes.Element == UInt8 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc = (crc << 8) ^ table[Int(UInt8(truncatingIfNeeded: crc >> 8) ^ byte)]
        }
        return crc
    }

    /// The CRC of the UTF-8 bytes of `text`.
    public static func ccittFalse(_ text: String) -> UInt16 {
        ccittFalse(text.utf8)
    }

    /// `crc` as 4 upper-case, zero-padded hex digits, the form written into tag 63.
    public static func hex(_ crc: UInt16) -> String {
        String(decoding: hexBytes(crc), as: UTF8.self)
    }

    static func hexBytes(_ crc: UInt16) -> [UInt8] {
        [hexDigit(crc >> 12), hexDigit(crc >> 8), hexDigit(crc >> 4), hexDigit(crc)]
    }

    /// Parses 4 hex digits of either case; nil for anything else.
    static func parseHex<Bytes: Collection>(_ bytes: Bytes) -> UInt16? where Bytes.Element == UInt8 {
        guard bytes.count == 4 else { return nil }
        var value: UInt16 = 0
        for byte in bytes {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt16(nibble)
        }
        return value
    }

    private static func hexDigit(_ value: UInt16) -> UInt8 {
        let nibble = UInt8(truncatingIfNeeded: value & 0xF)
        return nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }

    private static let table: [UInt16] = (0..<256).map { index in
        var crc = UInt16(index) << 8
        for _ in 0..<8 {
            crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1
        }
        return crc
    }
}
