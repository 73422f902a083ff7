extension Schema {
    /// Version 9: a partial index of statement-only credits by account, amount and day, for the
    /// lookup every callback makes (is this transfer already on an imported statement?). Without it
    /// that lookup walks every credit of the same amount on three days — on a busy day hundreds of
    /// callback credits of the usual fee amounts — inside the shared commit.
    static let callbackLookup = """
    CREATE INDEX credit_statement_by_amount ON credit (account_id, amount, booking_date) WHERE source = 'statement';
    """
}
