import FeeDeskCore
import Foundation

/// Where a credit's evidence came from.
public enum CreditSource: String, Sendable, Codable {
    /// A line of an imported bank statement.
    case statement
    /// A partner's callback, not yet confirmed by a statement.
    case callback
    /// A callback confirmed by a statement line.
    case both
}

/// A credit about to be stored.
public struct NewCredit: Sendable {
    public var accountID: String
    public var amount: Money
    public var bookingDate: LocalDate
    /// ISO 8601 booking time when the source gives one.
    public var bookedAt: String?
    public var memo: String
    public var counterpartyName: String?
    public var counterpartyAccount: String?
    public var counterpartyBIN: String?
    public var bankReference: String?
    public var providerReference: String?
    public var source: CreditSource
    /// The statement line that proves it, when it came from a statement.
    public var statementLineID: Int64?

    /// A credit with every field.
    public init(accountID: String, amount: Money, bookingDate: LocalDate, bookedAt: String?, memo: String,
                counterpartyName: String?, counterpartyAccount: String?, counterpartyBIN: String? = nil,
                bankReference: String?, providerReference: String? = nil, source: CreditSource, statementLineID: Int64? = nil) {
        self.accountID = accountID
        self.amount = amount
        self.bookingDate = bookingDate
        self.bookedAt = bookedAt
        self.memo = memo
        self.counterpartyName = counterpartyName
        self.counterpartyAccount = counterpartyAccount
        self.counterpartyBIN = counterpartyBIN
        self.bankReference = bankReference
        self.providerReference = providerReference
        self.source = source
        self.statementLineID = statementLineID
    }
}

/// Credits and their allocations in the database.
public struct CreditRepository {
    private let connection: SQLiteConnection

