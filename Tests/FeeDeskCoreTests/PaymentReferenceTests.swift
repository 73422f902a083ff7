import FeeDeskCore
import Testing

@Suite struct PaymentReferenceTests {
    static let format = PaymentReferenceFormat.standard

    @Test(arguments: [(Int64(1), "HS00000198"), (2, "HS00000295"), (147, "HS00014748"), (999_999, "HS99999923"), (1_000_000, "HS100000047")])
    func generatesKnownReferences(sequence: Int64, expected: String) throws {
        let reference = try PaymentReference(sequence: sequence, format: Self.format)
        #expect(reference.text == expected)
        #expect(try PaymentReference(validating: expected.lowercased(), format: Self.format) == reference)
    }

    @Test func everyReferenceSatisfiesMod97() throws {
        for sequence in Int64(1)...3_000 {
            let reference = try PaymentReference(sequence: sequence, format: Self.format)
            #expect(reference.text.count == 10)
            #expect(try PaymentReference(validating: reference.text, format: Self.format) == reference)
        }
    }

    /// Every single-character substitution (by any of A–Z, 0–9) and every adjacent swap is rejected.
    @Test(arguments: [PaymentReferenceFormat.standard, try! PaymentReferenceFormat(prefix: "PHI", sequenceDigits: 8)])
    func rejectsEverySingleErrorAndAdjacentTransposition(format: PaymentReferenceFormat) throws {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SplitMix64(seed: 2026)
        var checked = 0
        for _ in 0..<300 {
            let sequence = Int64(generator.next() % 9_999_999) + 1
            let text = Array(try PaymentReference(sequence: sequence, format: format).text)
            for position in text.indices {
                for replacement in alphabet where replacement != text[position] {
                    var mutated = text
                    mutated[position] = replacement
                    #expect(throws: CoreError.self) { try PaymentReference(validating: String(mutated), format: format) }
                    checked += 1
                }
                if position + 1 < text.count, text[position] != text[position + 1] {
                    var swapped = text
                    swapped.swapAt(position, position + 1)
                    #expect(throws: CoreError.self) { try PaymentReference(validating: String(swapped), format: format) }
                    checked += 1
                }
            }
        }
        #expect(checked > 100_000)
    }

    @Test(arguments: [
        ("HS00000199", "payment reference 'HS00000199' has wrong check digits"),
        ("XS00000198", "payment reference 'XS00000198' does not start with HS"),
        ("HS0000019", "payment reference 'HS0000019' must be HS followed by at least 8 digits"),
        ("HS000O0198", "payment reference 'HS000O0198' must be HS followed by at least 8 digits"),
        ("HS0000000000000000198", "payment reference 'HS0000000000000000198' must be HS followed by at least 8 digits"),
    ])
    func explainsRejections(text: String, message: String) {
        #expect(throws: CoreError(.invalid, message)) { try PaymentReference(validating: text, format: Self.format) }
    }

    @Test(arguments: [
        ("H", 6, "payment reference prefix 'H' must be 2 to 4 upper-case letters A–Z"),
        ("hs", 6, "payment reference prefix 'hs' must be 2 to 4 upper-case letters A–Z"),
        ("HS1", 6, "payment reference prefix 'HS1' must be 2 to 4 upper-case letters A–Z"),
        ("HS", 3, "payment reference sequence width 3 must be 4 to 12 and keep references within 19 characters"),
        ("HSXX", 14, "payment reference sequence width 14 must be 4 to 12 and keep references within 19 characters"),
    ])
    func validatesFormat(prefix: String, digits: Int, message: String) {
        #expect(throws: CoreError(.invalid, message)) { try PaymentReferenceFormat(prefix: prefix, sequenceDigits: digits) }
    }

    @Test func refusesReferencesLongerThan19Characters() throws {
        let format = try PaymentReferenceFormat(prefix: "HSXX", sequenceDigits: 12)
        #expect(try PaymentReference(sequence: 999_999_999_999, format: format).text.count == 18)
        #expect(throws: CoreError.self) { try PaymentReference(sequence: 99_999_999_999_999, format: format) }
    }
}
