extension Schema {
    /// Version 4: the accountants' review actions (assign, refund, ignore and their undoing, each with
    /// who, when and why) and closed days.
    static let review = """
    CREATE TABLE review_action (
        id                INTEGER PRIMARY KEY,
        credit_id         INTEGER NOT NULL REFERENCES credit (id),
        action            TEXT NOT NULL CHECK (action IN ('assign', 'refund', 'ignore', 'undo')),
        dossier_id        INTEGER REFERENCES dossier (id),
        amount            INTEGER CHECK (amount IS NULL OR amount > 0),
        reason            TEXT NOT NULL CHECK (length(reason) > 0),
        actor             TEXT NOT NULL,
        at                TEXT NOT NULL,
        outcome_before    TEXT NOT NULL,
        owed_back_before  INTEGER NOT NULL,
        refund_before     TEXT,
        note_before       TEXT NOT NULL,
        undoes            INTEGER REFERENCES review_action (id),
        undone_by         INTEGER REFERENCES review_action (id)
    ) STRICT;
    CREATE INDEX review_action_by_credit ON review_action (credit_id);

    -- An allocation made (or reversed) by a review action points at it, so that undoing the action
    -- reverses (or restores) it.
    ALTER TABLE allocation ADD COLUMN review_action_id INTEGER REFERENCES review_action (id);
    ALTER TABLE allocation ADD COLUMN reversed_by_action_id INTEGER REFERENCES review_action (id);
    -- When an accountant confirmed that what the credit owes back is to be refunded.
    ALTER TABLE credit ADD COLUMN refund_confirmed_at TEXT;

    CREATE TABLE day_close (
        account_id     TEXT NOT NULL REFERENCES bank_account (id),
        business_date  TEXT NOT NULL,
        closed_at      TEXT NOT NULL,
        closed_by      TEXT NOT NULL,
        forced_reason  TEXT,
        summary        TEXT NOT NULL,
        PRIMARY KEY (account_id, business_date)
    ) STRICT;
    """
}
