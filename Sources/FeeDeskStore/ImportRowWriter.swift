import FeeDeskCore

/// Writes an import's statement lines, credits and automatic allocations with multi-row INSERTs.
///
/// Rows are queued and written `batchSize` at a time; credits are written only after the lines they
/// come from and allocations only after their credits, so every foreign key points at a stored row.
/// Each batch is split into statements of 64, 32, … 1 rows, prepared once; values are bound directly
/// (no `SQLValue` boxing), text through a `SQLiteTextArena` without SQLite copying it. Use it inside
/// the import's write transaction and call `flush()` before reading what it wrote. Each allocation's
/// register receipt is written with it, numbered from `ReceiptIssuer`'s series.
public final class ImportRowWriter {
    /// Lines per batch.
    public static let batchSize = 64
    private let connection: SQLiteConnection
    private let createdAt: String
    // Touched only by this writer's own methods, never re-entrantly: no dynamic exclusivity checks.
    @exclusivity(unchecked) private var lines: [ImportedLineRow] = []
    @exclusivity(unchecked) private var credits: [(line: ImportedLineRow, credit: ImportedCreditRow)] = []
    @exclusivity(unchecked) private var allocations: [(creditID: Int64, dossierID: Int64, amount: Money)] = []
    @exclusivity(unchecked) private var statements: [String: [Int: SQLiteStatement]] = [:]
    @exclusivity(unchecked) private var dayCache: (day: LocalDate, text: String)?
    /// The receipt series of this import's allocations, read at the first one.
    @exclusivity(unchecked) private var receiptSeries: ReceiptIssuer.Series?
    private let arena = SQLiteTextArena()

    /// A writer on `connection`, stamping rows with `createdAt`.
    public init(connection: SQLiteConnection, createdAt: String) {
        self.connection = connection
        self.createdAt = createdAt
        lines.reserveCapacity(Self.batchSize)
        credits.reserveCapacity(Self.batchSize)
    }

    /// Queues a statement line and, for a credit line, its credit.
    public func add(line: ImportedLineRow, credit: ImportedCreditRow?) throws {
        lines.append(line)
        if let credit { credits.append((line, credit)) }
        if lines.count == Self.batchSize { try writeBatch(allocations: allocations.count / Self.batchSize * Self.batchSize) }
    }

    /// Queues the credit of a statement line stored before (by this writer or another in the same
    /// transaction); `line` gives the credit's copied fields.
    public func add(credit: ImportedCreditRow, of line: ImportedLineRow) throws {
        credits.append((line, credit))
        if credits.count == Self.batchSize { try writeBatch(allocations: allocations.count / Self.batchSize * Self.batchSize) }
    }

    /// Queues an automatic allocation of `amount` of credit `creditID` to dossier `dossierID` (after the credit).
    public func addAllocation(creditID: Int64, dossierID: Int64, amount: Money) {
        allocations.append((creditID, dossierID, amount))
    }

    /// Writes everything queued: lines, then credits, then allocations with their receipts.
    public func flush() throws {
        try writeBatch(allocations: allocations.count)
    }

    /// Writes the queued lines, their credits, then the first `count` queued allocations (whose credits
    /// are all written by then: an allocation is queued after its credit).
    private func writeBatch(allocations count: Int) throws {
        try write(lines.count, table: "statement_line", columns: Self.lineColumns, values: Self.lineValues) { statement, row, base in
            try bind(lines[row], to: statement, from: base)
        }
        try write(credits.count, table: "credit", columns: Self.creditColumns, values: Self.creditValues) { statement, row, base in
            try bind(credits[row].credit, of: credits[row].line, to: statement, from: base)
        }
        lines.removeAll(keepingCapacity: true)
        credits.removeAll(keepingCapacity: true)
        try write(count, table: "allocation", columns: "credit_id, dossier_id, amount, method, created_at",
                  values: "(?, ?, ?, 'auto', ?)") { statement, row, base in
            let allocation = allocations[row]
            try statement.bind(allocation.creditID, at: base)
            try statement.bind(allocation.dossierID, at: base + 1)
            try statement.bind(allocation.amount.dong, at: base + 2)
            try arena.bind(createdAt, to: statement, at: base + 3)
        }
        if count > 0 {
            // The rows just written have consecutive ids from the largest id + 1 (no AUTOINCREMENT).
            try issueReceipts(firstAllocationID: connection.lastInsertRowID - Int64(count) + 1, count: count)
        }
        allocations.removeFirst(count)
    }

    /// Issues the register receipts of `count` allocations just written, numbered in id order: the
    /// numbers are taken from the series (`ReceiptIssuer.reserve`) and the rows written from memory,
    /// while the pages are hot, rather than read back at the end of a large import.
    private func issueReceipts(firstAllocationID: Int64, count: Int) throws {
        let issuer = ReceiptIssuer(connection)
        let series: ReceiptIssuer.Series
        if let known = receiptSeries { series = known } else { series = try issuer.series(of: .cashless, at: createdAt) }
        receiptSeries = series
        let firstNumber = try issuer.reserve(series, count: Int64(count))
        try write(count, table: "receipt", columns: "form, symbol, year, number, allocation_id, issued_at",
                  values: "(?, ?, ?, ?, ?, ?)") { statement, row, base in
            try arena.bind(series.form, to: statement, at: base)
            try arena.bind(series.symbol, to: statement, at: base + 1)
            try statement.bind(Int64(series.year), at: base + 2)
            try statement.bind(firstNumber + Int64(row), at: base + 3)
            try statement.bind(firstAllocationID + Int64(row), at: base + 4)
            try arena.bind(createdAt, to: statement, at: base + 5)
        }
    }

