extension Schema {
    /// Version 5: money leaving the collection account, and cash handed to the bank. Refund payouts,
    /// remittances to the State Treasury and cash deposits are recorded by accountants; statement
    /// lines get an outcome (`refund`, `remittance`, `bank_fee`, `deposit`, `unexplained`) and point at
    /// what explains them.
    static let moneyOut = """
    CREATE TABLE refund_payout (
        id                 INTEGER PRIMARY KEY,
        credit_id          INTEGER NOT NULL REFERENCES credit (id),
        amount             INTEGER NOT NULL CHECK (amount > 0),
        reference          TEXT NOT NULL UNIQUE,
        business_date      TEXT NOT NULL,
        recorded_at        TEXT NOT NULL,
        recorded_by        TEXT NOT NULL,
        statement_line_id  INTEGER REFERENCES statement_line (id)
    ) STRICT;
    CREATE INDEX refund_payout_by_credit ON refund_payout (credit_id);

    CREATE TABLE remittance (
        id                 INTEGER PRIMARY KEY,
        kind               TEXT NOT NULL CHECK (kind IN ('phi', 'le_phi')),
        amount             INTEGER NOT NULL CHECK (amount > 0),
        business_date      TEXT NOT NULL,
        reference          TEXT NOT NULL UNIQUE,
        recorded_at        TEXT NOT NULL,
        recorded_by        TEXT NOT NULL,
        statement_line_id  INTEGER REFERENCES statement_line (id)
    ) STRICT;

    CREATE TABLE cash_deposit (
        id             INTEGER PRIMARY KEY,
        amount         INTEGER NOT NULL CHECK (amount > 0),
        business_date  TEXT NOT NULL,
        reference      TEXT NOT NULL UNIQUE,
        recorded_at    TEXT NOT NULL,
        recorded_by    TEXT NOT NULL,
        credit_id      INTEGER REFERENCES credit (id)
    ) STRICT;

    ALTER TABLE statement_line ADD COLUMN outcome TEXT
        CHECK (outcome IS NULL OR outcome IN ('refund', 'remittance', 'bank_fee', 'deposit', 'unexplained'));
    ALTER TABLE statement_line ADD COLUMN explained_by TEXT;
    """
}
