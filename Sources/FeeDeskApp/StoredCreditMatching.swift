import FeeDeskCore
import FeeDeskStore

/// A credit already stored (from a callback, or waiting for its dossier) that the matcher should look
/// at again. Statement imports use the set-based `CreditMatching` instead; this path serves the few
/// credits of one callback or one register import.
struct StoredCredit: Sendable, Comparable {
    let id: Int64
    let day: LocalDate
    /// Seconds into the booking day, -1 when the bank gave no time.
    let seconds: Int
    let amount: Money
    /// The same FNV-1a tiebreak as `PendingCredit`, so both paths order equal credits alike.
    let tiebreak: UInt64
    let references: [PaymentReference]
    /// Compact dossier codes in the memo (see `DossierCodeScanner`).
    let codes: [String]

    init(id: Int64, day: LocalDate, time: Int?, amount: Money, bankReference: String?, memo: String, scanner: ReferenceScanner) {
        self.id = id
        self.day = day
        seconds = time ?? -1
        self.amount = amount
        tiebreak = PendingCredit.tiebreak(bankReference: bankReference, memo: memo)
        (references, codes) = MemoText(memo).withCompactUTF8 { compact in
            (scanner.references(inCompact: compact), DossierCodeScanner().codes(inCompact: compact))
        }
    }

    /// True when the memo names a dossier in some way (a valid reference or a code-shaped run).
    var namesADossier: Bool { !references.isEmpty || !codes.isEmpty }

    /// Booking date, time, amount, then the tiebreak and the id.
    static func < (lhs: StoredCredit, rhs: StoredCredit) -> Bool {
        (lhs.day.daysSinceEpoch, lhs.seconds, lhs.amount.dong, lhs.tiebreak, lhs.id)
            < (rhs.day.daysSinceEpoch, rhs.seconds, rhs.amount.dong, rhs.tiebreak, rhs.id)
    }

    static func == (lhs: StoredCredit, rhs: StoredCredit) -> Bool { lhs.id == rhs.id }
}

extension FeeDesk {
    /// Matches stored `credits` one by one in the fixed order (booking date, time, amount, tiebreak),
    /// writing allocations and outcomes. Returns the count and sum per outcome.
    func match(_ credits: [StoredCredit], connection: SQLiteConnection, at stamp: String) throws -> [CreditOutcome: OutcomeTotal] {
        let repository = CreditRepository(connection)
        let matcher = self.matcher
        var totals: [CreditOutcome: OutcomeTotal] = [:]
        for credit in credits.sorted() {
            let decision = try matcher.decide(amount: credit.amount, references: credit.references, codes: credit.codes,
                                              lookup: repository.payable) { code in
                try DossierCodeScanner.canonical(compact: code).flatMap { try repository.payable(code: $0) }
            }
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
