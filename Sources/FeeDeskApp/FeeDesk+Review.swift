import FeeDeskCore
import FeeDeskStore
import Foundation

extension FeeDesk {
    /// How many days before a credit's booking date a dossier may have been registered to be suggested.
    public static let suggestionWindowDays = 30

    /// The review queue (all open items, or those booked on `date`), each with ranked suggestions.
    public func reviewQueue(date: LocalDate? = nil) throws -> [ReviewItem] {
        try database.read { connection in
            let reviews = ReviewRepository(connection)
            return try reviews.queue(date: date).map { record in
                ReviewItem(record, suggestions: record.outcome == .unmatched ? try suggestions(for: record, connection: connection) : [],
                           lastAction: try reviews.lastLiveAction(creditID: record.id))
            }
        }
    }

    /// Dossiers still owing exactly the credit's amount, registered no later than its booking date and
    /// within the window before it, ranked by payer-name similarity and by time; before them, dossiers
    /// the memo names by their dossier code, then by a reference one typo away. Never applied.
    func suggestions(for credit: CreditRecord, connection: SQLiteConnection) throws -> [ReviewItem.Suggestion] {
        let candidates = try DayRepository(connection).dossiersOwing(credit.amount, from: credit.bookingDate.adding(days: -FeeDesk.suggestionWindowDays),
                                                                     to: credit.bookingDate)
        let booked = credit.bookedAt.flatMap { try? Timestamp.parse($0) } ?? calendar.startOfDay(credit.bookingDate.adding(days: 1))
        let scored = candidates.map { candidate -> ReviewItem.Suggestion in
            let name = credit.counterpartyName.map { NameSimilarity.score(payer: $0, applicant: candidate.applicant) } ?? 0
            let registered = (try? Timestamp.parse(candidate.registeredAt)) ?? booked
            let days = max(0, booked.timeIntervalSince(registered) / 86_400)
            let recency = max(0, 1 - days / Double(FeeDesk.suggestionWindowDays))
            let score = ((0.3 + 0.5 * name + 0.2 * recency) * 100).rounded() / 100
            var reasons = ["owes exactly \(credit.amount.formatted)"]
            if name >= 0.6 { reasons.append("payer name matches applicant \(candidate.applicant)") }
            reasons.append(days < 1 ? "registered the same day" : "registered \(Int(days)) days before")
            return ReviewItem.Suggestion(dossier: candidate.code, score: min(1, score), reason: reasons.joined(separator: "; "))
        }
        // A reference one typo away from what the memo says names the dossier the payer most likely meant.
        let repository = DossierRepository(connection, calendar: calendar)
        var typos: [ReviewItem.Suggestion] = []
        for reference in matcher.scanner.nearMisses(in: MemoText(credit.memo)) {
            guard let dossier = try repository.find(reference: reference.text), dossier.dossier.cancellation == nil else { continue }
            let owing = dossier.dossier.amountDue - dossier.paid
            let exact = owing == credit.amount
            typos.append(ReviewItem.Suggestion(dossier: dossier.dossier.code, score: exact ? 0.95 : 0.7,
                                               reason: "the memo's reference is one typo away from \(reference.text)"
                                                   + (exact ? " and the dossier owes exactly \(credit.amount.formatted)" : "; it owes \(owing.formatted)")))
        }
        // A dossier code typed into the memo names the dossier outright: it comes first.
        var byCode: [ReviewItem.Suggestion] = []
        for code in matcher.codeScanner.codes(in: MemoText(credit.memo)) {
            guard let canonical = DossierCodeScanner.canonical(compact: code), let dossier = try repository.find(code: canonical),
                  dossier.dossier.cancellation == nil, !byCode.contains(where: { $0.dossier == dossier.dossier.code }) else { continue }
            let owing = dossier.dossier.amountDue - dossier.paid
            byCode.append(ReviewItem.Suggestion(dossier: dossier.dossier.code, score: 1,
                                                reason: "the memo names this dossier by its code; it owes \(max(.zero, owing).formatted)"))
        }
        let earlier = byCode + typos.filter { typo in !byCode.contains { $0.dossier == typo.dossier } }
        let ranked = earlier + scored.filter { suggestion in !earlier.contains { $0.dossier == suggestion.dossier } }
        return Array(ranked.sorted { ($0.score, $1.dossier) > ($1.score, $0.dossier) }.prefix(5))
    }

