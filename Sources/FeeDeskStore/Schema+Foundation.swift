extension Schema {
    /// Version 1: fee schedule, accounts, dossiers, credits, allocations, cash payments, audit journal.
    ///
    /// Times are ISO 8601 text with the unit's offset (`2026-11-22T09:15:00+07:00`); business dates are
    /// `YYYY-MM-DD` in Asia/Ho_Chi_Minh; money is INTEGER đồng.
    static let foundation = """
    CREATE TABLE fee (
        procedure  TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        field      TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('phi', 'le_phi')),
        amount     INTEGER NOT NULL CHECK (amount > 0),
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    ) STRICT;

    CREATE TABLE bank_account (
        id         TEXT PRIMARY KEY,
        bin        TEXT NOT NULL,
        number     TEXT NOT NULL,
        holder     TEXT NOT NULL,
        currency   TEXT NOT NULL DEFAULT 'VND',
        UNIQUE (bin, number)
    ) STRICT;

    -- Named sequences (payment references).
    CREATE TABLE counter (
        name       TEXT PRIMARY KEY,
        value      INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE dossier (
        id             INTEGER PRIMARY KEY,
        code           TEXT NOT NULL UNIQUE,
        procedure      TEXT NOT NULL REFERENCES fee (procedure),
        applicant      TEXT NOT NULL,
        amount_due     INTEGER NOT NULL CHECK (amount_due > 0),
        desk           TEXT,
        reference      TEXT NOT NULL UNIQUE,
        registered_at  TEXT NOT NULL,
        business_date  TEXT NOT NULL,
        cancelled_at   TEXT,
        cancel_reason  TEXT
    ) STRICT;
    CREATE INDEX dossier_by_date ON dossier (business_date);

    -- Money received on a collection account. `source` is the provenance: a statement line, a bank
    -- callback, or both once a statement confirms a callback.
    CREATE TABLE credit (
        id                   INTEGER PRIMARY KEY,
        account_id           TEXT NOT NULL REFERENCES bank_account (id),
        amount               INTEGER NOT NULL CHECK (amount > 0),
        booking_date         TEXT NOT NULL,
        booked_at            TEXT,
        memo                 TEXT NOT NULL DEFAULT '',
        counterparty_name    TEXT,
        counterparty_account TEXT,
        counterparty_bin     TEXT,
        bank_reference       TEXT,
        provider_reference   TEXT,
        source               TEXT NOT NULL CHECK (source IN ('statement', 'callback', 'both')),
        outcome              TEXT NOT NULL DEFAULT 'unmatched'
                             CHECK (outcome IN ('matched', 'underpaid', 'overpaid', 'duplicate', 'unmatched', 'refund', 'ignored')),
        created_at           TEXT NOT NULL
    ) STRICT;
    CREATE INDEX credit_by_day ON credit (account_id, booking_date, amount);

    -- The part of a credit counted for a dossier. Reversal is a new recorded action, never a delete.
    CREATE TABLE allocation (
        id           INTEGER PRIMARY KEY,
        credit_id    INTEGER NOT NULL REFERENCES credit (id),
        dossier_id   INTEGER NOT NULL REFERENCES dossier (id),
        amount       INTEGER NOT NULL CHECK (amount > 0),
        method       TEXT NOT NULL CHECK (method IN ('auto', 'manual')),
        created_at   TEXT NOT NULL,
        reversed_at  TEXT
    ) STRICT;
    CREATE INDEX allocation_by_dossier ON allocation (dossier_id);
    CREATE INDEX allocation_by_credit ON allocation (credit_id);

    CREATE TABLE cash_payment (
        id             INTEGER PRIMARY KEY,
        dossier_id     INTEGER NOT NULL REFERENCES dossier (id),
        amount         INTEGER NOT NULL CHECK (amount > 0),
        receipt_no     TEXT NOT NULL UNIQUE,
        cashier        TEXT NOT NULL,
        paid_at        TEXT NOT NULL,
        business_date  TEXT NOT NULL,
        voided_at      TEXT,
        void_reason    TEXT
    ) STRICT;
    CREATE INDEX cash_by_dossier ON cash_payment (dossier_id);
    CREATE INDEX cash_by_date ON cash_payment (business_date);

    -- Append-only journal of every state change; each row carries the SHA-256 of the previous row.
    CREATE TABLE audit (
        seq        INTEGER PRIMARY KEY,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        action     TEXT NOT NULL,
        entity     TEXT NOT NULL,
        entity_id  TEXT NOT NULL,
        details    TEXT NOT NULL,
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit journal is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit journal is append-only'); END;
    """
}
