import FeeDeskCore
import FeeDeskStore
import Foundation

/// A refund owed to a payer (stable JSON: credit, owed, paid, payerName, payerAccount, reason).
public struct RefundLine: Sendable, Equatable, Encodable {
    public let credit: Int64
    public let owed: Money
    public let paid: Money
    public let payerName: String?
    public let payerAccount: String?
    public let reason: String
    public let bookingDate: LocalDate
}

extension FeeDesk {
    /// Refunds still owed (or every refund with `includeSettled`).
    public func refundsOwed(includeSettled: Bool = false) throws -> [RefundLine] {
        try database.read { connection in
            try MoneyOutRepository(connection).refundsOwed(includeSettled: includeSettled).map {
                RefundLine(credit: $0.creditID, owed: $0.owed, paid: $0.paid, payerName: $0.payerName, payerAccount: $0.payerAccount,
                           reason: $0.reason, bookingDate: $0.bookingDate)
            }
        }
    }

    /// Records the payout of (part of) a refund; it can never exceed what is still owed. The statement
    /// debit showing it is matched by amount and reference.
    public func payRefund(credit id: Int64, amount: Money, reference: String, by actor: String) throws -> RefundLine {
        let reference = try Self.checkedReference(reference)
        guard amount.isPositive else { throw CoreError(.invalid, "the refund amount must be more than 0 đồng") }
        return try database.write { connection in
            let money = MoneyOutRepository(connection)
            guard let credit = try ReviewRepository(connection).credit(id: id) else { throw CoreError(.notFound, "no credit has the number \(id)") }
            let left = credit.owedBack - (try money.paidOut(creditID: id))
            guard left.isPositive else { throw CoreError(.conflict, "credit #\(id) owes nothing more; its refund is paid") }
            guard amount <= left else { throw CoreError(.invalid, "a refund of \(amount.formatted) is more than the \(left.formatted) still owed on credit #\(id)") }
            guard try !money.referenceUsed(reference) else { throw CoreError(.conflict, "reference '\(reference)' is already used") }
            let stamp = nowStamp()
            let payout = try money.insertPayout(creditID: id, amount: amount, reference: reference, day: calendar.date(of: clock.now()), at: stamp, by: actor)
            try AuditJournal.append(connection, at: stamp, actor: actor, action: "refund.pay", entity: "credit", entityID: String(id),
                                    details: ["amount": String(amount.dong), "reference": reference, "payout": String(payout)])
            try explainMoneyOut(connection: connection)
            let owed = try money.refundsOwed(includeSettled: true).first { $0.creditID == id }
            return RefundLine(credit: id, owed: owed?.owed ?? credit.owedBack, paid: owed?.paid ?? amount, payerName: credit.counterpartyName,
                              payerAccount: owed?.payerAccount, reason: credit.note, bookingDate: credit.bookingDate)
        }
    }

    /// Records cash handed to the bank; it can never exceed the cash on hand.
    public func recordCashDeposit(amount: Money, date: LocalDate, reference: String, by actor: String) throws -> Money {
        let reference = try Self.checkedReference(reference)
        guard amount.isPositive else { throw CoreError(.invalid, "the deposit must be more than 0 đồng") }
        return try database.write { connection in
            let onHand = try cashOnHand(until: date, connection: connection)
            guard amount <= onHand else {
                throw CoreError(.invalid, "a deposit of \(amount.formatted) is more than the \(onHand.formatted) of cash on hand on \(date)")
            }
            let money = MoneyOutRepository(connection)
            guard try !money.referenceUsed(reference) else { throw CoreError(.conflict, "reference '\(reference)' is already used") }
            let stamp = nowStamp()
            let id = try money.insertDeposit(amount: amount, day: date, reference: reference, at: stamp, by: actor)
            try AuditJournal.append(connection, at: stamp, actor: actor, action: "cash.deposit", entity: "cash_deposit", entityID: String(id),
                                    details: ["amount": String(amount.dong), "date": date.description, "reference": reference])
            try explainMoneyOut(connection: connection)
            return onHand - amount
        }
    }

    /// Cash taken (receipts not voided) up to `date`, less what was deposited.
    func cashOnHand(until date: LocalDate, connection: SQLiteConnection) throws -> Money {
        let taken = try connection.queryOne("SELECT COALESCE(SUM(amount), 0) FROM cash_payment WHERE voided_at IS NULL AND business_date <= ?",
                                            date.description) { $0.int64(0) } ?? 0
        let deposited = try connection.queryOne("SELECT COALESCE(SUM(amount), 0) FROM cash_deposit") { $0.int64(0) } ?? 0
        return Money(dong: taken - deposited)
    }

    static func checkedReference(_ text: String) throws(CoreError) -> String {
        let reference = text.trimmingCharacters(in: .whitespaces)
        guard !reference.isEmpty, reference.count <= 64 else { throw CoreError(.invalid, "the reference must be 1 to 64 characters") }
        return reference
    }
}