    /// Counts (part of) a credit for a dossier: the accountant's decision, recorded with who and why.
    ///
    /// `amount` defaults to what the credit has not yet counted, capped at what the dossier still owes.
    public func assign(credit id: Int64, to code: String, amount: Money?, reason: String, by actor: String) throws -> ReviewItem {
        try reviewAction(credit: id, reason: reason, by: actor) { connection, credit, stamp in
            guard credit.outcome != .ignored else { throw CoreError(.conflict, "credit #\(id) was ignored as not a fee; undo that first") }
            let available = credit.amount - credit.allocated
            guard available.isPositive else { throw CoreError(.conflict, "credit #\(id) is already fully counted for dossiers") }
            guard let dossier = try DossierRepository(connection, calendar: calendar).find(code: code.uppercased()) else {
                throw CoreError(.notFound, "no dossier has the code '\(code)'")
            }
            guard dossier.dossier.cancellation == nil else { throw CoreError(.conflict, "dossier '\(dossier.dossier.code)' is cancelled") }
            let owing = dossier.dossier.amountDue - dossier.paid
            guard owing.isPositive else { throw CoreError(.conflict, "dossier '\(dossier.dossier.code)' is already paid") }
            let value = amount ?? min(available, owing)
            guard value.isPositive else { throw CoreError(.invalid, "the amount to assign must be more than 0 đồng") }
            guard value <= available else {
                throw CoreError(.invalid, "assigning \(value.formatted) is more than the \(available.formatted) of credit #\(id) not yet counted for a dossier")
            }
            guard value <= owing else {
                throw CoreError(.invalid, "dossier '\(dossier.dossier.code)' still owes only \(owing.formatted), not \(value.formatted)")
            }
            let reviews = ReviewRepository(connection)
            let action = try reviews.insertAction(creditID: id, action: "assign", dossierID: dossier.id, amount: value, reason: reason, actor: actor,
                                                  at: stamp, before: credit, refundBefore: try reviews.refundConfirmedAt(creditID: id))
            try reviews.allocate(creditID: id, dossierID: dossier.id, amount: value, actionID: action, at: stamp)
            let remainder = credit.amount - credit.allocated - value
            let fullyPaid = owing == value
            let outcome: CreditOutcome = remainder.isPositive
                ? (credit.owedBack.isPositive ? .overpaid : .unmatched)
                : (fullyPaid ? .matched : .underpaid)
            try reviews.setOutcome(creditID: id, outcome: outcome, owedBack: outcome == .overpaid ? remainder : .zero,
                                   refundConfirmedAt: nil, note: "assigned \(value.formatted) to \(dossier.dossier.code) by \(actor): \(reason)")
            return (action, ["dossier": dossier.dossier.code, "amount": String(value.dong)])
        }
    }

    /// Marks what the credit has not counted for a dossier as owed back to the payer.
    public func markRefund(credit id: Int64, reason: String, by actor: String) throws -> ReviewItem {
        try reviewAction(credit: id, reason: reason, by: actor) { connection, credit, stamp in
            let reviews = ReviewRepository(connection)
            let refundBefore = try reviews.refundConfirmedAt(creditID: id)
            guard refundBefore == nil else { throw CoreError(.conflict, "credit #\(id) is already marked for refund") }
            guard credit.outcome != .ignored else { throw CoreError(.conflict, "credit #\(id) was ignored as not a fee; undo that first") }
            let owed = credit.amount - credit.allocated
            guard owed.isPositive else { throw CoreError(.conflict, "credit #\(id) is fully counted for dossiers; nothing is owed back") }
            let action = try reviews.insertAction(creditID: id, action: "refund", dossierID: nil, amount: owed, reason: reason, actor: actor,
                                                  at: stamp, before: credit, refundBefore: refundBefore)
            let outcome: CreditOutcome = credit.allocated.isPositive ? .overpaid : (credit.outcome == .duplicate ? .duplicate : .refund)
            try reviews.setOutcome(creditID: id, outcome: outcome, owedBack: owed, refundConfirmedAt: stamp,
                                   note: "\(owed.formatted) to refund, by \(actor): \(reason)")
            return (action, ["amount": String(owed.dong)])
        }
    }

    /// Sets a credit aside as not a fee (a cash deposit, interest, a callback the bank never booked),
    /// reversing what it counted for dossiers.
    public func ignore(credit id: Int64, reason: String, by actor: String) throws -> ReviewItem {
        try reviewAction(credit: id, reason: reason, by: actor) { connection, credit, stamp in
            guard credit.outcome != .ignored else { throw CoreError(.conflict, "credit #\(id) is already ignored") }
            let reviews = ReviewRepository(connection)
            let action = try reviews.insertAction(creditID: id, action: "ignore", dossierID: nil, amount: nil, reason: reason, actor: actor,
                                                  at: stamp, before: credit, refundBefore: try reviews.refundConfirmedAt(creditID: id))
            let reversed = try reviews.reverseAllAllocations(creditID: id, actionID: action, at: stamp)
            try reviews.setOutcome(creditID: id, outcome: .ignored, owedBack: .zero, refundConfirmedAt: nil,
                                   note: "not a fee, by \(actor): \(reason)")
            return (action, ["reversedAllocations": String(reversed)])
        }
    }
}
