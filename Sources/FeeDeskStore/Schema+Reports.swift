extension Schema {
    /// Version 6: maintained daily and monthly payment totals for the reports.
    ///
    /// Writers pay (almost) nothing: new cash payments and allocations are found by their row ids
    /// above a watermark, and the rare changes to existing rows (a voided receipt, a reversed
    /// allocation, a credit's booking date, a dossier's procedure or desk) are noted by triggers in
    /// `report_dirty_day`. Before a report reads, `ReportTotals.refresh` recomputes the days touched
    /// from the payments with GROUP BY in SQLite, rolls them up into months and moves the watermarks.
    /// A year of reporting then reads a few thousand month rows, never the payments themselves.
    ///
    /// - `report_day_total`: per business date, procedure and desk (`''` when none): distinct dossiers
    ///   paid that day, cash count and sum, cashless count and sum.
    /// - `report_month_total`: the same per calendar month (`dossiers` there counts dossier-days).
    /// - `report_multiday`: `(day, dossier, procedure, desk, previous payment day)` for every payment
    ///   day of a dossier paid on two or more days, so that a report over a range counts such a dossier
    ///   once, not once per day: the rows to take off are those whose previous day is in the range.
    /// - `report_watermark`: the highest `cash_payment` and `allocation` row ids already counted.
    static let reports = """
    CREATE TABLE report_day_total (
        day              TEXT NOT NULL,
        procedure        TEXT NOT NULL,
        desk             TEXT NOT NULL,
        dossiers         INTEGER NOT NULL,
        cash_count       INTEGER NOT NULL,
        cash_amount      INTEGER NOT NULL,
        cashless_count   INTEGER NOT NULL,
        cashless_amount  INTEGER NOT NULL,
        PRIMARY KEY (day, procedure, desk)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE report_month_total (
        month            TEXT NOT NULL,
        procedure        TEXT NOT NULL,
        desk             TEXT NOT NULL,
        dossiers         INTEGER NOT NULL,
        cash_count       INTEGER NOT NULL,
        cash_amount      INTEGER NOT NULL,
        cashless_count   INTEGER NOT NULL,
        cashless_amount  INTEGER NOT NULL,
        PRIMARY KEY (month, procedure, desk)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE report_multiday (
        day         TEXT NOT NULL,
        dossier_id  INTEGER NOT NULL,
        procedure   TEXT NOT NULL,
        desk        TEXT NOT NULL,
        prev_day    TEXT,
        PRIMARY KEY (day, dossier_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX report_multiday_by_dossier ON report_multiday (dossier_id);

    CREATE TABLE report_dirty_day (
        day  TEXT PRIMARY KEY
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE report_watermark (
        source   TEXT PRIMARY KEY CHECK (source IN ('cash_payment', 'allocation')),
        last_id  INTEGER NOT NULL
    ) STRICT;
    -- From 0: the first report counts every payment stored before this version.
    INSERT INTO report_watermark (source, last_id) VALUES ('cash_payment', 0), ('allocation', 0);

    -- Changes to stored payments. Each trigger adds a day only when it is not listed yet, so no
    -- conflict clause of the statement that fired it can turn into a failure here. A deleted row
    -- lowers the watermark, so that a row id reused later is still counted.
    CREATE TRIGGER report_cash_update AFTER UPDATE OF dossier_id, amount, business_date, voided_at ON cash_payment BEGIN
        INSERT INTO report_dirty_day (day) SELECT DISTINCT d FROM (SELECT OLD.business_date AS d UNION SELECT NEW.business_date)
        WHERE NOT EXISTS (SELECT 1 FROM report_dirty_day WHERE day = d);
    END;
    CREATE TRIGGER report_cash_delete AFTER DELETE ON cash_payment BEGIN
        INSERT INTO report_dirty_day (day) SELECT OLD.business_date
        WHERE NOT EXISTS (SELECT 1 FROM report_dirty_day WHERE day = OLD.business_date);
        UPDATE report_watermark SET last_id = MIN(last_id, OLD.id - 1) WHERE source = 'cash_payment';
    END;
    CREATE TRIGGER report_allocation_update AFTER UPDATE OF credit_id, dossier_id, amount, reversed_at ON allocation BEGIN
        INSERT INTO report_dirty_day (day) SELECT DISTINCT c.booking_date FROM credit c
        WHERE c.id IN (OLD.credit_id, NEW.credit_id) AND NOT EXISTS (SELECT 1 FROM report_dirty_day WHERE day = c.booking_date);
    END;
    CREATE TRIGGER report_allocation_delete AFTER DELETE ON allocation BEGIN
        INSERT INTO report_dirty_day (day) SELECT c.booking_date FROM credit c
        WHERE c.id = OLD.credit_id AND NOT EXISTS (SELECT 1 FROM report_dirty_day WHERE day = c.booking_date);
        UPDATE report_watermark SET last_id = MIN(last_id, OLD.id - 1) WHERE source = 'allocation';
    END;
    CREATE TRIGGER report_credit_date AFTER UPDATE OF booking_date ON credit
    WHEN OLD.booking_date IS NOT NEW.booking_date AND EXISTS (SELECT 1 FROM allocation WHERE credit_id = NEW.id) BEGIN
        INSERT INTO report_dirty_day (day) SELECT d FROM (SELECT OLD.booking_date AS d UNION SELECT NEW.booking_date)
        WHERE NOT EXISTS (SELECT 1 FROM report_dirty_day WHERE day = d);
    END;
    CREATE TRIGGER report_dossier_group AFTER UPDATE OF procedure, desk ON dossier
    WHEN OLD.procedure IS NOT NEW.procedure OR OLD.desk IS NOT NEW.desk BEGIN
        INSERT INTO report_dirty_day (day)
        SELECT d FROM (SELECT business_date AS d FROM cash_payment WHERE dossier_id = NEW.id
                       UNION SELECT c.booking_date FROM allocation a JOIN credit c ON c.id = a.credit_id WHERE a.dossier_id = NEW.id)
        WHERE NOT EXISTS (SELECT 1 FROM report_dirty_day WHERE day = d);
    END;

    """
}
