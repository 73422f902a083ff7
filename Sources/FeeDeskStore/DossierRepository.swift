import FeeDeskCore
import Foundation

/// A dossier as stored, with its database id and what has been paid towards it.
public struct StoredDossier: Sendable, Equatable {
    /// The row id.
    public let id: Int64
    /// The dossier.
    public let dossier: Dossier
    /// Cash (not voided) plus allocations (not reversed).
    public let paid: Money

    /// A stored dossier.
    public init(id: Int64, dossier: Dossier, paid: Money) {
        self.id = id
        self.dossier = dossier
        self.paid = paid
    }

    /// The payment status derived from `paid` and the amount due.
    public var status: DossierStatus { DossierStatus(due: dossier.amountDue, paid: paid) }
}

/// The fields of a stored dossier a register import compares, with what was paid.
public struct RegisterState: Sendable, Equatable {
    /// The row id.
    public let id: Int64
    /// Its procedure code.
    public let procedure: String
    /// The applicant's name.
    public let applicant: String
    /// The fee due.
    public let amountDue: Money
    /// The desk, if any.
    public let desk: String?
    /// True once cancelled.
    public let cancelled: Bool
    /// Cash (not voided) plus allocations (not reversed).
    public let paid: Money
}

/// Dossiers in the database.
public struct DossierRepository {
    private let connection: SQLiteConnection
    private let calendar: BusinessCalendar

    /// Dossiers read and written through `connection`; times in `calendar`'s zone.
    public init(_ connection: SQLiteConnection, calendar: BusinessCalendar) {
        self.connection = connection
        self.calendar = calendar
    }

    /// Takes the next number of the payment-reference sequence (call inside a write transaction).
    public func nextReferenceSequence() throws -> Int64 {
        try connection.run("""
            INSERT INTO counter (name, value) VALUES ('payment_reference', 1)
            ON CONFLICT (name) DO UPDATE SET value = value + 1
            """)
        return try connection.queryOne("SELECT value FROM counter WHERE name = 'payment_reference'") { row in row.int64(0) } ?? 1
    }

    /// The last number taken from the payment-reference sequence (0 when none was).
    public func lastReferenceSequence() throws -> Int64 {
        try connection.queryOne("SELECT value FROM counter WHERE name = 'payment_reference'") { row in row.int64(0) } ?? 0
    }

    /// Records `value` as the last number taken from the payment-reference sequence, after a bulk
    /// import took the numbers after ``lastReferenceSequence()`` itself inside the same write transaction.
    public func setLastReferenceSequence(_ value: Int64) throws {
        try connection.run("""
            INSERT INTO counter (name, value) VALUES ('payment_reference', ?1) ON CONFLICT (name) DO UPDATE SET value = ?1
            """, value)
    }

    /// What a register import compares for the dossier with `code`: nil when there is none.
    public func registerState(code: String) throws -> RegisterState? {
        try connection.queryOne("""
            SELECT d.id, d.procedure, d.applicant, d.amount_due, d.desk, d.cancelled_at IS NOT NULL, \(DossierRepository.paidExpression)
            FROM dossier d WHERE d.code = ?
            """, code) { row throws(StoreError) in
            RegisterState(id: row.int64(0), procedure: try row.requiredText(1), applicant: try row.requiredText(2),
                          amountDue: Money(dong: row.int64(3)), desk: row.text(4), cancelled: row.int64(5) == 1, paid: Money(dong: row.int64(6)))
        }
    }

