import FeeDeskCore
import FeeDeskStore

extension FeeDesk {
    /// The matcher for the configured reference format.
    var matcher: Matcher { Matcher(format: config.referenceFormat) }
}

/// Matches an import's new credits in memory, in a fixed order (booking date, time, amount, then a
/// stable hash of bank reference and memo, then file position), so the same credits always give the
/// same allocations whatever order they arrived in.
///
/// `match()` decides every credit in that order against the `DossierBook` and records, per reference,
/// the dossier found and the paid amount the matcher saw (`SeenTable`). `decision(for:)` repeats a
/// credit's decision from those records while the writer stores the credits in file order — the
/// matcher is pure, so the repeat is exact — and no decision has to be kept in memory.
///
/// The two may run on two threads, each with its own copy of this value: `decision(for:)` waits until
/// `match()` has decided that credit (`MatchProgress`). The copies share the records and the progress;
/// the book's paid totals, which only `match()` changes, are copied on its first change.
struct CreditMatching {
    let matcher: Matcher
    let credits: PendingCredits
    private(set) var book: DossierBook
    /// Per entry of `credits.references`: what the matcher saw, filled in by `match()`.
    private let seen: SeenTable
    private let progress = MatchProgress()

    /// Matching for `credits` against `book`, which holds every dossier they name (or every dossier).
    init(matcher: Matcher, credits: PendingCredits, book: DossierBook) {
        self.matcher = matcher
        self.credits = credits
        self.book = book
        seen = SeenTable(count: credits.references.count)
    }

    /// Matching for `credits`, with the dossiers they name read through `repository`.
    init(matcher: Matcher, credits: PendingCredits, dossiers repository: CreditRepository) throws {
        var book = DossierBook(format: matcher.scanner.format, references: credits.references, codes: credits.codes)
        try book.load(from: repository)
        self.init(matcher: matcher, credits: credits, book: book)
    }

    /// Decides every credit in matching order; returns the count and sum per outcome.
    mutating func match() -> [CreditOutcome: OutcomeTotal] {
        var totals: [CreditOutcome: OutcomeTotal] = [:]
        var named: [(id: Int64, slot: Int)] = []
        let order = credits.matchingOrder()
        progress.start(order: order)
        for (done, position) in order.enumerated() {
            if done % 1024 == 0 && done > 0 { progress.publish(done) }
            let index = Int(position)
            let range = credits.referenceRange(of: index)
            let amount = Money(dong: credits.credits[index].amount)
            named.removeAll(keepingCapacity: true)
            let decision = matcher.decide(amount: amount, references: references(range), codes: codes(range), lookup: { reference in
                guard let key = book.keys.key(reference), let entry = range.first(where: { credits.references[$0] == key }),
                      let slot = book.slot(key) else { return nil }
                seen[entry] = PendingCredits.Seen(slot: Int32(slot), paid: book.paid(slot))
                named.append((book.id(slot), slot))
                return book.dossier(slot, reference: reference, paid: book.paid(slot), withCode: false)
            }, codeLookup: { code in
                guard let entry = range.first(where: { credits.code(credits.references[$0]) == code }), let slot = book.slot(code: code) else {
                    return nil
                }
                seen[entry] = PendingCredits.Seen(slot: Int32(slot), paid: book.paid(slot))
                named.append((book.id(slot), slot))
                return book.dossier(slot, reference: book.reference(slot), paid: book.paid(slot), withCode: true)
            })
            for allocation in decision.allocations {
                if let slot = named.first(where: { $0.id == allocation.dossierID })?.slot { book.add(allocation.amount, to: slot) }
            }
            totals[decision.outcome, default: OutcomeTotal()].add(amount)
        }
        progress.publish(order.count)
        return totals
    }

    /// The decision `match()` made for credit `index` (file order), with dossier codes in its note,
    /// repeated from what `match()` recorded (no lookups); waits until `match()`, on another copy of
    /// this value and another thread, has decided that credit.
    func decision(for index: Int) -> MatchDecision {
        progress.waitUntilDecided(credit: index)
        let range = credits.referenceRange(of: index)
        return matcher.decide(amount: Money(dong: credits.credits[index].amount), references: references(range), codes: codes(range), lookup: { reference in
            guard let key = book.keys.key(reference), let entry = range.first(where: { credits.references[$0] == key }) else { return nil }
            let seen = self.seen[entry]
            guard seen.slot >= 0 else { return nil }
            return book.dossier(Int(seen.slot), reference: reference, paid: seen.paid, withCode: true)
        }, codeLookup: { code in
            guard let entry = range.first(where: { credits.code(credits.references[$0]) == code }) else { return nil }
            let seen = self.seen[entry]
            guard seen.slot >= 0 else { return nil }
            return book.dossier(Int(seen.slot), reference: book.reference(Int(seen.slot)), paid: seen.paid, withCode: true)
        })
    }

    private func references(_ range: Range<Int>) -> [PaymentReference] {
        range.compactMap { credits.references[$0] & PendingCredits.codeFlag == 0 ? book.keys.reference(credits.references[$0]) : nil }
    }

    private func codes(_ range: Range<Int>) -> [String] {
        range.compactMap { credits.code(credits.references[$0]) }
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
