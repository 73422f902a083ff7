import FeeDeskCore
import Testing

@Suite("Vietnamese amount in words")
struct VietnameseAmountWordsTests {
    static let cases: [(Int64, String)] = [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (55, "năm mươi lăm"),
        (91, "chín mươi mốt"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (104, "một trăm linh bốn"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (111, "một trăm mười một"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (999, "chín trăm chín mươi chín"),
        (1000, "một nghìn"),
        (1001, "một nghìn không trăm linh một"),
        (1005, "một nghìn không trăm linh năm"),
        (1015, "một nghìn không trăm mười lăm"),
        (1021, "một nghìn không trăm hai mươi mốt"),
        (1100, "một nghìn một trăm"),
        (2000, "hai nghìn"),
        (10000, "mười nghìn"),
        (15000, "mười lăm nghìn"),
        (21000, "hai mươi mốt nghìn"),
        (24000, "hai mươi tư nghìn"),
        (50000, "năm mươi nghìn"),
        (75000, "bảy mươi lăm nghìn"),
        (100_005, "một trăm nghìn không trăm linh năm"),
        (150_000, "một trăm năm mươi nghìn"),
        (180_000, "một trăm tám mươi nghìn"),
        (200_000, "hai trăm nghìn"),
        (1_000_000, "một triệu"),
        (1_000_005, "một triệu không trăm linh năm"),
        (1_050_000, "một triệu không trăm năm mươi nghìn"),
        (1_500_000, "một triệu năm trăm nghìn"),
        (12_562_000, "mười hai triệu năm trăm sáu mươi hai nghìn"),
        (594_462_000, "năm trăm chín mươi tư triệu bốn trăm sáu mươi hai nghìn"),
        (1_000_000_000, "một tỷ"),
        (1_000_000_001, "một tỷ không trăm linh một"),
        (1_001_000_000, "một tỷ không trăm linh một triệu"),
        (2_000_000_000, "hai tỷ"),
        (25_000_015_000, "hai mươi lăm tỷ không trăm mười lăm nghìn"),
        (999_999_999_999, "chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"),
        (1_000_000_000_000, "một nghìn tỷ"),
        (1_000_000_000_005, "một nghìn tỷ không trăm linh năm"),
        (1_005_000_000_000, "một nghìn không trăm linh năm tỷ"),
        (9_999_999_999_999, "chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"),
    ]

    @Test("spells amounts by the accounting convention", arguments: cases)
    func spells(amount: Int64, expected: String) {
        #expect(VietnameseAmountWords.spell(amount) == expected)
    }

    static let sentences: [(Int64, String)] = [
        (0, "Không đồng"),
        (10_000, "Mười nghìn đồng"),
        (75_000, "Bảy mươi lăm nghìn đồng"),
        (180_000, "Một trăm tám mươi nghìn đồng"),
        (1_000_000, "Một triệu đồng"),
        (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
        (2_000_000_000, "Hai tỷ đồng"),
        (800_000_000, "Tám trăm triệu đồng"),
    ]

    @Test("writes the slip sentence with a capital and đồng", arguments: sentences)
    func sentence(amount: Int64, expected: String) {
        #expect(VietnameseAmountWords.sentence(amount) == expected)
    }

    @Test("refuses amounts outside 0…9,999,999,999,999", arguments: [Int64(-1), -75_000, 10_000_000_000_000, .max, .min])
    func outOfRange(amount: Int64) {
        #expect(VietnameseAmountWords.spell(amount) == nil)
        #expect(VietnameseAmountWords.sentence(amount) == nil)
    }

    @Test("every amount in a seeded sample spells without doubled spaces and in the known vocabulary")
    func vocabulary() {
        let vocabulary: Set<Substring> = [
            "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mươi",
            "trăm", "linh", "mốt", "tư", "lăm", "nghìn", "triệu", "tỷ",
        ]
        var state: UInt64 = 0x5EED
        for _ in 0..<2000 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            let amount = Int64((mixed ^ (mixed >> 31)) % UInt64(VietnameseAmountWords.maximum + 1))
            let words = VietnameseAmountWords.spell(amount) ?? ""
            #expect(!words.isEmpty && !words.contains("  "), "amount \(amount)")
            #expect(words.split(separator: " ").allSatisfy(vocabulary.contains), "amount \(amount): \(words)")
            #expect(!words.hasPrefix("không") || amount == 0, "amount \(amount) must not start with không")
        }
    }
}
