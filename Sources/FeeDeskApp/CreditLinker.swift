import FeeDeskCore
import FeeDeskStore
import Foundation

/// The rule that says a callback and a statement line describe the same transfer, so that a transfer
/// reported twice is counted once, as one credit keeping both provenances.
///
/// Same transfer: the statement's bank reference equals the callback's reference (whatever the amount
/// and account: a disagreement there is a conflict to record, not a second transfer); otherwise the
/// same account, amount and memo (compact view: case and separators ignored) with booking times at most
/// `window` apart — or, when either side gives only a date, booking dates at most a day apart (late
/// transfers are booked the next day). Among several candidates the nearest in time wins, then the
/// oldest. The statement is the source of truth: a linked credit takes its account, amount and date.
enum CreditLinkRule {
    /// How far apart the two booking times may be for a link without a shared reference.
    static let window: TimeInterval = 30 * 60

    /// How far apart the two bookings are (seconds, or days × 86,400 when a time is missing), or nil
    /// when they are too far apart to be the same transfer.
    static func distance(_ first: (day: LocalDate, time: Date?), _ second: (day: LocalDate, time: Date?)) -> TimeInterval? {
        if let one = first.time, let other = second.time {
            let gap = abs(one.timeIntervalSince(other))
            return gap <= window ? gap : nil
        }
        let days = abs(first.day.daysSinceEpoch - second.day.daysSinceEpoch)
        return days <= 1 ? TimeInterval(days * 86_400) : nil
    }

    /// The instant of an ISO 8601 booking time, nil when absent or unreadable.
    static func instant(_ text: String?) -> Date? {
        text.flatMap { try? Timestamp.parse($0) }
    }
}

/// Finds the statement credit a late callback reports (the statement came first) and confirms it.
struct CreditLinker {
    let connection: SQLiteConnection

    init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// The statement credit, not yet confirmed, for the transfer a callback reports, if one is stored.
    func statementCredit(account: String, day: LocalDate, bookedAt: Date?, amount: Money, reference: String,
                         memo: String) throws -> StatementCredit? {
        let links = CreditLinkRepository(connection)
        if !reference.isEmpty, let byReference = try links.statementCredit(reference: reference) { return byReference }
        let compact = MemoText(memo).compact
        var best: (credit: StatementCredit, distance: TimeInterval)?
        for credit in try links.statementCredits(account: account, amount: amount, around: day) {
            guard MemoText(credit.memo).compact == compact,
                  let distance = CreditLinkRule.distance((day, bookedAt), (credit.bookingDate, CreditLinkRule.instant(credit.bookedAt)))
            else { continue }
            if let current = best, (current.distance, current.credit.id) <= (distance, credit.id) { continue }
            best = (credit, distance)
        }
        return best?.credit
    }

    /// Marks `credit` as also reported by the callback `reference`; records a conflict when the callback
    /// said another amount or account. Returns true when it did.
    func confirm(_ credit: StatementCredit, callbackAccount: String, callbackAmount: Money, reference: String, at stamp: String) throws -> Bool {
        let links = CreditLinkRepository(connection)
        try links.confirmByCallback(creditID: credit.id, providerReference: reference)
        guard credit.amount != callbackAmount || credit.accountID != callbackAccount else { return false }
        try links.recordConflict(creditID: credit.id, lineID: credit.statementLineID, providerReference: reference, accountID: credit.accountID,
                                 bookingDate: credit.bookingDate, callbackAccount: callbackAccount, callbackAmount: callbackAmount,
                                 statementAmount: credit.amount, at: stamp)
        return true
    }
}
