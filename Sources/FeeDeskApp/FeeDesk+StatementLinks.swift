import FeeDeskCore
import FeeDeskStore

extension FeeDesk {
    /// Before an import matches its new credits: callback credits that its lines confirm with another
    /// amount or account give back their automatic allocations (they are matched again with the
    /// statement's amount once linked), so the matcher sees what their dossiers really received.
    /// Credits an accountant already allocated by hand keep their allocations. Returns the ids released
    /// and the allocations reversed (dossier and amount).
    func releaseConflictingCallbacks(_ links: [Int: CallbackCandidates.Claim], connection: SQLiteConnection, at stamp: String)
        throws -> (credits: Set<Int64>, allocations: [(dossierID: Int64, amount: Money)]) {
        var released = Set<Int64>()
        var reversed: [(dossierID: Int64, amount: Money)] = []
        let repository = CreditLinkRepository(connection)
        for claim in links.values where claim.conflicting && !claim.credit.hasManualAllocation {
            reversed += try repository.releaseAutomatic(creditID: claim.credit.id, at: stamp)
            released.insert(claim.credit.id)
        }
        return (released, reversed)
    }

    /// After an import wrote its lines: each callback credit a line confirms becomes that line's credit
    /// (source `both`, with the statement's account, amount and booking date); a disagreement is recorded
    /// as a conflict, and a released credit is matched again. Returns how many conflicts were recorded
    /// and the confirmed credits' count and sum per outcome (so the import's outcomes cover every line).
    func applyConfirmations(_ confirmations: [StatementConfirmation], released: Set<Int64>, connection: SQLiteConnection,
                            at stamp: String) throws -> (conflicts: Int, outcomes: [CreditOutcome: OutcomeTotal]) {
        let repository = CreditLinkRepository(connection)
        var conflicts = 0
        var rematch: [StoredCredit] = []
        for confirmation in confirmations {
            let credit = confirmation.claim.credit, line = confirmation.line
            let amount = Money(dong: line.amount)
            try repository.confirmByStatement(creditID: credit.id, lineID: line.id, accountID: line.accountID, amount: amount,
                                              bookingDate: line.bookingDate, bookedAt: line.bookedAt, bankReference: line.bankReference)
            guard confirmation.claim.conflicting else { continue }
            conflicts += 1
            try repository.recordConflict(creditID: credit.id, lineID: line.id, providerReference: credit.providerReference ?? credit.bankReference ?? "",
                                          accountID: line.accountID, bookingDate: line.bookingDate, callbackAccount: credit.accountID,
                                          callbackAmount: credit.amount, statementAmount: amount, at: stamp)
            if released.contains(credit.id) {
                rematch.append(StoredCredit(id: credit.id, day: line.bookingDate, time: nil, amount: amount, bankReference: line.bankReference,
                                            memo: credit.memo, scanner: matcher.scanner))
            }
        }
        if !rematch.isEmpty { _ = try match(rematch, connection: connection, at: stamp) }
        var outcomes: [CreditOutcome: OutcomeTotal] = [:]
        for confirmation in confirmations {
            let outcome = try connection.queryOne("SELECT outcome FROM credit WHERE id = ?", confirmation.claim.credit.id) { $0.text(0) }
            guard let outcome = outcome.flatMap({ $0.flatMap(CreditOutcome.init(rawValue:)) }) else {
                throw StoreError.corrupt("credit \(confirmation.claim.credit.id) has no known outcome")
            }
            outcomes[outcome, default: OutcomeTotal()].add(Money(dong: confirmation.line.amount))
        }
        return (conflicts, outcomes)
    }
}
