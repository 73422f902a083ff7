import FeeDeskCore

/// A refund owed to a payer.
public struct RefundOwed: Sendable, Equatable {
    public let creditID: Int64
    public let owed: Money
    public let paid: Money
    public let payerName: String?
    public let payerAccount: String?
    public let reason: String
    public let bookingDate: LocalDate
}

/// A statement debit waiting to be explained.
public struct DebitLine: Sendable, Equatable {
    public let id: Int64
    public let accountID: String
    public let amount: Money
    public let bookingDate: String
    public let memo: String
}

/// Refund payouts, remittances, cash deposits and the explanation of statement debits.
public struct MoneyOutRepository {
    private let connection: SQLiteConnection

    /// Money-out data read and written through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Credits that owe money back, with what was already paid out.
    public func refundsOwed(includeSettled: Bool = false) throws -> [RefundOwed] {
        var result: [RefundOwed] = []
        try connection.forEach("""
            SELECT c.id, c.owed_back, (SELECT COALESCE(SUM(p.amount), 0) FROM refund_payout p WHERE p.credit_id = c.id),
                   c.counterparty_name, c.counterparty_account, c.note, c.booking_date
            FROM credit c WHERE c.owed_back > 0 ORDER BY c.booking_date, c.id
            """) { row throws(StoreError) in
            let owed = Money(dong: row.int64(1)), paid = Money(dong: row.int64(2))
            guard includeSettled || paid < owed else { return }
            guard let day = try? LocalDate(parsing: try row.requiredText(6)) else { throw StoreError.corrupt("credit date") }
            result.append(RefundOwed(creditID: row.int64(0), owed: owed, paid: paid, payerName: row.text(3), payerAccount: row.text(4),
                                     reason: try row.requiredText(5), bookingDate: day))
        }
        return result
    }

    /// What has been paid out for credit `id`.
    public func paidOut(creditID: Int64) throws -> Money {
        Money(dong: try connection.queryOne("SELECT COALESCE(SUM(amount), 0) FROM refund_payout WHERE credit_id = ?", creditID) { $0.int64(0) } ?? 0)
    }

    /// Records a refund payout; returns its id.
    public func insertPayout(creditID: Int64, amount: Money, reference: String, day: LocalDate, at: String, by actor: String) throws -> Int64 {
        try connection.run("""
            INSERT INTO refund_payout (credit_id, amount, reference, business_date, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
            """, creditID, amount.dong, reference, day.description, at, actor)
        return connection.lastInsertRowID
    }

    /// Records a remittance to the Treasury; returns its id.
    public func insertRemittance(kind: FeeKind, amount: Money, day: LocalDate, reference: String, at: String, by actor: String) throws -> Int64 {
        try connection.run("""
            INSERT INTO remittance (kind, amount, business_date, reference, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
            """, kind.rawValue, amount.dong, day.description, reference, at, actor)
        return connection.lastInsertRowID
    }

    /// Records a cash deposit; returns its id.
    public func insertDeposit(amount: Money, day: LocalDate, reference: String, at: String, by actor: String) throws -> Int64 {
        try connection.run("""
            INSERT INTO cash_deposit (amount, business_date, reference, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)
            """, amount.dong, day.description, reference, at, actor)
        return connection.lastInsertRowID
    }

    /// True when a payout, remittance or deposit already uses `reference`.
    public func referenceUsed(_ reference: String) throws -> Bool {
        try connection.queryOne("""
            SELECT 1 FROM refund_payout WHERE reference = ?1 UNION ALL SELECT 1 FROM remittance WHERE reference = ?1
            UNION ALL SELECT 1 FROM cash_deposit WHERE reference = ?1 LIMIT 1
            """, reference) { _ in true } ?? false
    }

    /// The condition of a debit waiting for an explanation, as the partial index
    /// `statement_line_unexplained_debit` states it (SQLite uses the index only for this exact text).
    static let unexplainedDebit = "direction = 'debit' AND (outcome IS NULL OR outcome = 'unexplained')"

    /// Statement debits not yet explained (all accounts), oldest first; read through
    /// `statement_line_unexplained_debit`, not the whole table.
    public func unexplainedDebits() throws -> [DebitLine] {
        try connection.query("SELECT id, account_id, amount, booking_date, memo FROM statement_line WHERE "
                             + Self.unexplainedDebit + " ORDER BY booking_date, id") { row throws(StoreError) in
            DebitLine(id: row.int64(0), accountID: try row.requiredText(1), amount: Money(dong: row.int64(2)),
                      bookingDate: try row.requiredText(3), memo: try row.requiredText(4))
        }
    }

    /// Sets a statement line's outcome and what explains it.
    public func explain(lineID: Int64, outcome: String, by explanation: String?) throws {
        try connection.run("UPDATE statement_line SET outcome = ?, explained_by = ? WHERE id = ?", outcome, explanation, lineID)
    }

    /// Links a payout, remittance or deposit to the statement line (or credit) that shows it.
    public func link(table: String, id: Int64, column: String, to target: Int64) throws {
        precondition(["refund_payout", "remittance", "cash_deposit"].contains(table) && ["statement_line_id", "credit_id"].contains(column))
        try connection.run("UPDATE \(table) SET \(column) = ? WHERE id = ?", target, id)
    }

    /// Payouts, remittances and deposits not yet seen on a statement: (table, id, amount, reference).
    public func unlinked() throws -> [(table: String, id: Int64, amount: Money, reference: String)] {
        try connection.query("""
            SELECT 'refund_payout', id, amount, reference FROM refund_payout WHERE statement_line_id IS NULL
            UNION ALL SELECT 'remittance', id, amount, reference FROM remittance WHERE statement_line_id IS NULL
            UNION ALL SELECT 'cash_deposit', id, amount, reference FROM cash_deposit WHERE credit_id IS NULL
            """) { row throws(StoreError) in (try row.requiredText(0), row.int64(1), Money(dong: row.int64(2)), try row.requiredText(3)) }
    }

    /// Debits of `account` on `date` by outcome (nil outcome counts as unexplained).
    public func debitOutcomes(account: String, date: LocalDate) throws -> [(outcome: String, count: Int, amount: Money)] {
        try connection.query("""
            SELECT COALESCE(outcome, 'unexplained'), COUNT(*), SUM(amount) FROM statement_line
            WHERE account_id = ? AND booking_date = ? AND direction = 'debit' GROUP BY 1
            """, account, date.description) { row throws(StoreError) in (try row.requiredText(0), Int(row.int64(1)), Money(dong: row.int64(2))) }
    }
}
