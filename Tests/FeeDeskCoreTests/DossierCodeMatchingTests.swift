import FeeDeskCore
import Testing

/// Dossier codes typed into memos (issue 10 item 4): found whatever the bank or the payer did to the
/// separators and the case, applied automatically only when the amount is exactly what is owed.
@Suite struct DossierCodeMatchingTests {
    static let matcher = Matcher(format: .standard)

    /// Dossiers by compact code: D1 owes 75,000; D2 owes 10,000 of 16,000; D3 is paid; D4 is cancelled;
    /// D5 has a 6-digit sequence.
    static let dossiers: [PayableDossier] = [
        dossier(1, code: "000.06.16.G09-261122-0001", due: 75_000),
        dossier(2, code: "000.06.16.G09-261122-0002", due: 16_000, paid: 6_000),
        dossier(3, code: "000.06.16.G09-261121-0417", due: 50_000, paid: 50_000),
        dossier(4, code: "000.06.16.G09-261120-0009", due: 8_000, cancelled: true),
        dossier(5, code: "000.31.09.H52-261122-001234", due: 100_000),
    ]
    static let byCode = Dictionary(uniqueKeysWithValues: dossiers.map { (DossierCodeScanner.compactKey($0.code), $0) })
    static let byReference = Dictionary(uniqueKeysWithValues: dossiers.map { ($0.reference.text, $0) })

    static func dossier(_ id: Int64, code: String, due: Int64, paid: Int64 = 0, cancelled: Bool = false) -> PayableDossier {
        let reference = (try? PaymentReference(sequence: id, format: .standard)) ?? PaymentReference(storedText: "HS00000198")
        return PayableDossier(id: id, code: code, reference: reference, amountDue: Money(dong: due), paid: Money(dong: paid), cancelled: cancelled)
    }

    static func decide(_ amount: Int64, _ memo: String) -> MatchDecision {
        matcher.decide(amount: Money(dong: amount), memo: MemoText(memo), lookup: { byReference[$0.text] }, codeLookup: { byCode[$0] })
    }

    @Test(arguments: [
        // The code as printed, and as citizens and banks mangle it.
        ("000.06.16.G09-261122-0001", "0000616G092611220001"),
        ("0000616g09 2611220001", "0000616G092611220001"),
        ("nop phi ho so 000-06-16-g09.261122.0001 NGUYEN VAN AN", "0000616G092611220001"),
        ("MBVCB.8812345678.000.06.16.G09 261122 0001.CT tu 0011004567890 BUI THI HA", "0000616G092611220001"),
        ("020097042211.221126.093512.0000616G0926112\n20001 le phi", "0000616G092611220001"),
        ("Chuyen tien den tu NAPAS Noi dung: 000 06 16 G09 261122 001234 (CT1111)", "0000616G09261122001234"),
        ("CT nhanh 247 den: 000.06.16.g09-261122-0001 0912345678", "0000616G092611220001"),
        ("hồ sơ 000.06.16.G09-261122-0001 đã nộp", "0000616G092611220001"),
    ])
    func findsTheCode(memo: String, code first: String) {
        let codes = Self.matcher.codeScanner.codes(in: MemoText(memo))
        #expect(codes.contains(first), "\(memo): \(codes)")
    }

    @Test(arguments: [
        "HS00000198 nop phi", "0000616 2611220001", "000.06.16.G09-261322-0001", "000.06.16.G09-261100-0001",
        "000.06.16.G09-261122-001", "00.06.16.G09-261122-0001", "G09-261122-0001", "12345678901234567890", "",
    ])
    func ignoresWhatIsNotACode(memo: String) {
        #expect(Self.matcher.codeScanner.codes(in: MemoText(memo)).isEmpty, "\(memo)")
    }

