import BankCallbacks
import FeeDeskCore
import FeeDeskStore
import Foundation

extension FeeDesk {
    /// Stores a verified callback durably, in a transaction shared with concurrent callbacks by
    /// `committer`: the raw delivery in the callback journal, the credit (or the confirmation of a
    /// statement credit), the matcher's verdict and an audit row. `completion` runs on the committer
    /// thread only after the commit (or with the refusal: 503 when the database is busy or closing,
    /// 500 otherwise). A repeated delivery completes with the same answer and changes nothing.
    public func submitCallback(_ delivery: VerifiedDelivery, committer: GroupCommitter,
                               completion: @escaping @Sendable (Result<CallbackResult, CallbackRefusal>) -> Void) {
        committer.submit({ connection in try self.storeCallback(delivery, connection: connection) }) { result in
            completion(result.mapError(Self.refusal(storing:)))
        }
    }

    /// Verifies and stores a callback, waiting for the commit (the blocking form of `verifyCallback`
    /// then `submitCallback`, for callers that have a thread to spare). A refusal changes nothing.
    public func acceptCallback(partner id: String, headers: [(name: String, value: String)], body: [UInt8],
                               secrets: [String], committer: GroupCommitter) throws(CallbackRefusal) -> CallbackResult {
        let delivery = try verifyCallback(partner: id, headers: headers, body: body, secrets: secrets)
        do {
            return try committer.perform { connection in try self.storeCallback(delivery, connection: connection) }
        } catch {
            throw Self.refusal(storing: error)
        }
    }

    /// The refusal for a store failure: busy or closing databases ask the partner to retry.
    static func refusal(storing error: any Error) -> CallbackRefusal {
        switch error {
        case let error as StoreError where error.isBusy:
            CallbackRefusal(status: 503, reason: "database_busy", message: "the database is busy; retry shortly")
        case StoreError.unavailable:
            CallbackRefusal(status: 503, reason: "shutting_down", message: "the service is shutting down; retry shortly")
        default:
            CallbackRefusal(status: 500, reason: "store_failed", message: "the callback could not be stored: \(error)")
        }
    }

    /// Stores a verified callback inside the batch's transaction (run again on a retry of the batch,
    /// so it writes only through `connection`).
    func storeCallback(_ delivery: VerifiedDelivery, connection: SQLiteConnection) throws -> CallbackResult {
        let verified = delivery.verified
        let partner = delivery.partner
        let notice = verified.notice
        let journal = CallbackRepository(connection)
        if let earlier = try journal.find(partner: partner, deliveryID: verified.deliveryID, providerTransactionID: notice.providerTransactionID) {
            return CallbackResult(ack: verified.ack, duplicate: true, creditID: earlier.creditID, outcome: nil)
        }
        let stamp = nowStamp()
        let kind = verified.isTest ? "test" : (notice.direction == .credit ? "credit" : "debit")
        var creditID: Int64?
        var outcome: CreditOutcome?
        if kind == "credit" {
            (creditID, outcome) = try recordCallbackCredit(notice, partner: partner, account: delivery.account, connection: connection, at: stamp)
        }
        let callbackID = try journal.insert(partner: partner, deliveryID: verified.deliveryID, providerTransactionID: notice.providerTransactionID,
                                            kind: kind, receivedAt: stamp, headersJSON: delivery.headersJSON, body: delivery.body, creditID: creditID)
        try AuditJournal.append(connection, at: stamp, actor: "partner:\(partner)", action: "callback.accept", entity: "callback",
                                entityID: String(callbackID),
                                details: ["transaction": notice.providerTransactionID, "amount": String(notice.amount), "kind": kind,
                                          "credit": creditID.map(String.init) ?? "", "outcome": outcome?.rawValue ?? ""])
        return CallbackResult(ack: verified.ack, duplicate: false, creditID: creditID, outcome: outcome)
    }

    /// Creates the credit a callback reports, or confirms the statement credit already holding it (see
    /// `CreditLinkRule`; a disagreement on amount or account is recorded as a conflict).
    private func recordCallbackCredit(_ notice: CreditNotice, partner: String, account: CollectionAccount,
                                      connection: SQLiteConnection, at stamp: String) throws -> (Int64, CreditOutcome?) {
        let bookedAt = notice.bookedAt ?? clock.now()
        let day = calendar.date(of: bookedAt)
        let amount = Money(dong: notice.amount)
        let linker = CreditLinker(connection)
        if let existing = try linker.statementCredit(account: account.id, day: day, bookedAt: notice.bookedAt, amount: amount,
                                                     reference: notice.providerTransactionID, memo: notice.memo) {
            _ = try linker.confirm(existing, callbackAccount: account.id, callbackAmount: amount, reference: notice.providerTransactionID,
                                   at: stamp)
            return (existing.id, nil)
        }
        let id = try CreditRepository(connection).insert(NewCredit(
            accountID: account.id, amount: amount, bookingDate: day, bookedAt: calendar.timestamp(bookedAt), memo: notice.memo,
            counterpartyName: notice.counterpartyName, counterpartyAccount: notice.counterpartyAccount,
            counterpartyBIN: notice.counterpartyBankBIN, bankReference: notice.providerTransactionID,
            providerReference: notice.providerTransactionID, source: .callback), at: stamp)
        let pending = StoredCredit(id: id, day: day, time: nil, amount: amount, bankReference: notice.providerTransactionID,
                                    memo: notice.memo, scanner: matcher.scanner)
        let outcomes = try match([pending], connection: connection, at: stamp)
        return (id, outcomes.keys.first)
    }
}
