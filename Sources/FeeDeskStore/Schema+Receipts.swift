extension Schema {
    /// Version 8: the receipt register (sổ biên lai), FeeDesk's own numbering of every payment.
    ///
    /// - `receipt_setting`: the form (mẫu số) and the symbol templates (ký hiệu) of the cash and
    ///   cashless series; `feedesk init` writes the configured ones (`{YY}` = two-digit year).
    /// - `receipt_series`: per symbol and year, the last number issued. Numbers are taken from it in
    ///   the write transaction that stores the payment, so a rolled-back transaction takes none and
    ///   the numbers of a series have no gap.
    /// - `receipt`: one row per number issued, for a cash payment or a bank-credit allocation; never
    ///   deleted. A voided cash payment or a reversed allocation cancels its receipt (`cancelled_at`,
    ///   by the triggers below); the number is never used again. An allocation restored by an undo
    ///   gets a new number.
    ///
    /// Payments stored before this version are numbered here, under the default settings: those still
    /// counted (cash not voided, allocations not reversed), per series in order of payment time, then id.
    static let receipts = """
    CREATE TABLE receipt_setting (
        id               INTEGER PRIMARY KEY CHECK (id = 1),
        form             TEXT NOT NULL,
        cash_symbol      TEXT NOT NULL,
        cashless_symbol  TEXT NOT NULL
    ) STRICT;
    INSERT INTO receipt_setting (id, form, cash_symbol, cashless_symbol) VALUES (1, '01BLP0-001', 'TM-{YY}E', 'CK-{YY}E');

    CREATE TABLE receipt_series (
        symbol       TEXT NOT NULL,
        year         INTEGER NOT NULL,
        last_number  INTEGER NOT NULL CHECK (last_number BETWEEN 1 AND 9999999),
        PRIMARY KEY (symbol, year)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE receipt (
        id               INTEGER PRIMARY KEY,
        form             TEXT NOT NULL,
        symbol           TEXT NOT NULL,
        year             INTEGER NOT NULL,
        number           INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9999999),
        cash_payment_id  INTEGER REFERENCES cash_payment (id),
        allocation_id    INTEGER REFERENCES allocation (id),
        issued_at        TEXT NOT NULL,
        cancelled_at     TEXT,
        CHECK ((cash_payment_id IS NULL) <> (allocation_id IS NULL)),
        UNIQUE (symbol, year, number)
    ) STRICT;
    CREATE INDEX receipt_by_issued ON receipt (issued_at);
    CREATE INDEX receipt_by_cash ON receipt (cash_payment_id) WHERE cash_payment_id IS NOT NULL;
    CREATE INDEX receipt_by_allocation ON receipt (allocation_id) WHERE allocation_id IS NOT NULL;

    CREATE TRIGGER receipt_cash_voided AFTER UPDATE OF voided_at ON cash_payment
    WHEN OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL BEGIN
        UPDATE receipt SET cancelled_at = NEW.voided_at WHERE cash_payment_id = NEW.id AND cancelled_at IS NULL;
    END;
    CREATE TRIGGER receipt_allocation_reversed AFTER UPDATE OF reversed_at ON allocation
    WHEN OLD.reversed_at IS NULL AND NEW.reversed_at IS NOT NULL BEGIN
        UPDATE receipt SET cancelled_at = NEW.reversed_at WHERE allocation_id = NEW.id AND cancelled_at IS NULL;
    END;

    INSERT INTO receipt (form, symbol, year, number, cash_payment_id, issued_at)
    SELECT s.form, replace(s.cash_symbol, '{YY}', substr(c.paid_at, 3, 2)), CAST(substr(c.paid_at, 1, 4) AS INTEGER),
           ROW_NUMBER() OVER (PARTITION BY substr(c.paid_at, 1, 4) ORDER BY c.paid_at, c.id), c.id, c.paid_at
    FROM cash_payment c, receipt_setting s WHERE c.voided_at IS NULL ORDER BY c.paid_at, c.id;
    INSERT INTO receipt (form, symbol, year, number, allocation_id, issued_at)
    SELECT s.form, replace(s.cashless_symbol, '{YY}', substr(a.created_at, 3, 2)), CAST(substr(a.created_at, 1, 4) AS INTEGER),
           ROW_NUMBER() OVER (PARTITION BY substr(a.created_at, 1, 4) ORDER BY a.created_at, a.id), a.id, a.created_at
    FROM allocation a, receipt_setting s WHERE a.reversed_at IS NULL ORDER BY a.created_at, a.id;
    INSERT INTO receipt_series (symbol, year, last_number) SELECT symbol, year, MAX(number) FROM receipt GROUP BY symbol, year;

    """
}