    /// Digits glued after the sequence: every sequence length 4–6 is offered, longest first.
    @Test func offersEverySequenceLength() {
        #expect(Self.matcher.codeScanner.codes(in: MemoText("0000616G09261122000123")) == [
            "0000616G09261122000123", "0000616G0926112200012", "0000616G092611220001",
        ])
    }

    @Test func canonicalFormRoundTrips() {
        for dossier in Self.dossiers {
            #expect(DossierCodeScanner.canonical(compact: DossierCodeScanner.compactKey(dossier.code)) == dossier.code)
        }
        #expect(DossierCodeScanner.canonical(compact: "HS00000198") == nil)
        #expect(DossierCodeScanner.canonical(compact: "0000616G0926112200011234") == nil)
    }

    @Test(arguments: [
        (Int64(75_000), "nop phi ho so 0000616g09 2611220001", CreditOutcome.matched, [Int64(75_000)], ["000.06.16.G09-261122-0001"]),
        (75_000, "MBVCB.1.000.06.16.G09-261122-0001.CT tu 0123 NGUYEN VAN AN", .matched, [75_000], ["000.06.16.G09-261122-0001"]),
        (10_000, "tra not ho so 000.06.16.G09-261122-0002", .matched, [10_000], ["000.06.16.G09-261122-0002"]),
        (100_000, "000 31 09 h52 261122 001234", .matched, [100_000], ["000.31.09.H52-261122-001234"]),
        // A code for another amount: review, the dossier first.
        (70_000, "0000616G092611220001", .unmatched, [], ["000.06.16.G09-261122-0001"]),
        (80_000, "0000616G092611220001", .unmatched, [], ["000.06.16.G09-261122-0001"]),
        (16_000, "000.06.16.G09-261122-0002", .unmatched, [], ["000.06.16.G09-261122-0002"]),
        // Already paid, cancelled: never applied.
        (50_000, "000.06.16.G09-261121-0417", .unmatched, [], ["000.06.16.G09-261121-0417"]),
        (8_000, "000.06.16.G09-261120-0009", .unmatched, [], ["000.06.16.G09-261120-0009"]),
        // A look-alike code that no dossier has, and one a digit off.
        (75_000, "000.06.16.G09-261122-0003", .unmatched, [], []),
        (75_000, "000.06.16.G09-261122-0010", .unmatched, [], []),
        // Two codes: never applied automatically, even when the sum fits.
        (85_000, "0000616G092611220001 0000616G092611220002", .unmatched, [], ["000.06.16.G09-261122-0001", "000.06.16.G09-261122-0002"]),
        // A valid payment reference wins over a code.
        (9_000, "HS00000295 000.06.16.G09-261122-0001", .underpaid, [9_000], ["000.06.16.G09-261122-0002"]),
        // A reference that decides nothing leaves the code to decide.
        (75_000, "HS99999923 0000616G092611220001", .matched, [75_000], ["000.06.16.G09-261122-0001"]),
    ])
    func decides(amount: Int64, memo: String, outcome: CreditOutcome, allocations: [Int64], named: [String]) {
        let decision = Self.decide(amount, memo)
        #expect(decision.outcome == outcome, "\(memo): \(decision.note)")
        #expect(decision.allocations.map(\.amount.dong) == allocations, "\(memo)")
        #expect(decision.namedDossiers == named, "\(memo)")
    }

    @Test func explainsItself() {
        #expect(Self.decide(75_000, "0000616G092611220001").note == "pays dossier 000.06.16.G09-261122-0001, named by its dossier code")
        #expect(Self.decide(70_000, "0000616G092611220001").note
            == "the memo names dossier 000.06.16.G09-261122-0001 by its dossier code; it owes 75.000 ₫, not 70.000 ₫: check before assigning")
        #expect(Self.decide(50_000, "000.06.16.G09-261121-0417").note
            == "the memo names dossier 000.06.16.G09-261121-0417 by its dossier code; it owes 0 ₫, not 50.000 ₫: check before assigning")
        #expect(Self.decide(8_000, "000.06.16.G09-261120-0009").note == "dossier 000.06.16.G09-261120-0009 is cancelled")
    }

    /// Without the code lookup the old behaviour stands: nothing is matched by code.
    @Test func referencesOnlyIgnoreCodes() {
        let decision = Self.matcher.decide(amount: Money(dong: 75_000), memo: MemoText("0000616G092611220001")) { Self.byReference[$0.text] }
        #expect(decision.outcome == .unmatched)
    }
}
