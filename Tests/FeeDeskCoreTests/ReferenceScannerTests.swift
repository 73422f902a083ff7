import FeeDeskCore
import Testing

@Suite struct ReferenceScannerTests {
    static let scanner = ReferenceScanner(format: .standard)

    @Test(arguments: [
        ("Nộp phí hồ sơ ĐĂNG KÝ", ["NOP", "PHI", "HO", "SO", "DANG", "KY"], "NOPPHIHOSODANGKY"),
        ("MBVCB.123.hs 00012 34 nop phi.CT tu 0011 toi 0071", ["MBVCB", "123", "HS", "00012", "34", "NOP", "PHI", "CT", "TU", "0011", "TOI", "0071"],
         "MBVCB123HS0001234NOPPHICTTU0011TOI0071"),
        ("Nô\u{0323}p phi\u{0301}", ["NOP", "PHI"], "NOPPHI"),
        ("", [], ""),
    ])
    func normalisesMemos(memo: String, tokens: [String], compact: String) {
        let text = MemoText(memo)
        #expect(text.tokens == tokens)
        #expect(text.compact == compact)
    }

    @Test(arguments: [
        ("HS00000198", ["HS00000198"]),
        ("hs00000198 nop phi", ["HS00000198"]),
        ("MBVCB.4821.HS 000001 98.CT tu 0011004567890 NGUYEN VAN AN toi 0071000123456", ["HS00000198"]),
        ("020097042211.221126.091512.hs0000 0198 le phi xay dung", ["HS00000198"]),
        ("CT nhanh 247 den: HS00000198-HS00000295 nop 2 ho so", ["HS00000198", "HS00000295"]),
        ("Chuyen tien den tu NAPAS Noi dung: HS00000198 (CT1111)", ["HS00000198"]),
        ("HS00000198 HS00000198 again", ["HS00000198"]),
        // A reference glued to following digits (a phone number) is still found.
        ("HS000001980912345678", ["HS00000198"]),
        // Typos and look-alikes fail their check digits.
        ("HS00000189", []), ("HS0000198", []), ("HS00000199", []), ("HS 000O0198", []), ("FT24254607609791", []),
        ("THS00000198", ["HS00000198"]),
        // A longer, zero-led digit run is not a canonical reference of this format.
        ("HS0000000198", []),
        ("HS100000047", ["HS100000047"]),
    ])
    func findsValidReferences(memo: String, expected: [String]) {
        #expect(Self.scanner.references(in: MemoText(memo)).map(\.text) == expected)
    }

    /// Any reference survives the separators and case changes banks apply.
    @Test func findsEveryGeneratedReferenceThroughWrappers() throws {
        var generator = SplitMix64(seed: 99)
        let wrappers = ["MBVCB.%d.%@.CT tu 0011 NGUYEN VAN A toi 0071", "%@", "%d.221126.093015.%@", "CT nhanh 247 den: %@ nop phi",
                        "Chuyen tien den tu NAPAS Noi dung: %@ (CT1111)"]
        for _ in 0..<2_000 {
            let reference = try PaymentReference(sequence: Int64(generator.next() % 9_999_999) + 1, format: .standard)
            var text = reference.text
            if generator.next() % 2 == 0 { text = text.lowercased() }
            if generator.next() % 3 == 0 {
                let cut = text.index(text.startIndex, offsetBy: Int(generator.next() % UInt64(text.count - 1)) + 1)
                text = text[..<cut] + [" ", ".", "\n", "-"][Int(generator.next() % 4)] + text[cut...]
            }
            let wrapper = wrappers[Int(generator.next() % UInt64(wrappers.count))]
            let memo = wrapper.replacingOccurrences(of: "%d", with: String(generator.next() % 100_000)).replacingOccurrences(of: "%@", with: text)
            #expect(Self.scanner.references(in: MemoText(memo)) == [reference], "memo: \(memo)")
        }
    }
}
