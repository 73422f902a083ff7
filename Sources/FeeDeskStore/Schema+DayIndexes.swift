extension Schema {
    /// Version 7: the day's reconciliation and daily report read indexes, not the day's rows.
    ///
    /// `credit_by_day` keeps its prefix (account, booking date, amount: the callback and suggestion
    /// lookups) and gains the outcome and the statement line, so the day's outcome totals and the
    /// statement-credit check read the index alone. `statement_line_by_day` gains the amount for the
    /// day's credit and debit totals. `credit_needs_review` holds only the credits that wait for an
    /// accountant (the condition of `ReviewRepository.needsReview`), so the review queue and the day's
    /// exceptions visit those instead of every credit of the day.
    static let dayIndexes = """
    DROP INDEX credit_by_day;
    CREATE INDEX credit_by_day ON credit (account_id, booking_date, amount, outcome, statement_line_id);
    DROP INDEX statement_line_by_day;
    CREATE INDEX statement_line_by_day ON statement_line (account_id, booking_date, direction, amount);
    CREATE INDEX credit_needs_review ON credit (account_id, booking_date)
        WHERE outcome = 'unmatched' OR (owed_back > 0 AND refund_confirmed_at IS NULL) OR (source = 'callback' AND outcome != 'ignored');
    """
}
