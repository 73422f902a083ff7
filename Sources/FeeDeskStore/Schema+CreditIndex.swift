extension Schema {
    /// Version 11: one index of a day's credits serves both the day's totals and the lookup every
    /// callback makes, replacing the partial index of version 9.
    ///
    /// `credit_by_day` gains `source` after the amount, so "statement credits of this account and
    /// amount booked on one of three days" is a seek on its first four columns, as it was on
    /// `credit_statement_by_amount`, while the day's outcome totals still read the index alone. A
    /// statement import then writes one index entry less per credit, and not into an index ordered
    /// by amount (whose inserts land all over it). `credit_needs_review` is created again after it,
    /// unchanged, so that SQLite still prefers it for the review queue (both begin with the account and
    /// the day; among equals the planner takes the later one; `DayIndexTests` checks the plans).
    static let creditIndex = """
    DROP INDEX credit_statement_by_amount;
    DROP INDEX credit_by_day;
    CREATE INDEX credit_by_day ON credit (account_id, booking_date, amount, source, outcome, statement_line_id);
    DROP INDEX credit_needs_review;
    CREATE INDEX credit_needs_review ON credit (account_id, booking_date)
        WHERE outcome = 'unmatched' OR (owed_back > 0 AND refund_confirmed_at IS NULL) OR (source = 'callback' AND outcome != 'ignored');
    """
}
