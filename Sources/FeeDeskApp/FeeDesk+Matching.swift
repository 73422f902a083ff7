import FeeDeskCore
import FeeDeskStore

extension FeeDesk {
    /// The matcher for the configured reference format.
    var matcher: Matcher { Matcher(format: config.referenceFormat) }

    /// Matches the credits `ids` in a fixed order (booking date, time, amount, bank reference, memo,
    /// id), so that the same credits always give the same allocations whatever order they arrived in.
    /// Returns the count and sum per outcome.
    func matchCredits(_ ids: [Int64], connection: SQLiteConnection, at stamp: String) throws -> [CreditOutcome: OutcomeTotal] {
        guard let first = ids.min() else { return [:] }
        var ordered: [(id: Int64, amount: Money, memo: String)] = []
        ordered.reserveCapacity(ids.count)
        try connection.forEach("""
            SELECT id, amount, memo FROM credit WHERE id >= ? AND outcome = 'unmatched' AND note = ''
            ORDER BY booking_date, COALESCE(booked_at, ''), amount, COALESCE(bank_reference, ''), memo, id
            """, [first]) { row throws(StoreError) in
            ordered.append((row.int64(0), Money(dong: row.int64(1)), try row.requiredText(2)))
        }
        let wanted = Set(ids)
        let credits = CreditRepository(connection)
        let matcher = self.matcher
        var totals: [CreditOutcome: OutcomeTotal] = [:]
        for credit in ordered where wanted.contains(credit.id) {
            let decision = try matcher.decide(amount: credit.amount, memo: MemoText(credit.memo), lookup: credits.payable)
            for allocation in decision.allocations {
                try credits.allocate(creditID: credit.id, dossierID: allocation.dossierID, amount: allocation.amount, method: "auto", at: stamp)
            }
            try credits.setOutcome(id: credit.id, outcome: decision.outcome, owedBack: decision.owedBack, note: decision.note)
            totals[decision.outcome, default: OutcomeTotal()].add(credit.amount)
        }
        return totals
    }
}

/// A count and a sum of credits.
public struct OutcomeTotal: Sendable, Equatable, Encodable {
    /// How many credits.
    public var count = 0
    /// Their sum.
    public var amount = Money.zero

    /// No credits.
    public init() {}

    mutating func add(_ value: Money) {
        count += 1
        amount += value
    }
}
