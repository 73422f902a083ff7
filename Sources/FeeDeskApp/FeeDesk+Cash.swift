import FeeDeskCore
import FeeDeskStore
import Foundation

/// A cash payment taken at the desk.
public struct NewCashPayment: Sendable {
    /// The dossier paid.
    public var dossierCode: String
    /// The amount received.
    public var amount: Money
    /// The receipt number written on the receipt.
    public var receipt: String
    /// Who took the money.
    public var cashier: String
    /// When; nil means now.
    public var at: Date?

    /// A payment with every field.
    public init(dossierCode: String, amount: Money, receipt: String, cashier: String, at: Date? = nil) {
        self.dossierCode = dossierCode
        self.amount = amount
        self.receipt = receipt
        self.cashier = cashier
        self.at = at
    }
}

extension FeeDesk {
    /// Records a cash payment with its receipt number (one transaction, audited) and returns the dossier.
    ///
    /// Refused: unknown or cancelled dossier, a dossier already paid, more cash than is still due, a
    /// receipt number used before (even on a voided receipt).
    public func recordCash(_ payment: NewCashPayment, by actor: String) throws -> DossierDetail {
        try database.write { connection in
            try insertCash(payment, connection: connection, by: actor)
        }
    }

    func insertCash(_ payment: NewCashPayment, connection: SQLiteConnection, by actor: String) throws -> DossierDetail {
        let receipt = try CashReceipt.validate(payment.receipt)
        let cashier = payment.cashier.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cashier.isEmpty else { throw CoreError(.invalid, "cashier name is empty") }
        guard payment.amount.isPositive, payment.amount <= .maximum else {
            throw CoreError(.invalid, "amount \(payment.amount.dong) must be between 1 and \(Money.maximum.dong) đồng")
        }
        let dossiers = DossierRepository(connection, calendar: calendar)
        guard let stored = try dossiers.find(code: payment.dossierCode.uppercased()) else {
            throw CoreError(.notFound, "no dossier has the code '\(payment.dossierCode)'")
        }
        let code = stored.dossier.code
        guard stored.dossier.cancellation == nil else { throw CoreError(.conflict, "dossier '\(code)' is cancelled") }
        let outstanding = stored.dossier.amountDue - stored.paid
        guard outstanding.isPositive else { throw CoreError(.conflict, "dossier '\(code)' is already paid") }
        guard payment.amount <= outstanding else {
            throw CoreError(.invalid, "cash \(payment.amount.formatted) is more than the \(outstanding.formatted) still due on dossier '\(code)'")
        }
        let cash = CashRepository(connection, calendar: calendar)
        if let previous = try cash.find(receipt: receipt) {
            throw CoreError(.conflict, "receipt number '\(receipt)' is already used for dossier '\(previous.dossierCode)'")
        }
        try cash.insert(dossierID: stored.id, amount: payment.amount, receipt: receipt, cashier: cashier, at: payment.at ?? clock.now())
        try AuditJournal.append(connection, at: nowStamp(), actor: actor, action: "cash.record", entity: "cash_payment", entityID: receipt,
                                details: ["dossier": code, "amount": String(payment.amount.dong), "cashier": cashier])
        guard let updated = try dossiers.find(code: code) else { throw CoreError(.notFound, "dossier '\(code)' vanished") }
        return try detail(of: updated, connection: connection)
    }

    /// Voids the cash payment with receipt number `receipt` for `reason` (one transaction, audited);
    /// returns the dossier it paid. The receipt number stays used.
    public func voidCash(receipt: String, reason: String, by actor: String) throws -> DossierDetail {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw CoreError(.invalid, "a reason is required to void a receipt") }
        return try database.write { connection in
            let cash = CashRepository(connection, calendar: calendar)
            let number = receipt.trimmingCharacters(in: .whitespaces)
            guard let record = try cash.find(receipt: number) else {
                throw CoreError(.notFound, "no cash payment has the receipt number '\(receipt)'")
            }
            if record.voided != nil { throw CoreError(.conflict, "receipt '\(number)' is already voided") }
            try cash.void(id: record.id, at: clock.now(), reason: why)
            try AuditJournal.append(connection, at: nowStamp(), actor: actor, action: "cash.void", entity: "cash_payment", entityID: number,
                                    details: ["dossier": record.dossierCode, "amount": String(record.amount.dong), "reason": why])
            guard let stored = try DossierRepository(connection, calendar: calendar).find(code: record.dossierCode) else {
                throw CoreError(.notFound, "dossier '\(record.dossierCode)' vanished")
            }
            return try detail(of: stored, connection: connection)
        }
    }
}
