import FeeDeskCore
import Testing

/// The byte-level scanner gives exactly what the straightforward definition gives: fold, keep A–Z and
/// 0–9, try every prefix position and every length through `PaymentReference(validating:)`.
@Suite struct ReferenceScannerOracleTests {
    /// The definition, written the slow and obvious way.
    static func oracle(_ memo: String, format: PaymentReferenceFormat) -> [PaymentReference] {
        let compact = Array(MemoText.fold(memo).uppercased().unicodeScalars.filter {
            ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }.map { Character($0) })
        let prefix = Array(format.prefix)
        var found: [PaymentReference] = []
        var index = 0
        while index + prefix.count <= compact.count {
            guard Array(compact[index..<index + prefix.count]) == prefix else {
                index += 1
                continue
            }
            let digitsStart = index + prefix.count
            var digitsEnd = digitsStart
            while digitsEnd < compact.count, compact[digitsEnd].isNumber { digitsEnd += 1 }
            let minimum = format.sequenceDigits + 2, maximum = min(digitsEnd - digitsStart, PaymentReference.maximumLength - prefix.count)
            if minimum <= maximum {
                for length in minimum...maximum {
                    if length > minimum && compact[digitsStart] == "0" { continue }
                    if let reference = try? PaymentReference(validating: String(compact[index..<digitsStart + length]), format: format) {
                        if !found.contains(reference) { found.append(reference) }
                        break
                    }
                }
            }
            index = max(index + 1, digitsStart)
        }
        return found
    }

    static let formats = [PaymentReferenceFormat.standard, try! PaymentReferenceFormat(prefix: "QLDT", sequenceDigits: 4),
                          try! PaymentReferenceFormat(prefix: "AB", sequenceDigits: 12)]

    @Test(arguments: formats)
    func agreesWithTheDefinitionOnRandomMemos(format: PaymentReferenceFormat) throws {
        var generator = SplitMix64(seed: 2024)
        let pieces = [" ", ".", "-", "\n", ":", ";", "đ", "Đ", "ộ", "nop phi", "MBVCB", "0", "9", "00", "1", "97", "x"]
        for _ in 0..<3_000 {
            var memo = ""
            for _ in 0..<Int(generator.next() % 6) {
                switch generator.next() % 4 {
                case 0:
                    let reference = try PaymentReference(sequence: Int64(generator.next() % 99_999) + 1, format: format).text
                    memo += generator.next() % 2 == 0 ? reference : reference.lowercased()
                case 1: memo += format.prefix + String(generator.next() % 1_000_000_000_000)
                case 2: memo += String(generator.next() % 100_000)
                default: memo += pieces[Int(generator.next() % UInt64(pieces.count))]
                }
            }
            #expect(format.scanner.references(in: MemoText(memo)) == Self.oracle(memo, format: format), "memo: \(memo)")
        }
    }

    @Test(arguments: [
        ("HS00000198", ["HS00000198"]),
        // 19 characters at most: a longer digit run is cut there, and a reference cannot be longer.
        ("HS12345678901234567", ["HS12345678901234567"]), ("HS100000000000000410", ["HS10000000000000041"]),
        ("HS1000000000000000048", []),
        ("HS", []), ("H", []), ("HS0", []), ("SH00000198", []), ("HSHS00000198", ["HS00000198"]),
        ("hs0000019", []), ("HS 00000198HS00000295", ["HS00000198", "HS00000295"]),
    ])
    func edgeCases(memo: String, expected: [String]) {
        #expect(PaymentReferenceFormat.standard.scanner.references(in: MemoText(memo)).map(\.text) == expected)
        #expect(Self.oracle(memo, format: .standard).map(\.text) == expected)
    }

    @Test func compactBytesAreTheCompactView() {
        for memo in ["", "MBVCB.123.hs 00012 34", "Nộp phí hồ sơ ĐĂNG KÝ", "日本 HS00000198", String(repeating: "ab.", count: 2_000)] {
            let text = MemoText(memo)
            #expect(text.withCompactUTF8 { Array($0) } == Array(text.compact.utf8))
            #expect(text.tokens.joined() == text.compact)
            #expect(text.withCompactUTF8 { format.scanner.references(inCompact: $0) } == format.scanner.references(in: text))
        }
    }

    private var format: PaymentReferenceFormat { .standard }
}

extension PaymentReferenceFormat {
    fileprivate var scanner: ReferenceScanner { ReferenceScanner(format: self) }
}
