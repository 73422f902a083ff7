import FeeDeskCore
import FeeDeskStore
import Foundation

/// What is due to the State Treasury for a period (stable JSON: from, to, kinds[{kind, collected,
/// refunded, remitted, due}]).
public struct RemittanceDue: Sendable, Equatable, Encodable {
    /// One fee kind (phí or lệ phí), with its fields.
    public struct Kind: Sendable, Equatable, Encodable {
        public let kind: FeeKind
        public let collected: Money
        public let refunded: Money
        public let remitted: Money
        public let due: Money
        /// Collected net of refunds, per fee field (lĩnh vực).
        public let fields: [String: Money]
    }

    public let from: LocalDate
    public let to: LocalDate
    public let kinds: [Kind]
}

extension FeeDesk {
    /// Fees collected between `from` and `to` (cash by receipt date, cashless by booking date), per kind
    /// and field, what cancellations gave back, what was remitted, and what is still due.
    public func remittanceDue(from: LocalDate, to: LocalDate) throws -> RemittanceDue {
        guard from <= to else { throw CoreError(.invalid, "--from \(from) is after --to \(to)") }
        return try database.read { connection in
            var collected: [FeeKind: Money] = [:], refunded: [FeeKind: Money] = [:], remitted: [FeeKind: Money] = [:]
            var fields: [FeeKind: [String: Money]] = [:]
            try connection.forEach("""
                SELECT f.kind, f.field, SUM(p.amount), SUM(p.refunded) FROM (
                    SELECT d.procedure, c.amount AS amount, 0 AS refunded FROM cash_payment c JOIN dossier d ON d.id = c.dossier_id
                    WHERE c.voided_at IS NULL AND c.business_date BETWEEN ?1 AND ?2
                    UNION ALL
                    SELECT d.procedure, a.amount, CASE WHEN a.reversed_at IS NOT NULL THEN a.amount ELSE 0 END
                    FROM allocation a JOIN credit k ON k.id = a.credit_id JOIN dossier d ON d.id = a.dossier_id
                    WHERE k.booking_date BETWEEN ?1 AND ?2 AND (a.reversed_at IS NULL OR d.cancelled_at IS NOT NULL)
                ) p JOIN fee f ON f.procedure = p.procedure GROUP BY f.kind, f.field
                """, [from.description, to.description]) { row throws(StoreError) in
                guard let kind = FeeKind(rawValue: try row.requiredText(0)) else { throw StoreError.corrupt("fee kind") }
                let gross = Money(dong: row.int64(2)), back = Money(dong: row.int64(3))
                collected[kind, default: .zero] += gross
                refunded[kind, default: .zero] += back
                fields[kind, default: [:]][try row.requiredText(1)] = gross - back
            }
            try connection.forEach("SELECT kind, SUM(amount) FROM remittance WHERE business_date BETWEEN ? AND ? GROUP BY kind",
                                   [from.description, to.description]) { row throws(StoreError) in
                if let kind = FeeKind(rawValue: try row.requiredText(0)) { remitted[kind] = Money(dong: row.int64(1)) }
            }
            let kinds = FeeKind.allCases.map { kind in
                let net = (collected[kind] ?? .zero) - (refunded[kind] ?? .zero)
                return RemittanceDue.Kind(kind: kind, collected: collected[kind] ?? .zero, refunded: refunded[kind] ?? .zero,
                                          remitted: remitted[kind] ?? .zero, due: net - (remitted[kind] ?? .zero), fields: fields[kind] ?? [:])
            }
            return RemittanceDue(from: from, to: to, kinds: kinds)
        }
    }

    /// Records a transfer to the Treasury; refused when it exceeds what was collected and not yet
    /// remitted for that kind up to `date`.
    public func recordRemittance(kind: FeeKind, amount: Money, date: LocalDate, reference: String, by actor: String) throws -> RemittanceDue {
        let reference = try Self.checkedReference(reference)
        guard amount.isPositive else { throw CoreError(.invalid, "the remittance must be more than 0 đồng") }
        let due = try remittanceDue(from: LocalDate(daysSinceEpoch: 0), to: date).kinds.first { $0.kind == kind }?.due ?? .zero
        guard amount <= due else {
            throw CoreError(.invalid, "a remittance of \(amount.formatted) is more than the \(due.formatted) of \(kind.displayName.lowercased()) collected and not yet remitted up to \(date)")
        }
        try database.write { connection in
            let money = MoneyOutRepository(connection)
            guard try !money.referenceUsed(reference) else { throw CoreError(.conflict, "reference '\(reference)' is already used") }
            let stamp = nowStamp()
            let id = try money.insertRemittance(kind: kind, amount: amount, day: date, reference: reference, at: stamp, by: actor)
            try AuditJournal.append(connection, at: stamp, actor: actor, action: "remittance.record", entity: "remittance", entityID: String(id),
                                    details: ["kind": kind.rawValue, "amount": String(amount.dong), "date": date.description, "reference": reference])
            try explainMoneyOut(connection: connection)
        }
        return try remittanceDue(from: date, to: date)
    }
}
