import FeeDeskCore
import FeeDeskStore

extension FeeDesk {
    /// Undoes review action `actionID` by a new, recorded action: its allocations are reversed (or
    /// restored) and the credit returns to the state it had before. Only the latest live action on a
    /// credit can be undone, and only once.
    public func undoReview(action actionID: Int64, reason: String, by actor: String) throws -> ReviewItem {
        let creditID = try database.read { connection -> Int64 in
            guard let action = try ReviewRepository(connection).action(id: actionID) else {
                throw CoreError(.notFound, "no review action has the number \(actionID)")
            }
            return action.creditID
        }
        return try reviewAction(credit: creditID, reason: reason, by: actor) { connection, credit, stamp in
            let reviews = ReviewRepository(connection)
            guard let action = try reviews.action(id: actionID) else { throw CoreError(.notFound, "no review action has the number \(actionID)") }
            guard action.action != "undo" else { throw CoreError(.conflict, "action \(actionID) is an undo; make a new action instead") }
            guard action.undoneBy == nil else { throw CoreError(.conflict, "action \(actionID) is already undone") }
            if let latest = try reviews.lastLiveAction(creditID: creditID), latest.id != actionID {
                throw CoreError(.conflict, "undo the later action \(latest.id) on credit #\(creditID) first")
            }
            guard let outcome = CreditOutcome(rawValue: action.outcomeBefore) else { throw StoreError.corrupt("review action \(actionID) outcome") }
            let undo = try reviews.insertAction(creditID: creditID, action: "undo", dossierID: nil, amount: nil, reason: reason, actor: actor,
                                                at: stamp, before: credit, refundBefore: try reviews.refundConfirmedAt(creditID: creditID),
                                                undoes: actionID)
            switch action.action {
            case "assign": _ = try reviews.reverseAllocations(actionID: actionID, at: stamp)
            case "ignore": try reviews.restoreAllocations(reversedBy: actionID, at: stamp)
            default: break
            }
            try reviews.setOutcome(creditID: creditID, outcome: outcome, owedBack: action.owedBackBefore,
                                   refundConfirmedAt: action.refundBefore, note: action.noteBefore)
            try reviews.markUndone(id: actionID, by: undo)
            return (undo, ["undoes": String(actionID), "action": action.action])
        }
    }

    /// Runs one review action in a transaction: checks the credit and its day, performs `body`, writes
    /// the audit row, and returns the credit as the queue now shows it.
    func reviewAction(credit id: Int64, reason: String, by actor: String,
                      _ body: (SQLiteConnection, CreditRecord, String) throws -> (Int64, [String: String])) throws -> ReviewItem {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw CoreError(.invalid, "a reason is required for every review action") }
        return try database.write { connection in
            let reviews = ReviewRepository(connection)
            guard let credit = try reviews.credit(id: id) else { throw CoreError(.notFound, "no credit has the number \(id)") }
            if try DayRepository(connection).closed(account: credit.accountID, date: credit.bookingDate) != nil {
                throw CoreError(.conflict, "day \(credit.bookingDate) of account \(credit.accountID) is closed; record the change on an open day as an adjustment")
            }
            let stamp = nowStamp()
            let (actionID, details) = try body(connection, credit, stamp)
            let name = try reviews.action(id: actionID)?.action ?? "review"
            try AuditJournal.append(connection, at: stamp, actor: actor, action: "review.\(name)", entity: "credit", entityID: String(id),
                                    details: details.merging(["reason": why, "action": String(actionID)]) { first, _ in first })
            guard let after = try reviews.credit(id: id) else { throw CoreError(.notFound, "credit #\(id) vanished") }
            return ReviewItem(after, suggestions: [], lastAction: try reviews.lastLiveAction(creditID: id))
        }
    }
}