    private static let lineColumns = """
        id, statement_id, identity, account_id, booking_date, value_date, booked_at, amount, direction, reversal,
        bank_reference, end_to_end, counterparty_name, counterparty_account, memo, raw
        """
    private static let lineValues = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    private static let creditColumns = """
        id, account_id, amount, booking_date, booked_at, memo, counterparty_name, counterparty_account, bank_reference,
        source, statement_line_id, created_at, outcome, owed_back, note
        """
    private static let creditValues = "(?, ?, ?, ?, ?, ?, ?, ?, ?, 'statement', ?, ?, ?, ?, ?)"

    private func bind(_ line: ImportedLineRow, to statement: SQLiteStatement, from base: Int32) throws {
        try statement.bind(line.id, at: base)
        try statement.bind(line.statementID, at: base + 1)
        try line.identity.withBytes { try arena.bind(blob: $0, to: statement, at: base + 2) }
        try arena.bind(line.accountID, to: statement, at: base + 3)
        try arena.bind(dayText(line.bookingDate), to: statement, at: base + 4)
        try arena.bind(dayText(line.valueDate), to: statement, at: base + 5)
        try arena.bind(line.bookedAt, to: statement, at: base + 6)
        try statement.bind(line.amount, at: base + 7)
        try arena.bind(line.isCredit ? "credit" : "debit", to: statement, at: base + 8)
        try statement.bind(line.reversal ? 1 : 0, at: base + 9)
        try arena.bind(line.bankReference, to: statement, at: base + 10)
        try arena.bind(line.endToEnd, to: statement, at: base + 11)
        try arena.bind(line.counterpartyName, to: statement, at: base + 12)
        try arena.bind(line.counterpartyAccount, to: statement, at: base + 13)
        try arena.bind(line.memo, to: statement, at: base + 14)
        try arena.bind(line.raw, to: statement, at: base + 15)
    }

    private func bind(_ credit: ImportedCreditRow, of line: ImportedLineRow, to statement: SQLiteStatement, from base: Int32) throws {
        try statement.bind(credit.id, at: base)
        try arena.bind(line.accountID, to: statement, at: base + 1)
        try statement.bind(line.amount, at: base + 2)
        try arena.bind(dayText(line.bookingDate), to: statement, at: base + 3)
        try arena.bind(line.bookedAt, to: statement, at: base + 4)
        try arena.bind(line.memo, to: statement, at: base + 5)
        try arena.bind(line.counterpartyName, to: statement, at: base + 6)
        try arena.bind(line.counterpartyAccount, to: statement, at: base + 7)
        try arena.bind(line.bankReference, to: statement, at: base + 8)
        try statement.bind(line.id, at: base + 9)
        try arena.bind(createdAt, to: statement, at: base + 10)
        try arena.bind(credit.outcome.rawValue, to: statement, at: base + 11)
        try statement.bind(credit.owedBack.dong, at: base + 12)
        try arena.bind(credit.note, to: statement, at: base + 13)
    }

    /// `YYYY-MM-DD`, remembered for the last day asked (a statement's lines share a few days).
    private func dayText(_ day: LocalDate) -> String {
        if let dayCache, dayCache.day == day { return dayCache.text }
        let text = day.description
        dayCache = (day, text)
        return text
    }

    /// Writes `count` queued rows with statements of 64, 32, … 1 rows.
    private func write(_ count: Int, table: String, columns: String, values: String,
                       bind: (SQLiteStatement, Int, Int32) throws -> Void) throws {
        var row = 0
        var size = Self.batchSize
        while row < count {
            while size > count - row { size /= 2 }
            let statement = try self.statement(table: table, columns: columns, values: values, rows: size)
            let perRow = statement.parameterCount / Int32(size)
            arena.reset()
            for offset in 0..<size { try bind(statement, row + offset, Int32(offset) * perRow + 1) }
            try statement.runToEnd() // also clears the bindings, which point into the arena
            row += size
        }
    }

    private func statement(table: String, columns: String, values: String, rows: Int) throws -> SQLiteStatement {
        if let statement = statements[table]?[rows] { return statement }
        // OR ROLLBACK: a violated constraint ends the whole import's transaction anyway, and saying so
        // spares SQLite the statement journal it keeps to undo a multi-row statement that aborts.
        let sql = "INSERT OR ROLLBACK INTO \(table) (\(columns)) VALUES " + Array(repeating: values, count: rows).joined(separator: ", ")
        let statement = try connection.prepare(sql)
        statements[table, default: [:]][rows] = statement
        return statement
    }
}
