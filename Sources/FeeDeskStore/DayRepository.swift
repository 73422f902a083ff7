import FeeDeskCore

/// The statement that covers a business day, with the balances needed to reconcile it.
public struct StatementCoverage: Sendable, Equatable {
    public let statementID: Int64
    public let firstDate: LocalDate
    public let lastDate: LocalDate
    /// Balance at the start of `firstDate`.
    public let opening: Money?
    /// Balance at the end of `lastDate`.
    public let closing: Money?
    /// `balanced`, `unbalanced` or `unchecked`.
    public let balance: String
}

/// A closed day.
public struct ClosedDay: Sendable, Equatable {
    public let closedAt: String
    public let closedBy: String
    public let forcedReason: String?
}

/// A callback and a statement line that name the same bank transaction (same account and bank
/// reference, booked within a day of each other) but disagree on the amount.
public struct AmountDisagreement: Sendable, Equatable {
    /// The credit the callback created (still unconfirmed).
    public let callbackCredit: Int64
    /// The credit the statement line created.
    public let statementCredit: Int64
    /// The shared bank reference (the provider's transaction id).
    public let bankReference: String
    /// What the callback said.
    public let callbackAmount: Money
    /// What the statement says.
    public let statementAmount: Money
}

/// Reads for day reconciliation, and the record of closed days.
public struct DayRepository {
    private let connection: SQLiteConnection

    /// Day data read and written through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// The close record of `account` on `date`, or nil while the day is open.
    public func closed(account: String, date: LocalDate) throws -> ClosedDay? {
        try connection.queryOne("SELECT closed_at, closed_by, forced_reason FROM day_close WHERE account_id = ? AND business_date = ?",
                                account, date.description) { row throws(StoreError) in
            ClosedDay(closedAt: try row.requiredText(0), closedBy: try row.requiredText(1), forcedReason: row.text(2))
        }
    }

    /// Records the day as closed.
    public func close(account: String, date: LocalDate, at: String, by actor: String, forcedReason: String?, summary: String) throws {
        try connection.run("""
            INSERT INTO day_close (account_id, business_date, closed_at, closed_by, forced_reason, summary) VALUES (?, ?, ?, ?, ?, ?)
            """, account, date.description, at, actor, forcedReason, summary)
    }

    /// The imported statement of `account` whose lines span `date`, narrowest first. (Balance dates
    /// are not used: banks date an MT940 opening balance the day before or the day of the statement.)
    public func coverage(account: String, date: LocalDate) throws -> StatementCoverage? {
        try connection.queryOne("""
            SELECT id, first_date, last_date, opening, closing, balance FROM statement
            WHERE account_id = ?1 AND first_date <= ?2 AND last_date >= ?2
            ORDER BY julianday(last_date) - julianday(first_date), id LIMIT 1
            """, account, date.description) { row throws(StoreError) in
            do {
                return StatementCoverage(statementID: row.int64(0), firstDate: try LocalDate(parsing: try row.requiredText(1)),
                                         lastDate: try LocalDate(parsing: try row.requiredText(2)), opening: row.optionalInt64(3).map { Money(dong: $0) },
                                         closing: row.optionalInt64(4).map { Money(dong: $0) }, balance: try row.requiredText(5))
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError.corrupt("statement \(row.int64(0)) dates")
            }
        }
    }

    /// Credits minus debits of every statement line of `account` booked from `from` up to (not including) `until`.
    public func movement(account: String, from: LocalDate, until: LocalDate) throws -> Money {
        let value = try connection.queryOne("""
            SELECT COALESCE(SUM(CASE direction WHEN 'credit' THEN amount ELSE -amount END), 0) FROM statement_line
            WHERE account_id = ? AND booking_date >= ? AND booking_date < ?
            """, account, from.description, until.description) { $0.int64(0) } ?? 0
        return Money(dong: value)
    }

    /// Count and sum of statement debits of `account` on `date`.
    public func debits(account: String, date: LocalDate) throws -> (count: Int, amount: Money) {
        try connection.queryOne("""
            SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM statement_line WHERE account_id = ? AND booking_date = ? AND direction = 'debit'
            """, account, date.description) { (Int($0.int64(0)), Money(dong: $0.int64(1))) } ?? (0, .zero)
    }

