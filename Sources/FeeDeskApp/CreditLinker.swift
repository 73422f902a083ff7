import FeeDeskCore
import FeeDeskStore

/// Finds the one credit that a callback and a statement line both describe, so that a transfer reported
/// twice is counted once with both provenances.
///
/// Same transfer: the bank's reference equals the provider's transaction id, or (when references
/// differ) the same account, amount and folded memo within a day either side of the booking date.
struct CreditLinker {
    let connection: SQLiteConnection

    init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// A statement-only credit for the transfer a callback reports, if one is stored.
    func statementCredit(account: String, day: LocalDate, amount: Money, reference: String, memo: String) throws -> Int64? {
        let compact = MemoText(memo).compact
        var found: Int64?
        try connection.forEach("""
            SELECT id, bank_reference, memo, amount FROM credit
            WHERE account_id = ? AND booking_date IN (?, ?, ?) AND amount = ? AND source = 'statement' ORDER BY id
            """, [account, day.adding(days: -1).description, day.description, day.adding(days: 1).description, amount.dong]) { row throws(StoreError) in
            guard found == nil else { return }
            let sameReference = row.text(1) == reference
            let sameTransfer = row.int64(3) == amount.dong && MemoText(row.text(2) ?? "").compact == compact
            if sameReference || sameTransfer { found = row.int64(0) }
        }
        return found
    }

    /// Marks a statement credit as also reported by a callback.
    func confirm(creditID: Int64, providerReference: String) throws {
        try connection.run("UPDATE credit SET source = 'both', provider_reference = ? WHERE id = ?", providerReference, creditID)
    }
}
