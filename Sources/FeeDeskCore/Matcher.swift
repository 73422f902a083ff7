/// What the matcher needs to know about a dossier a memo refers to.
public struct PayableDossier: Sendable, Equatable {
    /// The dossier's row id.
    public let id: Int64
    /// Its code.
    public let code: String
    /// Its payment reference.
    public let reference: PaymentReference
    /// The fee due.
    public let amountDue: Money
    /// What has been counted for it so far.
    public let paid: Money
    /// True when it no longer accepts payments.
    public let cancelled: Bool

    /// A dossier as the matcher sees it.
    public init(id: Int64, code: String, reference: PaymentReference, amountDue: Money, paid: Money, cancelled: Bool) {
        self.id = id
        self.code = code
        self.reference = reference
        self.amountDue = amountDue
        self.paid = paid
        self.cancelled = cancelled
    }

    /// What is still due (zero or less when paid).
    public var outstanding: Money { amountDue - paid }
}

/// The matcher's verdict on one credit.
public struct MatchDecision: Sendable, Equatable {
    /// One part of the credit counted for one dossier.
    public struct Allocation: Sendable, Equatable {
        /// The dossier's row id.
        public let dossierID: Int64
        /// Its code.
        public let dossierCode: String
        /// The amount counted.
        public let amount: Money
    }

    /// The outcome.
    public let outcome: CreditOutcome
    /// What to count for which dossier (empty for duplicate and unmatched).
    public let allocations: [Allocation]
    /// What the unit owes the payer back.
    public let owedBack: Money
    /// Why, in one sentence (for the review queue and the audit journal).
    public let note: String
    /// The dossiers the memo named, first suggestions for review.
    public let namedDossiers: [String]
}

/// Decides, from a credit's amount and memo alone, which dossiers it pays. Pure and deterministic.
///
/// Only references whose check digits hold are considered, and only dossiers they name can receive
/// money; the amount never picks a dossier by itself. One reference: matched, underpaid, overpaid
/// (excess owed back) or duplicate (already paid: all owed back). Several references: matched when the
/// credit equals exactly what they still owe together, otherwise unmatched for review.
public struct Matcher: Sendable {
    /// The scanner for the configured reference format.
    public let scanner: ReferenceScanner

    /// A matcher for references of `format`.
    public init(format: PaymentReferenceFormat) {
        scanner = ReferenceScanner(format: format)
    }

    /// The decision for a credit of `amount` with `memo`; `lookup` finds a dossier by reference.
    public func decide(amount: Money, memo: MemoText, lookup: (PaymentReference) throws -> PayableDossier?) rethrows -> MatchDecision {
        try decide(amount: amount, references: scanner.references(in: memo), lookup: lookup)
    }

    /// The decision for a credit of `amount` whose memo holds `references` (from `scanner`).
    public func decide(amount: Money, references: [PaymentReference],
                       lookup: (PaymentReference) throws -> PayableDossier?) rethrows -> MatchDecision {
        if references.count == 1 {
            // The common case, without the bookkeeping for several dossiers.
            guard let dossier = try lookup(references[0]) else {
                return MatchDecision(outcome: .unmatched, allocations: [], owedBack: .zero,
                                     note: "reference \(references[0].text) matches no dossier", namedDossiers: [])
            }
            guard !dossier.cancelled else {
                return MatchDecision(outcome: .unmatched, allocations: [], owedBack: .zero,
                                     note: "dossier \(dossier.code) is cancelled", namedDossiers: [dossier.code])
            }
            return single(amount: amount, dossier: dossier)
        }
        var dossiers: [PayableDossier] = []
        for reference in references {
            if let dossier = try lookup(reference), !dossiers.contains(where: { $0.id == dossier.id }) { dossiers.append(dossier) }
        }
        let named = dossiers.map(\.code)
        guard !dossiers.isEmpty else {
            let note = references.isEmpty ? "the memo holds no valid payment reference"
                : "reference \(references.map(\.text).joined(separator: ", ")) matches no dossier"
            return MatchDecision(outcome: .unmatched, allocations: [], owedBack: .zero, note: note, namedDossiers: [])
        }
        if let cancelled = dossiers.first(where: \.cancelled) {
            return MatchDecision(outcome: .unmatched, allocations: [], owedBack: .zero,
                                 note: "dossier \(cancelled.code) is cancelled", namedDossiers: named)
        }
        return dossiers.count == 1 ? single(amount: amount, dossier: dossiers[0]) : several(amount: amount, dossiers: dossiers)
    }

    private func single(amount: Money, dossier: PayableDossier) -> MatchDecision {
        let outstanding = dossier.outstanding
        let named = [dossier.code]
        func allocate(_ value: Money) -> [MatchDecision.Allocation] {
            [MatchDecision.Allocation(dossierID: dossier.id, dossierCode: dossier.code, amount: value)]
        }
        if !outstanding.isPositive {
            return MatchDecision(outcome: .duplicate, allocations: [], owedBack: amount,
                                 note: "dossier \(dossier.code) was already paid; \(amount.formatted) is owed back", namedDossiers: named)
        }
        if amount == outstanding {
            return MatchDecision(outcome: .matched, allocations: allocate(amount), owedBack: .zero,
                                 note: "pays dossier \(dossier.code)", namedDossiers: named)
        }
        if amount < outstanding {
            return MatchDecision(outcome: .underpaid, allocations: allocate(amount), owedBack: .zero,
                                 note: "pays \(amount.formatted) of the \(outstanding.formatted) due on dossier \(dossier.code)",
                                 namedDossiers: named)
        }
        let excess = amount - outstanding
        return MatchDecision(outcome: .overpaid, allocations: allocate(outstanding), owedBack: excess,
                             note: "pays dossier \(dossier.code); \(excess.formatted) over the amount due is owed back", namedDossiers: named)
    }

    private func several(amount: Money, dossiers: [PayableDossier]) -> MatchDecision {
        let named = dossiers.map(\.code)
        let owing = dossiers.map(\.outstanding)
        guard owing.allSatisfy(\.isPositive), owing.sum() == amount else {
            return MatchDecision(outcome: .unmatched, allocations: [], owedBack: .zero,
                                 note: "the memo names \(dossiers.count) dossiers that owe \(owing.filter(\.isPositive).sum().formatted) together, not \(amount.formatted)",
                                 namedDossiers: named)
        }
        let allocations = dossiers.map { MatchDecision.Allocation(dossierID: $0.id, dossierCode: $0.code, amount: $0.outstanding) }
        return MatchDecision(outcome: .matched, allocations: allocations, owedBack: .zero,
                             note: "pays dossiers \(named.joined(separator: ", "))", namedDossiers: named)
    }
}
