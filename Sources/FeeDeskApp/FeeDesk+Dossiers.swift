import FeeDeskCore
import FeeDeskStore
import Foundation

/// A request to register a dossier's fee.
public struct NewDossier: Sendable {
    /// The one-stop system's dossier code.
    public var code: String
    /// The procedure code in the fee schedule.
    public var procedure: String
    /// The amount due when it differs from the schedule (per-page fees, ranges); nil takes the schedule's.
    public var amount: Money?
    /// The applicant's name.
    public var applicant: String
    /// The desk that registers it.
    public var desk: String?
    /// When it was received; nil means now.
    public var registeredAt: Date?

    /// A request with every field.
    public init(code: String, procedure: String, amount: Money? = nil, applicant: String = "", desk: String? = nil, registeredAt: Date? = nil) {
        self.code = code
        self.procedure = procedure
        self.amount = amount
        self.applicant = applicant
        self.desk = desk
        self.registeredAt = registeredAt
    }
}

extension FeeDesk {
    /// Registers a dossier's fee and gives it a payment reference (one transaction, audited).
    public func addDossier(_ request: NewDossier, by actor: String) throws -> DossierDetail {
        try database.write { connection in
            let stored = try insertDossier(request, connection: connection, by: actor)
            try rematchWaitingCredits(connection: connection, at: nowStamp())
            guard let current = try DossierRepository(connection, calendar: calendar).find(code: stored.dossier.code) else { return try detail(of: stored, connection: connection) }
            return try detail(of: current, connection: connection)
        }
    }

    /// Validates and inserts `request` inside an open write transaction.
    func insertDossier(_ request: NewDossier, connection: SQLiteConnection, by actor: String) throws -> StoredDossier {
        let code = try DossierCode.validate(request.code, policy: config.dossierCodePolicy)
        guard let (fee, active) = try FeeRepository(connection).find(procedure: request.procedure) else {
            throw CoreError(.notFound, "procedure '\(request.procedure)' is not in the fee schedule")
        }
        guard active else { throw CoreError(.conflict, "procedure '\(request.procedure)' is no longer in the fee schedule") }
        let amount = request.amount ?? fee.amount
        guard amount.isPositive, amount <= .maximum else {
            throw CoreError(.invalid, "amount \(amount.dong) must be between 1 and \(Money.maximum.dong) đồng")
        }
        let applicant = request.applicant.trimmingCharacters(in: .whitespacesAndNewlines)
        guard applicant.count <= 200 else { throw CoreError(.invalid, "applicant name is longer than 200 characters") }
        let desk = request.desk?.trimmingCharacters(in: .whitespacesAndNewlines)
        let dossiers = DossierRepository(connection, calendar: calendar)
        if try dossiers.find(code: code) != nil {
            throw CoreError(.conflict, "dossier '\(code)' is already registered")
        }
        let reference = try PaymentReference(sequence: try dossiers.nextReferenceSequence(), format: config.referenceFormat)
        let dossier = Dossier(code: code, procedure: fee.procedure, applicant: applicant, amountDue: amount,
                              desk: desk?.isEmpty == false ? desk : nil, reference: reference,
                              registeredAt: request.registeredAt ?? clock.now())
        let id = try dossiers.insert(dossier)
        try AuditJournal.append(connection, at: nowStamp(), actor: actor, action: "dossier.add", entity: "dossier", entityID: code,
                                details: ["procedure": fee.procedure, "amount": String(amount.dong), "reference": reference.text])
        return StoredDossier(id: id, dossier: dossier, paid: .zero)
    }

    /// The dossier with `code`, with its payments.
    public func dossier(code: String) throws -> DossierDetail {
        try database.read { connection in
            guard let stored = try DossierRepository(connection, calendar: calendar).find(code: code.uppercased()) else {
                throw CoreError(.notFound, "no dossier has the code '\(code)'")
            }
            return try detail(of: stored, connection: connection)
        }
    }

    /// Dossiers with `status` registered on `date` (either filter may be nil), oldest first.
    public func dossiers(status: DossierStatus? = nil, date: LocalDate? = nil) throws -> [DossierDetail] {
        try database.read { connection in
            let fees = try Dictionary(FeeRepository(connection).all().map { ($0.procedure, $0) }, uniquingKeysWith: { a, _ in a })
            let repository = DossierRepository(connection, calendar: calendar)
            return try repository.list(status: status, date: date).map { stored in
                DossierDetail(stored, fee: fees[stored.dossier.procedure], payments: try repository.payments(dossierID: stored.id),
                              receipts: try ReceiptRepository(connection).receipts(dossierID: stored.id), calendar: calendar)
            }
        }
    }

    func detail(of stored: StoredDossier, connection: SQLiteConnection) throws -> DossierDetail {
        let fee = try FeeRepository(connection).find(procedure: stored.dossier.procedure)?.fee
        let payments = try DossierRepository(connection, calendar: calendar).payments(dossierID: stored.id)
        return DossierDetail(stored, fee: fee, payments: payments, receipts: try ReceiptRepository(connection).receipts(dossierID: stored.id),
                             calendar: calendar)
    }
}
