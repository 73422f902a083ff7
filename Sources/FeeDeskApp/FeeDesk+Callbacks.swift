import BankCallbacks
import FeeDeskCore
import FeeDeskStore
import Foundation

/// What happened to an accepted callback.
public struct CallbackResult: Sendable {
    /// The answer the partner expects (sent only after the commit).
    public let ack: CallbackAck
    /// True when this delivery or transaction was already stored: nothing changed.
    public let duplicate: Bool
    /// The credit it created or confirmed (nil for test and debit notices).
    public let creditID: Int64?
    /// The matcher's outcome for a new credit.
    public let outcome: CreditOutcome?
}

extension FeeDesk {
    /// The secrets configured for `partner`: `FEEDESK_SECRET_<ID>` (upper case, `-` as `_`), several
    /// separated by spaces while a secret is being rotated.
    public static func secrets(for partner: String, environment: [String: String]) -> [String] {
        let name = "FEEDESK_SECRET_" + partner.uppercased().replacingOccurrences(of: "-", with: "_")
        return (environment[name] ?? "").split(separator: " ").map(String.init)
    }

    /// Verifies a partner's callback on its raw bytes and, only if it is genuine, stores it durably in
    /// one transaction (shared with concurrent callbacks by `committer`): the raw delivery in the
    /// callback journal, the credit (or the confirmation of a statement credit), the matcher's verdict
    /// and an audit row. Returns after the commit; a repeated delivery returns the same answer and
    /// changes nothing. A refusal changes nothing at all.
    public func acceptCallback(partner id: String, headers: [(name: String, value: String)], body: [UInt8],
                               secrets: [String], committer: GroupCommitter) throws(CallbackRefusal) -> CallbackResult {
        guard let partner = config.partners.first(where: { $0.id == id }), let scheme = CallbackScheme(rawValue: partner.scheme) else {
            throw CallbackRefusal(status: 404, reason: "unknown_partner", message: "no callback partner is called '\(id.prefix(40))'")
        }
        guard !secrets.isEmpty else {
            throw CallbackRefusal(status: 503, reason: "no_secret",
                                  message: "partner '\(partner.id)' has no secret: set FEEDESK_SECRET_\(partner.id.uppercased().replacingOccurrences(of: "-", with: "_"))")
        }
        let verified: VerifiedCallback
        do {
            verified = try scheme.verify(CallbackRequest(headers: headers, body: body), secrets: secrets, now: clock.now())
        } catch {
            throw CallbackRefusal(error)
        }
        guard let account = config.account(id: partner.account) else {
            throw CallbackRefusal(status: 503, reason: "no_account", message: "partner '\(partner.id)' pays into an unknown account")
        }
        let notice = verified.notice
        if let number = notice.accountNumber, StatementImporter.number(number) != account.number {
            throw CallbackRefusal(status: 422, reason: "unknown_account",
                                  message: "account \(number.prefix(40)) is not partner '\(partner.id)''s collection account")
        }
        do {
            return try committer.perform { connection in
                try self.storeCallback(verified, partner: partner.id, account: account, headers: headers, body: body, connection: connection)
            }
        } catch let error as StoreError where error.isBusy {
            throw CallbackRefusal(status: 503, reason: "database_busy", message: "the database is busy; retry shortly")
        } catch {
            throw CallbackRefusal(status: 500, reason: "store_failed", message: "the callback could not be stored: \(error)")
        }
    }

    /// Stores a verified callback inside the batch's transaction.
    func storeCallback(_ verified: VerifiedCallback, partner: String, account: CollectionAccount, headers: [(name: String, value: String)],
                       body: [UInt8], connection: SQLiteConnection) throws -> CallbackResult {
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
            (creditID, outcome) = try recordCallbackCredit(notice, partner: partner, account: account, connection: connection, at: stamp)
        }
        let headerObject = Dictionary(headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { first, second in first + ", " + second })
        let headerJSON = CanonicalJSON.object(headerObject)
        let callbackID = try journal.insert(partner: partner, deliveryID: verified.deliveryID, providerTransactionID: notice.providerTransactionID,
                                            kind: kind, receivedAt: stamp, headersJSON: headerJSON, body: body, creditID: creditID)
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
