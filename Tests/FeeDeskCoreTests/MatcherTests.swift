import FeeDeskCore
import Testing

@Suite struct MatcherTests {
    static let matcher = Matcher(format: .standard)

    static func dossier(_ sequence: Int64, due: Int64, paid: Int64 = 0, cancelled: Bool = false) -> PayableDossier {
        let reference = try! PaymentReference(sequence: sequence, format: .standard)
        return PayableDossier(id: sequence, code: "D\(sequence)", reference: reference, amountDue: Money(dong: due),
                              paid: Money(dong: paid), cancelled: cancelled)
    }

    static let book: [String: PayableDossier] = Dictionary(uniqueKeysWithValues: [
        dossier(1, due: 75_000), dossier(2, due: 10_000), dossier(3, due: 50_000, paid: 50_000), dossier(4, due: 8_000, cancelled: true),
        dossier(5, due: 16_000, paid: 6_000),
    ].map { ($0.reference.text, $0) })

    static func decide(_ amount: Int64, _ memo: String) -> MatchDecision {
        matcher.decide(amount: Money(dong: amount), memo: MemoText(memo)) { book[$0.text] }
    }

    @Test(arguments: [
        (Int64(75_000), "HS00000198 nop phi", CreditOutcome.matched, [Int64(75_000)], Int64(0)),
        (70_000, "hs 000001 98", .underpaid, [70_000], 0),
        (80_000, "MBVCB.1.HS00000198.CT tu X", .overpaid, [75_000], 5_000),
        (50_000, "HS00000392", .duplicate, [], 50_000),
        (85_000, "HS00000198 HS00000295", .matched, [75_000, 10_000], 0),
        (90_000, "HS00000198 HS00000295", .unmatched, [], 0),
        (10_000, "HS00000295 HS00000392", .unmatched, [], 0),
        (8_000, "HS00000489", .unmatched, [], 0),
        (10_000, "HS00000586", .matched, [10_000], 0),
        (75_000, "HS00000189", .unmatched, [], 0),
        (75_000, "chuyen tien nop phi", .unmatched, [], 0),
        (75_000, "HS00009999 unknown but valid? no", .unmatched, [], 0),
        (75_000, "HS99999923", .unmatched, [], 0),
    ])
    func decides(amount: Int64, memo: String, outcome: CreditOutcome, allocations: [Int64], owedBack: Int64) {
        let decision = Self.decide(amount, memo)
        #expect(decision.outcome == outcome, "\(memo): \(decision.note)")
        #expect(decision.allocations.map(\.amount.dong) == allocations)
        #expect(decision.owedBack == Money(dong: owedBack))
        // Every đồng is accounted for: allocated plus owed back equals the credit, unless it waits for review.
        if outcome != .unmatched {
            #expect(decision.allocations.map(\.amount).sum() + decision.owedBack == Money(dong: amount))
        }
    }

    @Test func explainsItself() {
        #expect(Self.decide(75_000, "nop phi").note == "the memo holds no valid payment reference")
        #expect(Self.decide(75_000, "HS99999923").note == "reference HS99999923 matches no dossier")
        #expect(Self.decide(8_000, "HS00000489").note == "dossier D4 is cancelled")
        #expect(Self.decide(80_000, "HS00000198").note == "pays dossier D1; 5.000 ₫ over the amount due is owed back")
        #expect(Self.decide(90_000, "HS00000198 HS00000295").namedDossiers == ["D1", "D2"])
    }

    /// Never auto-matched on amount alone: a credit of exactly a dossier's fee without its reference waits.
    @Test func neverMatchesOnAmountAlone() {
        for memo in ["", "75000", "nop phi 75.000", "D1", "HS0000019", "HS 00000 1 9"] {
            #expect(Self.decide(75_000, memo).outcome == .unmatched)
        }
    }
}
