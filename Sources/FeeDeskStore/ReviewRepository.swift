import FeeDeskCore

/// A credit as the review queue and the day view see it.
public struct CreditRecord: Sendable, Equatable {
    public let id: Int64
    public let accountID: String
    public let amount: Money
    public let bookingDate: LocalDate
    public let bookedAt: String?
    public let memo: String
    public let counterpartyName: String?
    public let source: CreditSource
    public let outcome: CreditOutcome
    public let owedBack: Money
    public let note: String
    public let refundConfirmed: Bool
    /// What its live allocations count for dossiers.
    public let allocated: Money
    /// Codes of the dossiers it pays.
    public let dossiers: [String]

    /// What is neither allocated nor owed back.
    public var unexplained: Money { amount - allocated - owedBack }
}

/// A recorded review action.
public struct ReviewActionRecord: Sendable, Equatable {
    public let id: Int64
    public let creditID: Int64
    public let action: String
    public let outcomeBefore: String
    public let owedBackBefore: Money
    public let refundBefore: String?
    public let noteBefore: String
    public let undoes: Int64?
    public let undoneBy: Int64?
}

/// The review queue's reads and the records of review actions.
public struct ReviewRepository {
    private let connection: SQLiteConnection

    /// Review data read and written through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    static let select = """
        SELECT c.id, c.account_id, c.amount, c.booking_date, c.booked_at, c.memo, c.counterparty_name, c.source, c.outcome,
               c.owed_back, c.note, c.refund_confirmed_at IS NOT NULL,
               (SELECT COALESCE(SUM(a.amount), 0) FROM allocation a WHERE a.credit_id = c.id AND a.reversed_at IS NULL),
               (SELECT group_concat(d.code, ' ') FROM allocation a JOIN dossier d ON d.id = a.dossier_id
                WHERE a.credit_id = c.id AND a.reversed_at IS NULL)
        FROM credit c
        """

    /// Whether a credit still needs an accountant: no dossier found, money owed back not yet confirmed
    /// for refund, or a callback that no statement confirmed.
    /// The same condition defines the partial index `credit_needs_review` (schema version 7): change both.
    static let needsReview = """
        (c.outcome = 'unmatched' OR (c.owed_back > 0 AND c.refund_confirmed_at IS NULL) OR (c.source = 'callback' AND c.outcome != 'ignored'))
        """

    /// The credit with `id`, or nil.
    public func credit(id: Int64) throws -> CreditRecord? {
        try connection.queryOne(ReviewRepository.select + " WHERE c.id = ?", id) { row throws(StoreError) in try ReviewRepository.record(row) }
    }

    /// Credits waiting for review, oldest first; only those booked on `date` (and of `account`) when given.
    public func queue(date: LocalDate?, account: String? = nil) throws -> [CreditRecord] {
        var sql = ReviewRepository.select + " WHERE " + ReviewRepository.needsReview
        var arguments: [any SQLBindable] = []
        if let date {
            sql += " AND c.booking_date = ?"
            arguments.append(date.description)
        }
        if let account {
            sql += " AND c.account_id = ?"
            arguments.append(account)
        }
        var records: [CreditRecord] = []
        try connection.forEach(sql + " ORDER BY c.booking_date, c.id", arguments) { row throws(StoreError) in
            records.append(try ReviewRepository.record(row))
        }
        return records
    }

    /// Unmatched credits no accountant has acted on: the matcher may find their dossier once it is
    /// registered. Returns (id, amount, booking date, memo).
    public func waitingForDossier() throws -> [(id: Int64, amount: Money, day: LocalDate, memo: String)] {
        var rows: [(id: Int64, amount: Money, day: LocalDate, memo: String)] = []
        try connection.forEach("""
            SELECT c.id, c.amount, c.booking_date, c.memo FROM credit c
            WHERE c.outcome = 'unmatched' AND NOT EXISTS (SELECT 1 FROM review_action r WHERE r.credit_id = c.id)
            ORDER BY c.id
            """) { row throws(StoreError) in
            do {
                rows.append((row.int64(0), Money(dong: row.int64(1)), try LocalDate(parsing: try row.requiredText(2)), try row.requiredText(3)))
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError.corrupt("credit \(row.int64(0)) booking date")
            }
        }
        return rows
    }

    /// Every credit of `account` booked on `date`.
    public func credits(account: String, date: LocalDate) throws -> [CreditRecord] {
        var records: [CreditRecord] = []
        try connection.forEach(ReviewRepository.select + " WHERE c.account_id = ? AND c.booking_date = ? ORDER BY c.id",
                               [account, date.description]) { row throws(StoreError) in
            records.append(try ReviewRepository.record(row))
        }
        return records
    }

    /// Records an action; returns its id.
    public func insertAction(creditID: Int64, action: String, dossierID: Int64?, amount: Money?, reason: String, actor: String, at: String,
                             before: CreditRecord, refundBefore: String?, undoes: Int64? = nil) throws -> Int64 {
        try connection.run("""
            INSERT INTO review_action (credit_id, action, dossier_id, amount, reason, actor, at, outcome_before, owed_back_before,
                                       refund_before, note_before, undoes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, creditID, action, dossierID, amount?.dong, reason, actor, at, before.outcome.rawValue, before.owedBack.dong,
            refundBefore, before.note, undoes)
        return connection.lastInsertRowID
    }

    /// When the credit's refund was confirmed, if it was.
    public func refundConfirmedAt(creditID: Int64) throws -> String? {
        try connection.queryOne("SELECT refund_confirmed_at FROM credit WHERE id = ?", creditID) { $0.text(0) } ?? nil
    }

    /// Reverses every live allocation of the credit as part of action `actionID`; returns how many.
    public func reverseAllAllocations(creditID: Int64, actionID: Int64, at: String) throws -> Int {
        try connection.run("UPDATE allocation SET reversed_at = ?, reversed_by_action_id = ? WHERE credit_id = ? AND reversed_at IS NULL",
                           at, actionID, creditID)
    }

    /// Restores the allocations that action `actionID` reversed; each gets a new register receipt
    /// dated `at` (the one cancelled by the reversal stays cancelled).
    public func restoreAllocations(reversedBy actionID: Int64, at: String) throws {
        let ids = try connection.query("SELECT id FROM allocation WHERE reversed_by_action_id = ? ORDER BY id", actionID) { $0.int64(0) }
        try connection.run("UPDATE allocation SET reversed_at = NULL, reversed_by_action_id = NULL WHERE reversed_by_action_id = ?", actionID)
        for id in ids { try ReceiptIssuer(connection).issue(allocationID: id, at: at) }
    }

    /// The action with `id`, or nil.
    public func action(id: Int64) throws -> ReviewActionRecord? {
        try connection.queryOne("""
            SELECT id, credit_id, action, outcome_before, owed_back_before, refund_before, note_before, undoes, undone_by
            FROM review_action WHERE id = ?
            """, id) { row throws(StoreError) in
            ReviewActionRecord(id: row.int64(0), creditID: row.int64(1), action: try row.requiredText(2), outcomeBefore: try row.requiredText(3),
                               owedBackBefore: Money(dong: row.int64(4)), refundBefore: row.text(5), noteBefore: try row.requiredText(6),
                               undoes: row.optionalInt64(7), undoneBy: row.optionalInt64(8))
        }
    }

    /// The latest action on `creditID` that is not an undo and not undone, if any.
    public func lastLiveAction(creditID: Int64) throws -> ReviewActionRecord? {
        guard let id = try connection.queryOne("""
            SELECT id FROM review_action WHERE credit_id = ? AND action != 'undo' AND undone_by IS NULL ORDER BY id DESC LIMIT 1
            """, creditID, transform: { $0.int64(0) }) else { return nil }
        return try action(id: id)
    }

    /// Marks action `id` as undone by action `undoID`.
    public func markUndone(id: Int64, by undoID: Int64) throws {
        try connection.run("UPDATE review_action SET undone_by = ? WHERE id = ?", undoID, id)
    }

    /// Counts `amount` of the credit for the dossier, as part of review action `actionID`, and issues
    /// its register receipt.
    public func allocate(creditID: Int64, dossierID: Int64, amount: Money, actionID: Int64, at: String) throws {
        try connection.run("""
            INSERT INTO allocation (credit_id, dossier_id, amount, method, created_at, review_action_id) VALUES (?, ?, ?, 'manual', ?, ?)
            """, creditID, dossierID, amount.dong, at, actionID)
        let id = connection.lastInsertRowID
        try ReceiptIssuer(connection).issue(allocationID: id, at: at)
    }

    /// Reverses the allocations made by action `actionID`; returns how many.
    public func reverseAllocations(actionID: Int64, at: String) throws -> Int {
        try connection.run("UPDATE allocation SET reversed_at = ? WHERE review_action_id = ? AND reversed_at IS NULL", at, actionID)
    }

    /// Sets what became of the credit.
    public func setOutcome(creditID: Int64, outcome: CreditOutcome, owedBack: Money, refundConfirmedAt: String?, note: String) throws {
        try connection.run("UPDATE credit SET outcome = ?, owed_back = ?, refund_confirmed_at = ?, note = ? WHERE id = ?",
                           outcome.rawValue, owedBack.dong, refundConfirmedAt, note, creditID)
    }

    static func record(_ row: SQLiteRow) throws(StoreError) -> CreditRecord {
        guard let source = CreditSource(rawValue: try row.requiredText(7)), let outcome = CreditOutcome(rawValue: try row.requiredText(8)) else {
            throw StoreError.corrupt("credit \(row.int64(0)) has an unknown source or outcome")
        }
        let day: LocalDate
        do { day = try LocalDate(parsing: try row.requiredText(3)) } catch { throw StoreError.corrupt("credit \(row.int64(0)) booking date") }
        return CreditRecord(id: row.int64(0), accountID: try row.requiredText(1), amount: Money(dong: row.int64(2)), bookingDate: day,
                            bookedAt: row.text(4), memo: try row.requiredText(5), counterpartyName: row.text(6), source: source, outcome: outcome,
                            owedBack: Money(dong: row.int64(9)), note: try row.requiredText(10), refundConfirmed: row.int64(11) == 1,
                            allocated: Money(dong: row.int64(12)), dossiers: (row.text(13) ?? "").split(separator: " ").map(String.init))
    }
}