    /// Credits read and written through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Stores a new credit as `unmatched`; returns its id.
    public func insert(_ credit: NewCredit, at: String) throws -> Int64 {
        try connection.run("""
            INSERT INTO credit (account_id, amount, booking_date, booked_at, memo, counterparty_name, counterparty_account,
                                counterparty_bin, bank_reference, provider_reference, source, statement_line_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, credit.accountID, credit.amount.dong, credit.bookingDate.description, credit.bookedAt, credit.memo,
            credit.counterpartyName, credit.counterpartyAccount, credit.counterpartyBIN, credit.bankReference,
            credit.providerReference, credit.source.rawValue, credit.statementLineID, at)
        return connection.lastInsertRowID
    }

    /// Records the matcher's or an accountant's verdict on credit `id`.
    public func setOutcome(id: Int64, outcome: CreditOutcome, owedBack: Money, note: String) throws {
        try connection.run("UPDATE credit SET outcome = ?, owed_back = ?, note = ? WHERE id = ?",
                           outcome.rawValue, owedBack.dong, note, id)
    }

    /// Counts `amount` of credit `creditID` for dossier `dossierID` and issues its register receipt.
    public func allocate(creditID: Int64, dossierID: Int64, amount: Money, method: String, at: String) throws {
        try connection.run("INSERT INTO allocation (credit_id, dossier_id, amount, method, created_at) VALUES (?, ?, ?, ?, ?)",
                           creditID, dossierID, amount.dong, method, at)
        let id = connection.lastInsertRowID
        try ReceiptIssuer(connection).issue(allocationID: id, at: at)
    }

    /// The dossier whose payment reference is `reference`, as the matcher needs it.
    public func payable(reference: PaymentReference) throws -> PayableDossier? {
        try connection.queryOne("""
            SELECT d.id, d.code, d.amount_due, \(DossierRepository.paidExpression), d.cancelled_at IS NOT NULL
            FROM dossier d WHERE d.reference = ?
            """, reference.text) { row throws(StoreError) in
            PayableDossier(id: row.int64(0), code: try row.requiredText(1), reference: reference, amountDue: Money(dong: row.int64(2)),
                           paid: Money(dong: row.int64(3)), cancelled: row.int64(4) == 1)
        }
    }

    /// The id the next credit will get when ids are given explicitly (one more than the largest).
    public func nextCreditID() throws -> Int64 {
        try connection.queryOne("SELECT COALESCE(MAX(id), 0) + 1 FROM credit") { $0.int64(0) } ?? 1
    }

    /// About how many dossiers are stored (the largest id: one index step, no count).
    public func dossierCountEstimate() throws -> Int64 {
        try connection.queryOne("SELECT COALESCE(MAX(id), 0) FROM dossier") { $0.int64(0) } ?? 0
    }

    /// How many dossiers there are and how many bytes their codes take, with one pass over the table.
    public func dossierTableSize() throws -> (dossiers: Int, codeBytes: Int) {
        try connection.queryOne("SELECT COUNT(*), COALESCE(SUM(length(CAST(code AS BLOB))), 0) FROM dossier") {
            (Int($0.int64(0)), Int($0.int64(1)))
        } ?? (0, 0)
    }

    /// Calls `visit` for every dossier, as the matcher sees it, in dossier order: one pass over the
    /// dossier table merged with one grouped pass over allocations and one over cash payments, cheaper
    /// than a lookup per reference when an import names a large share of all dossiers.
    public func forEachPayable(_ visit: (PayableRow) throws -> Void) throws {
        let dossiers = try connection.prepare("""
            SELECT d.id, d.reference, d.code, d.amount_due, d.cancelled_at IS NOT NULL FROM dossier d ORDER BY d.id
            """)
        defer { dossiers.reset() }
        var allocated = try PaidTotals(connection, table: "allocation", live: "reversed_at IS NULL")
        defer { allocated.close() }
        var cash = try PaidTotals(connection, table: "cash_payment", live: "voided_at IS NULL")
        defer { cash.close() }
        while try dossiers.step() {
            let row = SQLiteRow(statement: dossiers.handle)
            let id = row.int64(0)
            try visit(PayableRow(row: row, paid: try allocated.total(of: id) + cash.total(of: id)))
        }
    }

    /// The dossier whose code is `code` (exactly as stored), as the matcher needs it.
    public func payable(code: String) throws -> PayableDossier? {
        var found: PayableDossier?
        try withPayable(code: code) { row in
            let reference = row.withReference { String(decoding: $0, as: UTF8.self) }
            found = PayableDossier(id: row.id, code: code, reference: PaymentReference(storedText: reference), amountDue: row.amountDue,
                                   paid: row.paid, cancelled: row.cancelled)
        }
        return found
    }

    /// Calls `visit` for the dossier whose code is `code` (exactly as stored), if there is one.
    public func withPayable(code: String, _ visit: (PayableRow) throws -> Void) throws {
        let statement = try connection.prepare("\(CreditRepository.payableSelect) FROM dossier d WHERE d.code = ?")
        try statement.bind(code, at: 1)
        defer { statement.reset() }
        if try statement.step() {
            let row = SQLiteRow(statement: statement.handle)
            try visit(PayableRow(row: row, paid: row.int64(5)))
        }
    }

    /// Calls `visit` for the dossier whose payment reference is `reference`, if there is one.
    public func withPayable(reference: String, _ visit: (PayableRow) throws -> Void) throws {
        let statement = try connection.prepare("\(CreditRepository.payableSelect) FROM dossier d WHERE d.reference = ?")
        try statement.bind(reference, at: 1)
        defer { statement.reset() }
        if try statement.step() {
            let row = SQLiteRow(statement: statement.handle)
            try visit(PayableRow(row: row, paid: row.int64(5)))
        }
    }

    private static let payableSelect =
        "SELECT d.id, d.reference, d.code, d.amount_due, d.cancelled_at IS NOT NULL, \(DossierRepository.paidExpression)"

    /// Number of credits and their sum per outcome, for credits whose ids are in `range`.
    public func outcomeCounts(idsFrom first: Int64) throws -> [CreditOutcome: (count: Int, amount: Money)] {
        var result: [CreditOutcome: (count: Int, amount: Money)] = [:]
        try connection.forEach("SELECT outcome, COUNT(*), SUM(amount) FROM credit WHERE id >= ? GROUP BY outcome", [first]) { row throws(StoreError) in
            guard let outcome = CreditOutcome(rawValue: try row.requiredText(0)) else { throw StoreError.corrupt("credit outcome") }
            result[outcome] = (Int(row.int64(1)), Money(dong: row.int64(2)))
        }
        return result
    }
}

/// A dossier as the matcher sees it, read straight from a result row; valid only inside the closure
/// it is passed to (copy what you keep).
public struct PayableRow {
    let row: SQLiteRow
    let paidAmount: Int64

    init(row: SQLiteRow, paid: Int64) {
        self.row = row
        paidAmount = paid
    }

    /// The dossier's row id.
    public var id: Int64 { row.int64(0) }
    /// Calls `body` with the UTF-8 bytes of its payment reference.
    public func withReference<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try row.withText(1, body)
    }
    /// Calls `body` with the UTF-8 bytes of its code.
    public func withCode<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try row.withText(2, body)
    }
    /// The fee due.
    public var amountDue: Money { Money(dong: row.int64(3)) }
    /// True when it no longer accepts payments.
    public var cancelled: Bool { row.int64(4) == 1 }
    /// What has been counted for it so far (allocations not reversed and cash not voided).
    public var paid: Money { Money(dong: paidAmount) }
}

/// Sums per dossier of one payment table, read in dossier order alongside a scan of the dossiers.
private struct PaidTotals {
    private let statement: SQLiteStatement
    private var current: (id: Int64, total: Int64)?

    init(_ connection: SQLiteConnection, table: String, live: String) throws {
        statement = try connection.prepare("""
            SELECT dossier_id, SUM(amount) FROM \(table) WHERE \(live) GROUP BY dossier_id ORDER BY dossier_id
            """)
        try advance()
    }

    /// The sum for dossier `id`; ids must be asked in increasing order.
    mutating func total(of id: Int64) throws -> Int64 {
        while let current, current.id < id { try advance() }
        guard let current, current.id == id else { return 0 }
        return current.total
    }

    private mutating func advance() throws {
        guard try statement.step() else {
            current = nil
            return
        }
        let row = SQLiteRow(statement: statement.handle)
        current = (row.int64(0), row.int64(1))
    }

    func close() { statement.reset() }
}
