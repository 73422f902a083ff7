import FeeDeskCore

/// A credit reported by a callback only, that a statement line may still confirm.
public struct CallbackCredit: Sendable, Equatable {
    /// The credit's row id.
    public let id: Int64
    /// The collection account the partner reported.
    public let accountID: String
    /// The amount the partner reported.
    public let amount: Money
    /// The business date of its booking time.
    public let bookingDate: LocalDate
    /// ISO 8601 booking time as the partner gave it.
    public let bookedAt: String?
    /// The memo as the partner sent it.
    public let memo: String
    /// The reference stored as the bank's (the partner's transaction id).
    public let bankReference: String?
    /// The partner's transaction id.
    public let providerReference: String?
    /// True when an accountant allocated part of it by hand (its allocations are then left alone).
    public let hasManualAllocation: Bool
}

/// A statement credit a late callback may confirm.
public struct StatementCredit: Sendable, Equatable {
    /// The credit's row id.
    public let id: Int64
    /// The statement's collection account.
    public let accountID: String
    /// The amount on the statement.
    public let amount: Money
    /// The statement's booking date.
    public let bookingDate: LocalDate
    /// ISO 8601 booking time, when the statement gives one.
    public let bookedAt: String?
    /// The memo on the statement.
    public let memo: String
    /// The statement line it came from.
    public let statementLineID: Int64?
}

/// A callback and a statement line that describe the same transfer but disagree.
public struct CreditConflict: Sendable, Equatable {
    /// The conflict's row id.
    public let id: Int64
    /// The one credit both sources describe.
    public let creditID: Int64
    /// The callback's transaction id.
    public let providerReference: String
    /// The statement's account and booking date (where the credit now is).
    public let accountID: String
    public let bookingDate: LocalDate
    /// The account the callback was for.
    public let callbackAccount: String
    /// The amount the callback reported.
    public let callbackAmount: Money
    /// The amount on the statement line (the one counted).
    public let statementAmount: Money
}

/// Links between callback credits and statement lines, and the conflicts found while linking.
public struct CreditLinkRepository {
    private let connection: SQLiteConnection

    /// Links read and written through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Every credit known from a callback only, not ignored, on a day that is still open (read through
    /// the partial index on callback credits, so its cost follows their number, not all credits').
    public func openCallbackCredits() throws -> [CallbackCredit] {
        try connection.query("""
            SELECT c.id, c.account_id, c.amount, c.booking_date, c.booked_at, c.memo, c.bank_reference, c.provider_reference,
                   EXISTS (SELECT 1 FROM allocation a WHERE a.credit_id = c.id AND a.method = 'manual')
            FROM credit c INDEXED BY credit_callback_by_reference
            WHERE c.source = 'callback' AND c.outcome != 'ignored'
              AND NOT EXISTS (SELECT 1 FROM day_close d WHERE d.account_id = c.account_id AND d.business_date = c.booking_date)
            ORDER BY c.id
            """) { row throws(StoreError) in
            CallbackCredit(id: row.int64(0), accountID: try row.requiredText(1), amount: Money(dong: row.int64(2)),
                           bookingDate: try Self.day(row, 3), bookedAt: row.text(4), memo: try row.requiredText(5),
                           bankReference: row.text(6), providerReference: row.text(7), hasManualAllocation: row.int64(8) == 1)
        }
    }

    /// The statement credit, not yet confirmed by a callback, whose bank reference is `reference`.
    public func statementCredit(reference: String) throws -> StatementCredit? {
        try connection.queryOne("""
            SELECT id, account_id, amount, booking_date, booked_at, memo, statement_line_id FROM credit
            WHERE bank_reference = ?1 AND source = 'statement' AND bank_reference IS NOT NULL ORDER BY id LIMIT 1
            """, reference) { row throws(StoreError) in try Self.statementCredit(row) }
    }

    /// Statement credits of `account` of `amount`, not yet confirmed, booked the day before, on or after
    /// `day` (one indexed query: the callback hot path).
    public func statementCredits(account: String, amount: Money, around day: LocalDate) throws -> [StatementCredit] {
        try connection.query("""
            SELECT id, account_id, amount, booking_date, booked_at, memo, statement_line_id FROM credit
            WHERE account_id = ? AND booking_date IN (?, ?, ?) AND amount = ? AND source = 'statement' ORDER BY id
            """, account, day.adding(days: -1).description, day.description, day.adding(days: 1).description,
            amount.dong) { row throws(StoreError) in try Self.statementCredit(row) }
    }

