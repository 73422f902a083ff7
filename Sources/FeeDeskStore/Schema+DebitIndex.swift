extension Schema {
    /// Version 12: the debits that no refund, remittance, cash deposit or bank fee explains yet, found
    /// without reading every statement line.
    ///
    /// Every statement import looks for them once its lines are stored (`MoneyOutRepository
    /// .unexplainedDebits`). Without an index that was a scan of the whole `statement_line` table:
    /// 0.1 s with a million lines stored, growing with every import, even for a ten-line statement. The
    /// partial index holds only the debits waiting for an explanation (a collection account has few),
    /// in the order they are considered; its condition is the query's, word for word, so that SQLite
    /// uses it (`DebitIndexTests`).
    static let debitIndex = """
    CREATE INDEX statement_line_unexplained_debit ON statement_line (booking_date, id)
        WHERE direction = 'debit' AND (outcome IS NULL OR outcome = 'unexplained');
    """
}
