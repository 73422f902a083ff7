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
    /// The dossiers the memo named, first suggestions for review.
    public let namedDossiers: [String]
    /// Why; the sentence is built only when `note` is read (matching a million credits needs none).
    let reason: Reason

    /// Why, in one sentence (for the review queue and the audit journal).
    public var note: String {
        switch reason {
        case .noReference: "the memo holds no valid payment reference"
        case let .unknown(references): "reference \(references.map(\.text).joined(separator: ", ")) matches no dossier"
        case let .cancelled(code): "dossier \(code) is cancelled"
        case let .alreadyPaid(code): "dossier \(code) was already paid; \(owedBack.formatted) is owed back"
        case let .pays(codes): codes.count == 1 ? "pays dossier \(codes[0])" : "pays dossiers \(codes.joined(separator: ", "))"
        case let .paysPart(code, outstanding):
            "pays \(allocations.map(\.amount).sum().formatted) of the \(outstanding.formatted) due on dossier \(code)"
        case let .paysOver(code): "pays dossier \(code); \(owedBack.formatted) over the amount due is owed back"
        case let .owingOther(count, owing, amount):
            "the memo names \(count) dossiers that owe \(owing.formatted) together, not \(amount.formatted)"
        case let .byCode(code): "pays dossier \(code), named by its dossier code"
        case let .codeOwing(code, owing, amount):
            "the memo names dossier \(code) by its dossier code; it owes \(owing.formatted), not \(amount.formatted): check before assigning"
        case let .codes(codes): "the memo names dossiers \(codes.joined(separator: ", ")) by their dossier codes: check before assigning"
        }
    }

    /// The facts a note is made of.
    enum Reason: Sendable, Equatable {
        case noReference
        case unknown([PaymentReference])
        case cancelled(String)
        case alreadyPaid(String)
        case pays([String])
        case paysPart(String, outstanding: Money)
        case paysOver(String)
        case owingOther(count: Int, owing: Money, amount: Money)
        /// Matched through a dossier code in the memo (the amount equals what it owes).
        case byCode(String)
        /// A dossier code names a dossier that owes another amount.
        case codeOwing(String, owing: Money, amount: Money)
        /// Several dossier codes: never applied automatically.
        case codes([String])
    }
}

/// Decides, from a credit's amount and memo alone, which dossiers it pays. Pure and deterministic.
///
/// Only references whose check digits hold are considered, and only dossiers they name can receive
/// money; the amount never picks a dossier by itself. One reference: matched, underpaid, overpaid
/// (excess owed back) or duplicate (already paid: all owed back). Several references: matched when the
/// credit equals exactly what they still owe together, otherwise unmatched for review.
///
/// When the references decide nothing (none, or none that can be applied), dossier codes typed into the
/// memo (``DossierCodeScanner``) are tried: one code whose dossier still owes exactly the credit's
/// amount is matched; anything else waits for review with the named dossiers first.
public struct Matcher: Sendable {
    /// The scanner for the configured reference format.
    public let scanner: ReferenceScanner
    /// The scanner for dossier codes.
    public let codeScanner = DossierCodeScanner()

    /// A matcher for references of `format`.
    public init(format: PaymentReferenceFormat) {
        scanner = ReferenceScanner(format: format)
    }

    /// The decision for a credit of `amount` with `memo`; `lookup` finds a dossier by reference,
    /// `codeLookup` by compact dossier code (see ``DossierCodeScanner/compactKey(_:)``). The memo is
    /// searched for dossier codes only when its references decide nothing.
    public func decide(amount: Money, memo: MemoText, lookup: (PaymentReference) throws -> PayableDossier?,
                       codeLookup: (String) throws -> PayableDossier?) rethrows -> MatchDecision {
        let byReference = try decide(amount: amount, references: scanner.references(in: memo), lookup: lookup)
        guard byReference.outcome == .unmatched else { return byReference }
        return try decide(amount: amount, codes: codeScanner.codes(in: memo), byReference: byReference, codeLookup: codeLookup)
    }

    /// The decision for a credit of `amount` whose memo holds `references` and the compact dossier
    /// `codes` (from ``scanner`` and ``codeScanner``).
    public func decide(amount: Money, references: [PaymentReference], codes: [String],
                       lookup: (PaymentReference) throws -> PayableDossier?,
                       codeLookup: (String) throws -> PayableDossier?) rethrows -> MatchDecision {
        let byReference = try decide(amount: amount, references: references, lookup: lookup)
        guard byReference.outcome == .unmatched else { return byReference }
        return try decide(amount: amount, codes: codes, byReference: byReference, codeLookup: codeLookup)
    }

