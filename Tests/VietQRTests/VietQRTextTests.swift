import Foundation
import Testing
import VietQR

@Suite("Folding Vietnamese text to ASCII")
struct VietQRTextTests {
    static let examples: [(String, String)] = [
        ("Thanh toán lệ phí hồ sơ", "Thanh toan le phi ho so"),
        ("Đường Đồng Khởi, quận 1", "Duong Dong Khoi, quan 1"),
        ("đăng ký hộ kinh doanh", "dang ky ho kinh doanh"),
        ("NGUYỄN THỊ ỨNG", "NGUYEN THI UNG"),
        ("Nguye\u{0302}\u{0303}n Va\u{0306}n A", "Nguyen Van A"),
        ("chứng\u{00A0}thực", "chung thuc"),
        ("Crème brûlée à Huế", "Creme brulee a Hue"),
        ("plain ASCII ~!@#$%^&*()", "plain ASCII ~!@#$%^&*()"),
    ]

    @Test("folds diacritics, đ/Đ and decomposed input", arguments: examples)
    func folds(input: String, expected: String) {
        #expect(VietQRText.asciiFolded(input) == expected)
    }

    @Test("refuses characters with no ASCII form", arguments: ["5€", "Straße", "tab\there", "→", "日本", "Ø"])
    func refuses(input: String) {
        #expect(VietQRText.asciiFolded(input) == nil)
    }

    @Test("folds every tone-marked Vietnamese vowel, precomposed and decomposed, to its base letter")
    func everyVowel() {
        let vowels: [(String, String)] = [
            ("a", "a"), ("a\u{0306}", "a"), ("a\u{0302}", "a"), ("e", "e"), ("e\u{0302}", "e"), ("i", "i"),
            ("o", "o"), ("o\u{0302}", "o"), ("o\u{031B}", "o"), ("u", "u"), ("u\u{031B}", "u"), ("y", "y"),
        ]
        let tones = ["", "\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]
        var checked = 0
        for (vowel, base) in vowels {
            for tone in tones {
                let decomposed = vowel + tone
                let precomposed = decomposed.precomposedStringWithCanonicalMapping
                for form in [decomposed, precomposed, decomposed.uppercased(), precomposed.uppercased()] {
                    let expected = form == form.uppercased() ? base.uppercased() : base
                    #expect(VietQRText.asciiFolded(form) == expected, "\(form.unicodeScalars.map(\.value))")
                    checked += 1
                }
            }
        }
        #expect(checked == 12 * 6 * 4)
    }
}