    /// Marks statement credit `id` as also reported by the callback `providerReference`.
    public func confirmByCallback(creditID: Int64, providerReference: String) throws {
        try connection.run("UPDATE credit SET source = 'both', provider_reference = ? WHERE id = ?", providerReference, creditID)
    }

    /// Makes callback credit `id` the credit of statement line `lineID`, with the statement's account,
    /// amount, booking date and time and bank reference (the statement is the source of truth).
    public func confirmByStatement(creditID: Int64, lineID: Int64, accountID: String, amount: Money, bookingDate: LocalDate,
                                   bookedAt: String?, bankReference: String?) throws {
        try connection.run("""
            UPDATE credit SET source = 'both', statement_line_id = ?, account_id = ?, amount = ?, booking_date = ?,
                              booked_at = COALESCE(?, booked_at), bank_reference = COALESCE(?, bank_reference)
            WHERE id = ?
            """, lineID, accountID, amount.dong, bookingDate.description, bookedAt, bankReference, creditID)
    }

    /// Reverses the automatic allocations of credit `id` and sets it back to unmatched, so that it can
    /// be matched again with the statement's amount. Returns the allocations reversed: dossier and amount.
    @discardableResult
    public func releaseAutomatic(creditID: Int64, at stamp: String) throws -> [(dossierID: Int64, amount: Money)] {
        let reversed = try connection.query("""
            UPDATE allocation SET reversed_at = ? WHERE credit_id = ? AND method = 'auto' AND reversed_at IS NULL
            RETURNING dossier_id, amount
            """, stamp, creditID) { row in (dossierID: row.int64(0), amount: Money(dong: row.int64(1))) }
        try connection.run("UPDATE credit SET outcome = 'unmatched', owed_back = 0, note = '' WHERE id = ?", creditID)
        return reversed
    }

    /// Records a disagreement between a callback and the statement line of the same transfer.
    public func recordConflict(creditID: Int64, lineID: Int64?, providerReference: String, accountID: String, bookingDate: LocalDate,
                               callbackAccount: String, callbackAmount: Money, statementAmount: Money, at stamp: String) throws {
        try connection.run("""
            INSERT INTO credit_conflict (credit_id, statement_line_id, provider_reference, account_id, booking_date, callback_account,
                                         callback_amount, statement_amount, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, creditID, lineID, providerReference, accountID, bookingDate.description, callbackAccount, callbackAmount.dong,
            statementAmount.dong, stamp)
    }

    /// The conflicts of `date` that concern `account`, as the statement's or as the callback's account.
    public func conflicts(account: String, date: LocalDate) throws -> [CreditConflict] {
        try connection.query("""
            SELECT id, credit_id, provider_reference, account_id, booking_date, callback_account, callback_amount, statement_amount
            FROM credit_conflict WHERE booking_date = ?1 AND (account_id = ?2 OR callback_account = ?2) ORDER BY id
            """, date.description, account) { row throws(StoreError) in
            CreditConflict(id: row.int64(0), creditID: row.int64(1), providerReference: try row.requiredText(2),
                           accountID: try row.requiredText(3), bookingDate: try Self.day(row, 4), callbackAccount: try row.requiredText(5),
                           callbackAmount: Money(dong: row.int64(6)), statementAmount: Money(dong: row.int64(7)))
        }
    }

    private static func statementCredit(_ row: SQLiteRow) throws(StoreError) -> StatementCredit {
        StatementCredit(id: row.int64(0), accountID: try row.requiredText(1), amount: Money(dong: row.int64(2)),
                        bookingDate: try day(row, 3), bookedAt: row.text(4), memo: try row.requiredText(5),
                        statementLineID: row.optionalInt64(6))
    }

    private static func day(_ row: SQLiteRow, _ column: Int32) throws(StoreError) -> LocalDate {
        let text = try row.requiredText(column)
        do {
            return try LocalDate(parsing: text)
        } catch {
            throw StoreError.corrupt("booking date '\(text)'")
        }
    }
}