    /// Count and sum of the statement lines of `account` booked on `date`, credits and debits
    /// (`statement_line_by_day`).
    public func lineTotals(account: String, date: LocalDate) throws -> (credits: CountAndSum, debits: CountAndSum) {
        var credits = CountAndSum.zero, debits = CountAndSum.zero
        try connection.forEach("""
            SELECT direction, COUNT(*), SUM(amount) FROM statement_line WHERE account_id = ? AND booking_date = ? GROUP BY direction
            """, [account, date.description]) { row in
            let total = CountAndSum(count: Int(row.int64(1)), amount: Money(dong: row.int64(2)))
            if row.text(0) == "credit" { credits = total } else { debits = total }
        }
        return (credits, debits)
    }

    /// The sum of the credits of `account` booked on `date` that a statement line recorded (a credit
    /// takes its statement line's booking date), read from `credit_by_day` alone.
    public func creditsRecorded(account: String, date: LocalDate) throws -> Money {
        Money(dong: try connection.queryOne("""
            SELECT COALESCE(SUM(amount), 0) FROM credit WHERE account_id = ? AND booking_date = ? AND statement_line_id IS NOT NULL
            """, account, date.description) { $0.int64(0) } ?? 0)
    }

    /// The sum of the statement's credit lines on `date`, and of the credits those lines created or confirmed.
    public func statementCreditCheck(account: String, date: LocalDate) throws -> (lines: Money, credits: Money) {
        let lines = try connection.queryOne("""
            SELECT COALESCE(SUM(amount), 0) FROM statement_line WHERE account_id = ? AND booking_date = ? AND direction = 'credit'
            """, account, date.description) { $0.int64(0) } ?? 0
        let credits = try connection.queryOne("""
            SELECT COALESCE(SUM(c.amount), 0) FROM credit c JOIN statement_line l ON l.id = c.statement_line_id
            WHERE l.account_id = ? AND l.booking_date = ?
            """, account, date.description) { $0.int64(0) } ?? 0
        return (Money(dong: lines), Money(dong: credits))
    }

    /// Count and sum of the credits of `account` on `date` per outcome (one indexed aggregate).
    public func outcomeTotals(account: String, date: LocalDate) throws -> [(outcome: String, count: Int, amount: Money)] {
        try connection.query("""
            SELECT outcome, COUNT(*), SUM(amount) FROM credit WHERE account_id = ? AND booking_date = ? GROUP BY outcome
            """, account, date.description) { row throws(StoreError) in
            (try row.requiredText(0), Int(row.int64(1)), Money(dong: row.int64(2)))
        }
    }

    /// Dossiers owing exactly `amount`, registered between `from` and `to` (business dates), not cancelled.
    public func dossiersOwing(_ amount: Money, from: LocalDate, to: LocalDate) throws -> [(code: String, applicant: String, registeredAt: String)] {
        try connection.query("""
            SELECT code, applicant, registered_at FROM (
                SELECT d.code, d.applicant, d.registered_at, d.amount_due, \(DossierRepository.paidExpression) AS paid FROM dossier d
                WHERE d.business_date BETWEEN ? AND ? AND d.cancelled_at IS NULL AND d.amount_due >= ?)
            WHERE amount_due - paid = ? ORDER BY registered_at DESC LIMIT 200
            """, from.description, to.description, amount.dong, amount.dong) { row throws(StoreError) in
            (try row.requiredText(0), try row.requiredText(1), try row.requiredText(2))
        }
    }

    /// Callback-only credits of `account` booked on `date` whose bank reference names a statement credit
    /// of the same account booked a day before to a day after with a different amount. The statement
    /// credits of those days are walked once (`credit_by_day`) and each probes the callback credits by
    /// reference (`credit_callback_by_reference`, named: left to itself the planner walks the day's
    /// credits once per statement credit). Worth asking only when the day has callback-only credits.
    public func amountDisagreements(account: String, date: LocalDate) throws -> [AmountDisagreement] {
        try connection.query("""
            SELECT cb.id, s.id, cb.bank_reference, cb.amount, s.amount
            FROM credit s CROSS JOIN credit cb INDEXED BY credit_callback_by_reference
            WHERE s.account_id = ?1 AND s.booking_date BETWEEN ?3 AND ?4 AND s.source != 'callback' AND s.bank_reference IS NOT NULL
              AND cb.account_id = s.account_id AND cb.bank_reference = s.bank_reference AND cb.source = 'callback'
              AND cb.booking_date = ?2 AND cb.amount != s.amount
            ORDER BY cb.id, s.id
            """, account, date.description, date.adding(days: -1).description, date.adding(days: 1).description) { row throws(StoreError) in
            AmountDisagreement(callbackCredit: row.int64(0), statementCredit: row.int64(1), bankReference: try row.requiredText(2),
                               callbackAmount: Money(dong: row.int64(3)), statementAmount: Money(dong: row.int64(4)))
        }
    }
}
