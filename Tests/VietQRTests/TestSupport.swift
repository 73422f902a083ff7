@testable import VietQR

/// The NAPAS QR Format T&C v1.0 §6.1.2 example: static, to card 9704031101234567 at BIN 970403.
let napasStaticCard =
    "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52"
/// The NAPAS §6.1.3 example: dynamic, to account 0011012345678, 180000 VND, bill NPS6869.
let napasDynamicAccount =
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN"
    + "62340107NPS68690819thanh toan don hang63042E2E"

/// `body` followed by `6304` and its correct CRC.
func sealed(_ body: String) -> String {
    let head = body + "6304"
    return head + CRC16.hex(CRC16.ccittFalse(head))
}

/// One TLV: tag, two-digit character count, value.
func tlv(_ tag: String, _ value: String) -> String {
    let count = value.unicodeScalars.count
    return tag + (count < 10 ? "0\(count)" : "\(count)") + value
}

/// The error `body` throws, as its description, or nil when it does not throw.
func failure<T>(_ body: () throws(VietQRError) -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.description
    }
}
