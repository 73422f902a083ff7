/// Payloads the QR renderer must carry exactly.
enum Payloads {
    /// NAPAS QR Format T&C v1.0 §6.1.2: static, BIN 970403, card 9704031101234567.
    static let napasStaticCard =
        "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52"

    /// NAPAS QR Format T&C v1.0 §6.1.3: dynamic, account 0011012345678, 180000 VND, purpose
    /// `thanh toan don hang`.
    static let napasDynamicAccount =
        "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN"
        + "62340107NPS68690819thanh toan don hang63042E2E"

    /// A dynamic VietQR to Vietcombank 1012345678 for 75000 VND whose 62-08 purpose is a payment
    /// reference followed by "Lệ phí hộ tịch" folded to ASCII (`Le phi ho tich`); 133 characters, a
    /// typical size. CRC-16/CCITT-FALSE computed independently (Python) over everything up to `6304`.
    static let foldedPurpose =
        "00020101021238540010A00000072701360006970436011010123456780208QRIBFTTA53037045405750005802VN"
        + "62290825HS00012320 Le phi ho tich6304191A"

    /// All of the above, for argument tables.
    static let vietQR = [napasStaticCard, napasDynamicAccount, foldedPurpose]
}
