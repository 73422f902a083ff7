import FeeDeskCore

/// A statement file already imported.
public struct ImportedFile: Sendable, Equatable {
    public let id: Int64
    public let fileName: String
    public let importedAt: String
    public let lines: Int
    public let newLines: Int
    public let creditTotal: Int64
    public let debitTotal: Int64
}

/// A statement line about to be stored.
public struct NewStatementLine: Sendable {
    /// 16 bytes that name the transaction (see the importer); unique across all statements.
    public var identity: [UInt8]
    public var accountID: String
    public var bookingDate: LocalDate
    public var valueDate: LocalDate
    public var bookedAt: String?
    public var amount: Money
    public var isCredit: Bool
    public var reversal: Bool
    public var bankReference: String?
    public var endToEnd: String?
    public var counterpartyName: String?
    public var counterpartyAccount: String?
    public var memo: String
    public var raw: String

    /// A line with every field.
    public init(identity: [UInt8], accountID: String, bookingDate: LocalDate, valueDate: LocalDate, bookedAt: String?, amount: Money,
                isCredit: Bool, reversal: Bool, bankReference: String?, endToEnd: String?, counterpartyName: String?,
                counterpartyAccount: String?, memo: String, raw: String) {
        self.identity = identity
        self.accountID = accountID
        self.bookingDate = bookingDate
        self.valueDate = valueDate
        self.bookedAt = bookedAt
        self.amount = amount
        self.isCredit = isCredit
        self.reversal = reversal
        self.bankReference = bankReference
        self.endToEnd = endToEnd
        self.counterpartyName = counterpartyName
        self.counterpartyAccount = counterpartyAccount
        self.memo = memo
        self.raw = raw
    }
}

/// Imported statement files, statements and lines.
public struct StatementRepository {
    private let connection: SQLiteConnection

    /// Statements read and written through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// The earlier import of the file with this SHA-256, if any.
    public func file(sha256: String) throws -> ImportedFile? {
        try connection.queryOne("""
            SELECT id, file_name, imported_at, lines, new_lines, credit_total, debit_total FROM statement_file WHERE sha256 = ?
            """, sha256) { row throws(StoreError) in
            ImportedFile(id: row.int64(0), fileName: try row.requiredText(1), importedAt: try row.requiredText(2),
                         lines: Int(row.int64(3)), newLines: Int(row.int64(4)), creditTotal: row.int64(5), debitTotal: row.int64(6))
        }
    }

    /// The ids the next file and statement will get (one more than the largest of each): an import
    /// gives its rows these ids at its start and writes the rows themselves at its end (see
    /// `StatementRowStore`).
    public func nextIDs() throws -> (file: Int64, statement: Int64) {
        try connection.queryOne("""
            SELECT (SELECT COALESCE(MAX(id), 0) + 1 FROM statement_file), (SELECT COALESCE(MAX(id), 0) + 1 FROM statement)
            """) { ($0.int64(0), $0.int64(1)) } ?? (1, 1)
    }

    /// Records an imported file with its totals; with `id`, under that id. Returns the row id.
    @discardableResult
    public func insertFile(id: Int64? = nil, sha256: String, fileName: String, format: String, at: String, by actor: String,
                           lines: Int = 0, newLines: Int = 0, creditTotal: Int64 = 0, debitTotal: Int64 = 0) throws -> Int64 {
        try connection.run("""
            INSERT INTO statement_file (id, sha256, file_name, format, imported_at, imported_by, lines, new_lines, credit_total, debit_total)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, id, sha256, fileName, format, at, actor, lines, newLines, creditTotal, debitTotal)
        return connection.lastInsertRowID
    }

    /// Records one statement of a file, with its balances, period and balance-check verdict when known;
    /// with `id`, under that id. Returns the row id.
    @discardableResult
    public func insertStatement(id: Int64? = nil, fileID: Int64, accountID: String, reference: String?, sequence: String?,
                                opening: (Money, LocalDate?)? = nil, closing: (Money, LocalDate?)? = nil, firstDate: LocalDate? = nil,
                                lastDate: LocalDate? = nil, balance: String = "unchecked", note: String? = nil) throws -> Int64 {
        try connection.run("""
            INSERT INTO statement (id, file_id, account_id, reference, sequence, opening, opening_date, closing, closing_date,
                                   first_date, last_date, balance, balance_note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, id, fileID, accountID, reference, sequence, opening?.0.dong, opening?.1?.description, closing?.0.dong,
            closing?.1?.description, firstDate?.description, lastDate?.description, balance, note)
        return connection.lastInsertRowID
    }

    /// The id the next statement line will get when ids are given explicitly (one more than the largest).
    public func nextLineID() throws -> Int64 {
        try connection.queryOne("SELECT COALESCE(MAX(id), 0) + 1 FROM statement_line") { $0.int64(0) } ?? 1
    }

    /// Calls `visit` with every stored line identity of booking day `day` (one range scan of the unique
    /// index, which orders identities by day first).
    public func forEachIdentity(ofDay day: LocalDate, _ visit: (LineIdentity) throws -> Void) throws {
        let statement = try connection.prepare("SELECT identity FROM statement_line WHERE identity >= ? AND identity < ?")
        try LineIdentity.first(of: day).withBytes { try statement.bind(blob: $0, at: 1) }
        try LineIdentity.first(of: day.adding(days: 1)).withBytes { try statement.bind(blob: $0, at: 2) }
        defer { statement.reset() }
        while try statement.step() {
            guard let identity = SQLiteRow(statement: statement.handle).withBlob(0, LineIdentity.init(bytes:)) else {
                throw StoreError.corrupt("statement_line.identity is not 16 bytes")
            }
            try visit(identity)
        }
    }

    /// Stores `line` of statement `statementID` unless a line with its identity is stored already;
    /// returns the new line's id, or nil when it was known.
    public func insertLineIfNew(_ line: NewStatementLine, statementID: Int64) throws -> Int64? {
        let changed = try connection.run("""
            INSERT INTO statement_line (statement_id, identity, account_id, booking_date, value_date, booked_at, amount, direction,
                                        reversal, bank_reference, end_to_end, counterparty_name, counterparty_account, memo, raw)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (identity) DO NOTHING
            """, statementID, line.identity, line.accountID, line.bookingDate.description, line.valueDate.description, line.bookedAt,
            line.amount.dong, line.isCredit ? "credit" : "debit", line.reversal, line.bankReference, line.endToEnd,
            line.counterpartyName, line.counterpartyAccount, line.memo, line.raw)
        return changed == 1 ? connection.lastInsertRowID : nil
    }
}
