import FeeDeskCore
import FeeDeskStore

extension FeeDesk {
    /// The matcher for the configured reference format.
    var matcher: Matcher { Matcher(format: config.referenceFormat) }

    /// Matches `credits` in a fixed order (booking date, time, amount, then a stable hash of bank
    /// reference and memo), so the same credits always give the same allocations whatever order they
    /// arrived in. Returns the count and sum per outcome.
    func match(_ credits: [PendingCredit], connection: SQLiteConnection, at stamp: String) throws -> [CreditOutcome: OutcomeTotal] {
        let repository = CreditRepository(connection)
        let matcher = self.matcher
        var totals: [CreditOutcome: OutcomeTotal] = [:]
        for credit in credits.sorted() {
            let decision = try matcher.decide(amount: credit.amount, references: credit.references, lookup: repository.payable)
            for allocation in decision.allocations {
                try repository.allocate(creditID: credit.id, dossierID: allocation.dossierID, amount: allocation.amount, method: "auto", at: stamp)
            }
            if decision.outcome != .unmatched || !decision.note.isEmpty {
                try repository.setOutcome(id: credit.id, outcome: decision.outcome, owedBack: decision.owedBack, note: decision.note)
            }
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

    /// `count` credits summing to `amount`.
    public init(count: Int, amount: Money) {
        self.count = count
        self.amount = amount
    }

    mutating func add(_ value: Money) {
        count += 1
        amount += value
    }
}
