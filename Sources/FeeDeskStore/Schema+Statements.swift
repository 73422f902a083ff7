extension Schema {
    /// Version 2: imported statement files, their statements and lines; what a credit still owes back.
    ///
    /// A statement line's `identity` is unique: the same transaction in a re-imported file or in two
    /// overlapping statements is stored once. It is 16 bytes, the booking day first (see `LineIdentity`),
    /// so one day's identities form one range of the unique index. A credit line creates (or confirms) one `credit`, which
    /// points back at it.
    static let statements = """
    CREATE TABLE statement_file (
        id            INTEGER PRIMARY KEY,
        sha256        TEXT NOT NULL UNIQUE,
        file_name     TEXT NOT NULL,
        format        TEXT NOT NULL,
        imported_at   TEXT NOT NULL,
        imported_by   TEXT NOT NULL,
        lines         INTEGER NOT NULL,
        new_lines     INTEGER NOT NULL,
        credit_total  INTEGER NOT NULL,
        debit_total   INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE statement (
        id            INTEGER PRIMARY KEY,
        file_id       INTEGER NOT NULL REFERENCES statement_file (id),
        account_id    TEXT NOT NULL REFERENCES bank_account (id),
        reference     TEXT,
        sequence      TEXT,
        opening       INTEGER,
        opening_date  TEXT,
        closing       INTEGER,
        closing_date  TEXT,
        first_date    TEXT,
        last_date     TEXT,
        balance       TEXT NOT NULL CHECK (balance IN ('balanced', 'unbalanced', 'unchecked')),
        balance_note  TEXT
    ) STRICT;
    CREATE INDEX statement_by_account ON statement (account_id, first_date, last_date);

    CREATE TABLE statement_line (
        id                   INTEGER PRIMARY KEY,
        statement_id         INTEGER NOT NULL REFERENCES statement (id),
        identity             BLOB NOT NULL UNIQUE,
        account_id           TEXT NOT NULL REFERENCES bank_account (id),
        booking_date         TEXT NOT NULL,
        value_date           TEXT NOT NULL,
        booked_at            TEXT,
        amount               INTEGER NOT NULL CHECK (amount > 0),
        direction            TEXT NOT NULL CHECK (direction IN ('credit', 'debit')),
        reversal             INTEGER NOT NULL CHECK (reversal IN (0, 1)),
        bank_reference       TEXT,
        end_to_end           TEXT,
        counterparty_name    TEXT,
        counterparty_account TEXT,
        memo                 TEXT NOT NULL,
        raw                  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX statement_line_by_day ON statement_line (account_id, booking_date, direction);

    -- The statement line that proves a credit (NULL while only a callback reported it).
    ALTER TABLE credit ADD COLUMN statement_line_id INTEGER REFERENCES statement_line (id);
    ALTER TABLE credit ADD COLUMN owed_back INTEGER NOT NULL DEFAULT 0 CHECK (owed_back >= 0);
    ALTER TABLE credit ADD COLUMN note TEXT NOT NULL DEFAULT '';
    -- Callback credits waiting for their statement line, found by the bank's reference.
    CREATE INDEX credit_callback_by_reference ON credit (account_id, bank_reference) WHERE source = 'callback';
    """
}
