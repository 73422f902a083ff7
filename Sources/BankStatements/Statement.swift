/// A whole statement in memory: header, lines and trailer. Built by ``StatementReader/parseAll(data:format:profile:fileName:)``.
public struct Statement: Sendable, Hashable {
    /// What was known before the lines.
    public var header: StatementHeader
    /// The booked lines, in file order.
    public var lines: [StatementLine]
    /// Final balances and totals.
    public var trailer: StatementTrailer

    /// Creates a statement.
    public init(header: StatementHeader, lines: [StatementLine], trailer: StatementTrailer) {
        self.header = header
        self.lines = lines
        self.trailer = trailer
    }

    /// The account number or IBAN.
    public var account: String? { header.account }
    /// The account currency.
    public var currency: String { header.currency }
    /// The opening balance (from the trailer, which knows at least what the header knew).
    public var opening: Balance? { trailer.opening ?? header.opening }
    /// The closing balance.
    public var closing: Balance? { trailer.closing }

    /// Checks `opening + credits − debits == closing`.
    public func checkBalance() -> BalanceCheck {
        BalanceCheck.check(opening: opening, totals: trailer.totals, closing: closing, account: account)
    }
}

/// Every statement of a file, for small files and tests.
public struct ParsedStatementFile: Sendable, Hashable {
    /// The detected or requested format.
    public var format: StatementFormat
    /// The statements in file order.
    public var statements: [Statement]

    /// Creates a parsed file.
    public init(format: StatementFormat, statements: [Statement]) {
        self.format = format
        self.statements = statements
    }

    /// All lines of all statements.
    public var allLines: [StatementLine] { statements.flatMap(\.lines) }
}

/// Totals of a streamed read, returned by ``StatementReader/read(data:format:profile:fileName:visitor:)``.
public struct StatementReadSummary: Sendable, Hashable {
    /// The detected or requested format.
    public var format: StatementFormat
    /// Number of statements delivered.
    public var statements: Int
    /// Number of lines delivered.
    public var lines: Int
    /// Entries skipped (see ``StatementTrailer/skipped``).
    public var skipped: Int

    /// Creates a summary.
    public init(format: StatementFormat, statements: Int = 0, lines: Int = 0, skipped: Int = 0) {
        self.format = format
        self.statements = statements
        self.lines = lines
        self.skipped = skipped
    }
}
