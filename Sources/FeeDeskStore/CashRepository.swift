import FeeDeskCore
import Foundation

/// A cash payment as stored.
public struct CashPaymentRecord: Sendable, Equatable {
    /// The row id.
    public let id: Int64
    /// The dossier it pays.
    public let dossierCode: String
    /// The amount received.
    public let amount: Money
    /// The receipt number written on the receipt.
    public let receipt: String
    /// Who took the money.
    public let cashier: String
    /// When.
    public let paidAt: Date
    /// When and why it was voided, if it was.
    public let voided: (at: Date, reason: String)?

    public static func == (lhs: CashPaymentRecord, rhs: CashPaymentRecord) -> Bool {
        lhs.id == rhs.id && lhs.dossierCode == rhs.dossierCode && lhs.amount == rhs.amount && lhs.receipt == rhs.receipt
            && lhs.cashier == rhs.cashier && lhs.paidAt == rhs.paidAt && lhs.voided?.at == rhs.voided?.at
            && lhs.voided?.reason == rhs.voided?.reason
    }
}

/// Cash payments in the database.
public struct CashRepository {
    private let connection: SQLiteConnection
    private let calendar: BusinessCalendar

    /// Cash payments read and written through `connection`; times in `calendar`'s zone.
    public init(_ connection: SQLiteConnection, calendar: BusinessCalendar) {
        self.connection = connection
        self.calendar = calendar
    }

    /// Stores a cash payment for the dossier with row id `dossierID` and issues its register receipt
    /// (`ReceiptIssuer`); returns its row id.
    @discardableResult
    public func insert(dossierID: Int64, amount: Money, receipt: String, cashier: String, at: Date) throws -> Int64 {
        let stamp = calendar.timestamp(at)
        try connection.run("""
            INSERT INTO cash_payment (dossier_id, amount, receipt_no, cashier, paid_at, business_date)
            VALUES (?, ?, ?, ?, ?, ?)
            """, dossierID, amount.dong, receipt, cashier, stamp, calendar.date(of: at).description)
        let id = connection.lastInsertRowID
        try ReceiptIssuer(connection).issue(cashPaymentID: id, at: stamp)
        return id
    }

    /// The payment with receipt number `receipt`, voided or not.
    public func find(receipt: String) throws -> CashPaymentRecord? {
        try connection.queryOne("""
            SELECT c.id, d.code, c.amount, c.receipt_no, c.cashier, c.paid_at, c.voided_at, c.void_reason
            FROM cash_payment c JOIN dossier d ON d.id = c.dossier_id WHERE c.receipt_no = ?
            """, receipt) { row throws(StoreError) in
            var voided: (Date, String)?
            if let at = row.text(6) { voided = (try DossierRepository.date(at), row.text(7) ?? "") }
            return CashPaymentRecord(id: row.int64(0), dossierCode: try row.requiredText(1), amount: Money(dong: row.int64(2)),
                                     receipt: try row.requiredText(3), cashier: try row.requiredText(4),
                                     paidAt: try DossierRepository.date(try row.requiredText(5)), voided: voided)
        }
    }

    /// Marks the payment `id` void at `at` for `reason`.
    public func void(id: Int64, at: Date, reason: String) throws {
        try connection.run("UPDATE cash_payment SET voided_at = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL",
                           calendar.timestamp(at), reason, id)
    }

    /// Number of cash payments stored (voided included).
    public func count() throws -> Int64 {
        try connection.queryOne("SELECT COUNT(*) FROM cash_payment") { row in row.int64(0) } ?? 0
    }
}
