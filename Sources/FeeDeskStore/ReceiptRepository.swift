import FeeDeskCore

/// Reads FeeDesk's receipt register (the numbers are issued by `ReceiptIssuer`).
public struct ReceiptRepository {
    private let connection: SQLiteConnection

    /// Receipts read through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Every receipt issued from `from` to `to` (both included, dates in the unit's zone), cancelled
    /// ones too, by year, symbol and number. One indexed range scan of `receipt_by_issued`.
    public func register(from: LocalDate, to: LocalDate) throws -> [ReceiptLine] {
        var lines: [ReceiptLine] = []
        try connection.forEach(ReceiptRepository.select + """
             WHERE r.issued_at >= ? AND r.issued_at < ? ORDER BY r.year, r.symbol, r.number
            """, [from.description, to.adding(days: 1).description]) { row throws(StoreError) in
            lines.append(try ReceiptRepository.line(row))
        }
        return lines
    }

    /// The receipts of a dossier's payments, oldest first (cancelled ones too).
    public func receipts(dossierID: Int64) throws -> [ReceiptLine] {
        var lines: [ReceiptLine] = []
        try connection.forEach(ReceiptRepository.select + """
             WHERE r.id IN (SELECT r2.id FROM cash_payment c2 JOIN receipt r2 ON r2.cash_payment_id = c2.id WHERE c2.dossier_id = ?1
                            UNION ALL SELECT r3.id FROM allocation a3 JOIN receipt r3 ON r3.allocation_id = a3.id WHERE a3.dossier_id = ?1)
             ORDER BY r.issued_at, r.id
            """, [dossierID]) { row throws(StoreError) in
            lines.append(try ReceiptRepository.line(row))
        }
        return lines
    }

    /// Number of receipts per status and method, for checks: `(issued, cancelled)`.
    public func counts() throws -> (issued: Int64, cancelled: Int64) {
        try connection.queryOne("SELECT COUNT(*) - COUNT(cancelled_at), COUNT(cancelled_at) FROM receipt") { ($0.int64(0), $0.int64(1)) } ?? (0, 0)
    }

    private static let select = """
        SELECT r.form, r.symbol, r.number, r.issued_at, r.cancelled_at, d.code, d.applicant, d.procedure, COALESCE(f.name, ''),
               COALESCE(f.kind, 'le_phi'), COALESCE(c.amount, a.amount), r.cash_payment_id IS NOT NULL, c.receipt_no
        FROM receipt r
        LEFT JOIN cash_payment c ON c.id = r.cash_payment_id
        LEFT JOIN allocation a ON a.id = r.allocation_id
        JOIN dossier d ON d.id = COALESCE(c.dossier_id, a.dossier_id)
        LEFT JOIN fee f ON f.procedure = d.procedure
        """

    private static func line(_ row: SQLiteRow) throws(StoreError) -> ReceiptLine {
        guard let kind = FeeKind(rawValue: try row.requiredText(9)) else { throw StoreError.corrupt("fee kind of receipt \(row.int64(2))") }
        let cash = row.int64(11) == 1
        return ReceiptLine(form: try row.requiredText(0), symbol: try row.requiredText(1), number: row.int64(2), issuedAt: try row.requiredText(3),
                           cancelledAt: row.text(4), dossier: try row.requiredText(5), applicant: try row.requiredText(6),
                           procedure: try row.requiredText(7), procedureName: try row.requiredText(8), kind: kind,
                           amount: Money(dong: row.int64(10)), source: cash ? .cash : .cashless, cashReceipt: cash ? row.text(12) : nil)
    }
}
