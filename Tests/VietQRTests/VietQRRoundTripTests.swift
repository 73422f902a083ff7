@testable import VietQR
import Testing

@Suite("VietQR round trips (seeded property tests)")
struct VietQRRoundTripTests {
    static let words = [
        "lệ phí", "phí", "hồ sơ", "chứng thực", "bản sao", "đăng ký", "kết hôn", "giấy phép", "xây dựng",
        "hộ kinh doanh", "Hương Trà", "Huế", "nộp", "trích lục", "hộ tịch", "Đà Nẵng", "ủy quyền", "thửa đất",
    ]
    static let alphanumerics = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    static func randomRequest(_ random: inout SplitMix64) -> VietQRRequest {
        let bank = BankDirectory.banks.randomElement(using: &random) ?? BankDirectory.banks[0]
        let service: VietQRService = Int.random(in: 0..<4, using: &random) == 0 ? .toCard : .toAccount
        let account: String
        if service == .toCard {
            account = String((0..<Int.random(in: 16...19, using: &random)).map { _ in
                Character(String(Int.random(in: 0...9, using: &random)))
            })
        } else {
            let pool = Bool.random(using: &random) ? Array(alphanumerics.prefix(10)) : alphanumerics
            account = String((0..<Int.random(in: 1...19, using: &random)).map { _ in
                pool.randomElement(using: &random) ?? "0"
            })
        }
        var amount: Int64?
        if Bool.random(using: &random) {
            let digits = Int.random(in: 1...13, using: &random)
            var scale: Int64 = 1
            for _ in 1..<digits { scale *= 10 }
            amount = Int64.random(in: scale...(scale * 10 - 1), using: &random)
        }
        func text(_ limit: Int) -> String? {
            guard Int.random(in: 0..<3, using: &random) > 0 else { return nil }
            var result = "HS" + String(Int.random(in: 0...99_999_999, using: &random))
            while true {
                let next = result + " " + (words.randomElement(using: &random) ?? "phí")
                guard next.count <= limit, Int.random(in: 0..<5, using: &random) > 0 else { break }
                result = next
            }
            return String(result.prefix(limit))
        }
        return VietQRRequest(
            bin: bank.bin, account: account, service: service, amount: amount, purpose: text(25),
            merchantName: text(25), merchantCity: text(15), billNumber: text(25), reference: text(25))
    }

    @Test("encode → decode gives back every field, and decode → encode gives back the text", arguments: [
        UInt64(1), 2, 3, 0xFEED_D35C,
    ])
    func roundTrip(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<250 {
            let request = Self.randomRequest(&random)
            let payload = try VietQR.encode(request)
            let code = try VietQR.decode(payload)
            #expect(code.initiation == request.initiation)
            #expect(code.bin == request.bin)
            #expect(code.bank == BankDirectory.bank(bin: request.bin))
            #expect(code.account == request.account)
            #expect(code.service == request.service)
            #expect(code.amount == request.amount)
            #expect(code.purpose == request.purpose.flatMap(VietQRText.asciiFolded))
            #expect(code.merchantName == request.merchantName.flatMap(VietQRText.asciiFolded))
            #expect(code.merchantCity == request.merchantCity.flatMap(VietQRText.asciiFolded))
            #expect(code.billNumber == request.billNumber.flatMap(VietQRText.asciiFolded))
            #expect(code.reference == request.reference.flatMap(VietQRText.asciiFolded))
            #expect(code.warnings.isEmpty, "\(payload)")
            #expect(code.payload() == payload)
            #expect(payload.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
        }
    }

    /// The same payloads with every level's tags shuffled (00 stays first): decoding keeps the
    /// order, so re-encoding reproduces the shuffled text and the fields do not change.
    @Test("shuffled tag order decodes to the same fields and re-encodes identically", arguments: [UInt64(7), 8])
    func shuffled(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        func shuffle(_ objects: [EMVDataObject], keepFirst: Bool) -> [EMVDataObject] {
            let mixed = objects.map { object -> EMVDataObject in
                guard let children = object.children else { return object }
                return EMVDataObject(object.tag, template: shuffle(children, keepFirst: false))
            }
            guard keepFirst, let first = mixed.first else { return mixed.shuffled(using: &random) }
            return [first] + mixed.dropFirst().shuffled(using: &random)
        }
        for _ in 0..<200 {
            let request = Self.randomRequest(&random)
            let original = try VietQR.decode(try VietQR.encode(request))
            let text = try EMVCodec.encode(shuffle(original.emv.objects, keepFirst: true))
            let code = try VietQR.decode(text)
            #expect(code.payload() == text)
            #expect(code.tags == original.tags.merging(["63": code.crc]) { _, new in new })
            #expect(code.amount == request.amount)
            #expect(code.account == request.account)
        }
    }
}