    /// Stores a new dossier; returns its row id.
    @discardableResult
    public func insert(_ dossier: Dossier) throws -> Int64 {
        try connection.run("""
            INSERT INTO dossier (code, procedure, applicant, amount_due, desk, reference, registered_at, business_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, dossier.code, dossier.procedure, dossier.applicant, dossier.amountDue.dong, dossier.desk,
            dossier.reference.text, calendar.timestamp(dossier.registeredAt), calendar.date(of: dossier.registeredAt).description)
        return connection.lastInsertRowID
    }

    /// Replaces what the one-stop system may change on an unpaid dossier.
    public func update(id: Int64, procedure: String, applicant: String, amountDue: Money, desk: String?) throws {
        try connection.run("UPDATE dossier SET procedure = ?, applicant = ?, amount_due = ?, desk = ? WHERE id = ?",
                           procedure, applicant, amountDue.dong, desk, id)
    }

    /// Marks the dossier cancelled.
    public func cancel(id: Int64, at: Date, reason: String) throws {
        try connection.run("UPDATE dossier SET cancelled_at = ?, cancel_reason = ? WHERE id = ? AND cancelled_at IS NULL",
                           calendar.timestamp(at), reason, id)
    }

    /// The dossier with `code`, or nil.
    public func find(code: String) throws -> StoredDossier? {
        try connection.queryOne(DossierRepository.select + " WHERE d.code = ?", code) { row throws(StoreError) in
            try stored(from: row)
        }
    }

    /// The dossier whose payment reference is `reference`, or nil.
    public func find(reference: String) throws -> StoredDossier? {
        try connection.queryOne(DossierRepository.select + " WHERE d.reference = ?", reference) { row throws(StoreError) in
            try stored(from: row)
        }
    }

    /// Dossiers registered on `date` (all when nil) with `status` (all when nil), oldest first.
    public func list(status: DossierStatus? = nil, date: LocalDate? = nil) throws -> [StoredDossier] {
        var sql = "SELECT * FROM (" + DossierRepository.select
        var arguments: [any SQLBindable] = []
        if let date {
            sql += " WHERE d.business_date = ?"
            arguments.append(date.description)
        }
        sql += ")"
        if let status {
            sql += " WHERE \(DossierRepository.statusExpression) = ?"
            arguments.append(status.rawValue)
        }
        var result: [StoredDossier] = []
        try connection.forEach(sql + " ORDER BY registered_at, id", arguments) { row throws(StoreError) in
            result.append(try stored(from: row))
        }
        return result
    }

    /// Cash payments (not voided) and allocations (not reversed) counted for the dossier, oldest first.
    public func payments(dossierID: Int64) throws -> [Payment] {
        var payments: [Payment] = []
        try connection.forEach("""
            SELECT 'cash', amount, paid_at, receipt_no FROM cash_payment WHERE dossier_id = ?1 AND voided_at IS NULL
            UNION ALL
            SELECT 'cashless', a.amount, COALESCE(c.booked_at, c.booking_date || 'T00:00:00+07:00'), CAST(c.id AS TEXT)
            FROM allocation a JOIN credit c ON c.id = a.credit_id WHERE a.dossier_id = ?1 AND a.reversed_at IS NULL
            ORDER BY 3, 4
            """, [dossierID]) { row throws(StoreError) in
            guard let source = PaymentSource(rawValue: try row.requiredText(0)) else { throw StoreError.corrupt("payment source") }
            payments.append(Payment(source: source, amount: Money(dong: row.int64(1)),
                                    at: try DossierRepository.date(try row.requiredText(2)), reference: try row.requiredText(3)))
        }
        return payments
    }

    /// Number of dossiers stored.
    public func count() throws -> Int64 {
        try connection.queryOne("SELECT COUNT(*) FROM dossier") { row in row.int64(0) } ?? 0
    }

    static let paidExpression = """
        (SELECT COALESCE(SUM(a.amount), 0) FROM allocation a WHERE a.dossier_id = d.id AND a.reversed_at IS NULL)
        + (SELECT COALESCE(SUM(c.amount), 0) FROM cash_payment c WHERE c.dossier_id = d.id AND c.voided_at IS NULL)
        """

    /// The stable status name, computed from the `paid` and `amount_due` columns of `select`.
    static let statusExpression = """
        CASE WHEN paid <= 0 THEN 'unpaid' WHEN paid < amount_due THEN 'partially_paid'
             WHEN paid = amount_due THEN 'paid' ELSE 'overpaid' END
        """

    static let select = """
        SELECT d.id, d.code, d.procedure, d.applicant, d.amount_due, d.desk, d.reference, d.registered_at,
               d.cancelled_at, d.cancel_reason, \(paidExpression) AS paid
        FROM dossier d
        """

    private func stored(from row: SQLiteRow) throws(StoreError) -> StoredDossier {
        var cancellation: Dossier.Cancellation?
        if let at = row.text(8) {
            cancellation = Dossier.Cancellation(at: try DossierRepository.date(at), reason: row.text(9) ?? "")
        }
        let dossier = Dossier(
            code: try row.requiredText(1), procedure: try row.requiredText(2), applicant: try row.requiredText(3),
            amountDue: Money(dong: row.int64(4)), desk: row.text(5),
            reference: PaymentReference(storedText: try row.requiredText(6)),
            registeredAt: try DossierRepository.date(try row.requiredText(7)), cancellation: cancellation)
        return StoredDossier(id: row.int64(0), dossier: dossier, paid: Money(dong: row.int64(10)))
    }

    static func date(_ text: String) throws(StoreError) -> Date {
        do {
            return try Timestamp.parse(text)
        } catch {
            throw StoreError.corrupt(error.message)
        }
    }
}
