import FeeDeskCore
import FeeDeskStore

/// The remittance statement of a period (bảng kê nộp ngân sách): per fee kind and field what was
/// collected, given back and remitted to the State Treasury, what is still due, and each remittance
/// recorded in the period with the statement debit that shows it (stable JSON: unit, from, to, kinds,
/// remittances, totals, generatedAt).
public struct RemittanceReport: Sendable, Encodable {
    /// One transfer to the Treasury.
    public struct Remittance: Sendable, Encodable, Equatable {
        public let id: Int64
        public let date: LocalDate
        public let kind: FeeKind
        public let amount: Money
        public let reference: String
        public let recordedBy: String
        /// Whether a statement debit line has been matched to it (seen leaving the account).
        public let onStatement: Bool
    }

    /// Collected, refunded, remitted and due over every kind.
    public struct Totals: Sendable, Encodable, Equatable {
        public let collected: Money
        public let refunded: Money
        public let remitted: Money
        public let due: Money
    }

    public let unit: String
    public let from: LocalDate
    public let to: LocalDate
    public let kinds: [RemittanceDue.Kind]
    public let remittances: [Remittance]
    public let totals: Totals
    public let generatedAt: String

    /// True when the kinds' figures add up: due = collected − refunded − remitted per kind, the fields
    /// sum to the net collected, the listed remittances to what was remitted, and the totals to the kinds.
    public var addsUp: Bool {
        let kindsOK = kinds.allSatisfy { kind in
            kind.due == kind.collected - kind.refunded - kind.remitted
                && kind.fields.values.reduce(Money.zero, +) == kind.collected - kind.refunded
                && remittances.filter { $0.kind == kind.kind }.map(\.amount).reduce(Money.zero, +) == kind.remitted
        }
        return kindsOK && totals.collected == kinds.map(\.collected).reduce(.zero, +)
            && totals.refunded == kinds.map(\.refunded).reduce(.zero, +)
            && totals.remitted == kinds.map(\.remitted).reduce(.zero, +) && totals.due == kinds.map(\.due).reduce(.zero, +)
    }
}

extension FeeDesk {
    /// The remittance statement of `period` (both dates included).
    public func remittanceReport(_ period: ReportPeriod) throws -> RemittanceReport {
        let due = try remittanceDue(from: period.from, to: period.to)
        let remittances = try remittances(from: period.from, to: period.to)
        let sum = { (figure: (RemittanceDue.Kind) -> Money) in due.kinds.map(figure).reduce(Money.zero, +) }
        return RemittanceReport(unit: config.unit.name, from: period.from, to: period.to, kinds: due.kinds, remittances: remittances,
                                totals: .init(collected: sum(\.collected), refunded: sum(\.refunded), remitted: sum(\.remitted), due: sum(\.due)),
                                generatedAt: nowStamp())
    }

    /// The remittances recorded with a business date from `from` to `to`, in date order.
    func remittances(from: LocalDate, to: LocalDate) throws -> [RemittanceReport.Remittance] {
        try database.read { connection in
            try connection.query("""
                SELECT id, business_date, kind, amount, reference, recorded_by, statement_line_id IS NOT NULL FROM remittance
                WHERE business_date BETWEEN ? AND ? ORDER BY business_date, id
                """, from.description, to.description) { row throws(StoreError) in
                guard let kind = FeeKind(rawValue: try row.requiredText(2)) else { throw StoreError.corrupt("remittance kind") }
                let date: LocalDate
                do { date = try LocalDate(parsing: try row.requiredText(1)) } catch { throw StoreError.corrupt("remittance date") }
                return RemittanceReport.Remittance(id: row.int64(0), date: date, kind: kind, amount: Money(dong: row.int64(3)),
                                                   reference: try row.requiredText(4), recordedBy: try row.requiredText(5), onStatement: row.int64(6) == 1)
            }
        }
    }
}
