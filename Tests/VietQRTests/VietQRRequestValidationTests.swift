import Testing
import VietQR

@Suite("VietQR encoding: request validation")
struct VietQRRequestValidationTests {
    static let fortyCharacters = "Thanh toán lệ phí hồ sơ HS0000004217 nay"

    static let bad: [(String, VietQRRequest, String)] = [
        ("empty BIN", VietQRRequest(bin: "", account: "123"), "bank BIN is empty; it must be 6 digits"),
        ("letters in BIN", VietQRRequest(bin: "ABC123", account: "123"), "bank BIN 'ABC123' is not 6 digits"),
        ("5-digit BIN", VietQRRequest(bin: "97043", account: "123"), "bank BIN '97043' is not 6 digits"),
        ("7-digit BIN", VietQRRequest(bin: "9704366", account: "123"), "bank BIN '9704366' is not 6 digits"),
        ("empty account", VietQRRequest(bin: "970436", account: ""), "account number is empty"),
        ("account with a space", VietQRRequest(bin: "970436", account: "0011 001234567"),
         "account number '0011 001234567' contains a space; use digits and letters only"),
        ("account with a dash", VietQRRequest(bin: "970436", account: "0011-001234567"),
         "account number '0011-001234567' contains '-'; use digits and letters only"),
        ("account with Đ", VietQRRequest(bin: "970436", account: "Đ0011"),
         "account number 'Đ0011' contains 'Đ'; use digits and letters only"),
        ("account of 20", VietQRRequest(bin: "970436", account: "00110012345678901234"),
         "account number '00110012345678901234' has 20 characters; the maximum is 19"),
        ("card with letters", VietQRRequest(bin: "970436", account: "9704AB", service: .toCard),
         "card number '9704AB' contains 'A'; use digits only"),
        ("empty card", VietQRRequest(bin: "970436", account: "", service: .toCard), "card number is empty"),
        ("amount 0", VietQRRequest(bin: "970436", account: "123", amount: 0), "amount 0 is not a positive number of đồng"),
        ("amount -5", VietQRRequest(bin: "970436", account: "123", amount: -5), "amount -5 is not a positive number of đồng"),
        ("amount of 14 digits", VietQRRequest(bin: "970436", account: "123", amount: 10_000_000_000_000),
         "amount 10000000000000 has 14 digits; the maximum is 13"),
        ("purpose of 40", VietQRRequest(bin: "970436", account: "123", purpose: fortyCharacters),
         "purpose '\(fortyCharacters)' has 40 characters; the maximum is 25"),
        ("purpose with €", VietQRRequest(bin: "970436", account: "123", purpose: "Phí 5€"),
         "purpose contains '€' (U+20AC) at position 6, which has no ASCII form"),
        ("purpose with a line break", VietQRRequest(bin: "970436", account: "123", purpose: "HS1\nHS2"),
         "purpose contains U+000A at position 4, which has no ASCII form"),
        ("name with ß", VietQRRequest(bin: "970436", account: "123", merchantName: "Straße"),
         "merchant name contains 'ß' (U+00DF) at position 5, which has no ASCII form"),
        ("name of 28", VietQRRequest(bin: "970436", account: "123", merchantName: "Trung tâm Phục vụ Hành chính"),
         "merchant name 'Trung tâm Phục vụ Hành chính' has 28 characters; the maximum is 25"),
        ("city of 21", VietQRRequest(bin: "970436", account: "123", merchantCity: "Thành phố Hồ Chí Minh"),
         "merchant city 'Thành phố Hồ Chí Minh' has 21 characters; the maximum is 15"),
        ("bill number of 26", VietQRRequest(bin: "970436", account: "123", billNumber: "000.06.16.G09-210315-00001"),
         "bill number '000.06.16.G09-210315-00001' has 26 characters; the maximum is 25"),
        ("reference of 26", VietQRRequest(bin: "970436", account: "123", reference: String(repeating: "R", count: 26)),
         "reference '\(String(repeating: "R", count: 26))' has 26 characters; the maximum is 25"),
    ]

    @Test("refuses each bad field with its own sentence", arguments: bad)
    func refuses(name: String, request: VietQRRequest, message: String) {
        #expect(failure { () throws(VietQRError) in try VietQR.encode(request) } == message, "\(name)")
        let error = #expect(throws: VietQRError.self) { try VietQR.encode(request) }
        #expect(error?.kind == .invalidRequest)
    }

    @Test("accepts the limits exactly")
    func limits() throws {
        let request = VietQRRequest(
            bin: "970436", account: "0023457923442ASDFLJ", amount: 9_999_999_999_999,
            purpose: String(repeating: "p", count: 25), merchantName: String(repeating: "n", count: 25),
            merchantCity: String(repeating: "c", count: 15), billNumber: String(repeating: "b", count: 25),
            reference: String(repeating: "r", count: 25))
        let code = try VietQR.decode(try VietQR.encode(request))
        #expect(code.amount == 9_999_999_999_999)
        #expect(code.account == "0023457923442ASDFLJ")
        #expect(code.purpose?.count == 25)
        #expect(code.tags["62.05"]?.count == 25)
    }

    @Test("treats blank texts as absent and trims spaces")
    func blanks() throws {
        let payload = try VietQR.encode(VietQRRequest(
            bin: "970436", account: "123", purpose: "   ", merchantName: "", merchantCity: "  Huế  "))
        let code = try VietQR.decode(payload)
        #expect(code.purpose == nil)
        #expect(code.merchantName == nil)
        #expect(code.merchantCity == "Hue")
        #expect(code.tags["62.08"] == nil)
    }

    static let typedAmounts: [(String, Int64)] = [("180000", 180_000), ("0075000", 75_000), ("1", 1),
                                                   ("9999999999999", 9_999_999_999_999)]

    @Test("parses typed amounts in plain digits", arguments: typedAmounts)
    func parsesAmount(text: String, expected: Int64) throws {
        #expect(try VietQR.parseAmount(text) == expected)
    }

    static let badTypedAmounts: [(String, String)] = [
        ("", "amount is empty"),
        ("1.5", "amount '1.5' is not a whole number of đồng in plain digits"),
        ("1,5", "amount '1,5' is not a whole number of đồng in plain digits"),
        ("1.000.000", "amount '1.000.000' is not a whole number of đồng in plain digits"),
        ("12a", "amount '12a' is not a whole number of đồng in plain digits"),
        (" 5", "amount ' 5' is not a whole number of đồng in plain digits"),
        ("-5", "amount '-5' is not a positive number of đồng"),
        ("0", "amount 0 is not a positive number of đồng"),
        ("10000000000000", "amount '10000000000000' has 14 digits; the maximum is 13"),
        ("99999999999999999999999", "amount '99999999999999999999999' has 23 digits; the maximum is 13"),
    ]

    @Test("refuses typed amounts that are not whole positive đồng", arguments: badTypedAmounts)
    func refusesAmount(text: String, message: String) {
        #expect(failure { () throws(VietQRError) in try VietQR.parseAmount(text) } == message)
    }
}
