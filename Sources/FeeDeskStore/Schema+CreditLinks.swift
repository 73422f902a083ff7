extension Schema {
    /// Version 10: one credit, several sources. A callback and a statement line for the same transfer
    /// are one credit (`source = 'both'`); when they share a reference but disagree on the amount or the
    /// account, the statement's figures stand and the disagreement is kept in `credit_conflict` until
    /// the day is closed (it blocks closing unless forced with a reason).
    ///
    /// `credit_by_statement_reference` lets a late callback find the statement credit with its
    /// reference whatever the amount (only statement credits that still wait for a callback).
    static let creditLinks = """
    CREATE TABLE credit_conflict (
        id                  INTEGER PRIMARY KEY,
        credit_id           INTEGER NOT NULL REFERENCES credit (id),
        statement_line_id   INTEGER REFERENCES statement_line (id),
        provider_reference  TEXT NOT NULL,
        account_id          TEXT NOT NULL REFERENCES bank_account (id),
        booking_date        TEXT NOT NULL,
        callback_account    TEXT NOT NULL,
        callback_amount     INTEGER NOT NULL,
        statement_amount    INTEGER NOT NULL,
        created_at          TEXT NOT NULL
    ) STRICT;
    CREATE INDEX credit_conflict_by_day ON credit_conflict (booking_date, account_id);
    CREATE INDEX credit_by_statement_reference ON credit (bank_reference) WHERE source = 'statement' AND bank_reference IS NOT NULL;
    """
}