    /// What dossier `codes` decide for a credit its references left unmatched (`byReference`).
    private func decide(amount: Money, codes: [String], byReference: MatchDecision,
                        codeLookup: (String) throws -> PayableDossier?) rethrows -> MatchDecision {
        guard !codes.isEmpty else { return byReference }
        var dossiers: [PayableDossier] = []
        for code in codes {
            if let dossier = try codeLookup(code), !dossiers.contains(where: { $0.id == dossier.id }) { dossiers.append(dossier) }
        }
        guard !dossiers.isEmpty else { return byReference }
        var named = dossiers.map(\.code)
        for code in byReference.namedDossiers where !named.contains(code) { named.append(code) }
        guard dossiers.count == 1 else { return unmatched(.codes(dossiers.map(\.code)), named: named) }
        let dossier = dossiers[0]
        guard !dossier.cancelled else { return unmatched(.cancelled(dossier.code), named: named) }
        guard dossier.outstanding == amount else {
            return unmatched(.codeOwing(dossier.code, owing: max(.zero, dossier.outstanding), amount: amount), named: named)
        }
        return MatchDecision(outcome: .matched, allocations: [MatchDecision.Allocation(dossierID: dossier.id, dossierCode: dossier.code, amount: amount)],
                             owedBack: .zero, namedDossiers: named, reason: .byCode(dossier.code))
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
            guard let dossier = try lookup(references[0]) else { return unmatched(.unknown(references), named: []) }
            guard !dossier.cancelled else { return unmatched(.cancelled(dossier.code), named: [dossier.code]) }
            return single(amount: amount, dossier: dossier)
        }
        var dossiers: [PayableDossier] = []
        for reference in references {
            if let dossier = try lookup(reference), !dossiers.contains(where: { $0.id == dossier.id }) { dossiers.append(dossier) }
        }
        let named = dossiers.map(\.code)
        guard !dossiers.isEmpty else { return unmatched(references.isEmpty ? .noReference : .unknown(references), named: []) }
        if let cancelled = dossiers.first(where: \.cancelled) { return unmatched(.cancelled(cancelled.code), named: named) }
        return dossiers.count == 1 ? single(amount: amount, dossier: dossiers[0]) : several(amount: amount, dossiers: dossiers)
    }

    private func unmatched(_ reason: MatchDecision.Reason, named: [String]) -> MatchDecision {
        MatchDecision(outcome: .unmatched, allocations: [], owedBack: .zero, namedDossiers: named, reason: reason)
    }

    private func single(amount: Money, dossier: PayableDossier) -> MatchDecision {
        let outstanding = dossier.outstanding
        let named = [dossier.code]
        func allocate(_ value: Money) -> [MatchDecision.Allocation] {
            [MatchDecision.Allocation(dossierID: dossier.id, dossierCode: dossier.code, amount: value)]
        }
        if !outstanding.isPositive {
            return MatchDecision(outcome: .duplicate, allocations: [], owedBack: amount, namedDossiers: named,
                                 reason: .alreadyPaid(dossier.code))
        }
        if amount == outstanding {
            return MatchDecision(outcome: .matched, allocations: allocate(amount), owedBack: .zero, namedDossiers: named,
                                 reason: .pays(named))
        }
        if amount < outstanding {
            return MatchDecision(outcome: .underpaid, allocations: allocate(amount), owedBack: .zero, namedDossiers: named,
                                 reason: .paysPart(dossier.code, outstanding: outstanding))
        }
        return MatchDecision(outcome: .overpaid, allocations: allocate(outstanding), owedBack: amount - outstanding,
                             namedDossiers: named, reason: .paysOver(dossier.code))
    }

    private func several(amount: Money, dossiers: [PayableDossier]) -> MatchDecision {
        let named = dossiers.map(\.code)
        let owing = dossiers.map(\.outstanding)
        guard owing.allSatisfy(\.isPositive), owing.sum() == amount else {
            return unmatched(.owingOther(count: dossiers.count, owing: owing.filter(\.isPositive).sum(), amount: amount), named: named)
        }
        let allocations = dossiers.map { MatchDecision.Allocation(dossierID: $0.id, dossierCode: $0.code, amount: $0.outstanding) }
        return MatchDecision(outcome: .matched, allocations: allocations, owedBack: .zero, namedDossiers: named, reason: .pays(named))
    }
}
