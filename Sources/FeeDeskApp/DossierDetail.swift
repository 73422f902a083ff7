import FeeDeskCore
import FeeDeskStore

/// A dossier as the CLI and the API show it. The keys of ARCHITECTURE.md are stable; others may be added.
public struct DossierDetail: Sendable, Equatable, Encodable {
    /// One payment counted for the dossier.
    public struct PaymentLine: Sendable, Equatable, Encodable {
        /// `cash` or `cashless`.
        public let source: PaymentSource
        /// Đồng.
        public let amount: Money
        /// ISO 8601 with offset.
        public let at: String
        /// Receipt number (cash) or credit id (cashless).
        public let reference: String
    }

    public let code: String
    public let procedure: String
    public let procedureName: String
    public let field: String
    public let kind: FeeKind
    public let applicant: String
    public let desk: String?
    public let amountDue: Money
    public let paid: Money
    /// What is still owed (zero when paid or overpaid).
    public let outstanding: Money
    public let status: DossierStatus
    public let reference: String
    public let registeredAt: String
    public let cancelled: Bool
    public let cancelReason: String?
    public let payments: [PaymentLine]
    /// FeeDesk's register receipts for its payments (cancelled ones too), oldest first.
    public let receipts: [ReceiptLine]
}

extension DossierDetail {
    /// The detail of `stored`, with the procedure looked up in `fees` and its `payments`.
    init(_ stored: StoredDossier, fee: Fee?, payments: [Payment], receipts: [ReceiptLine], calendar: BusinessCalendar) {
        let dossier = stored.dossier
        code = dossier.code
        procedure = dossier.procedure
        procedureName = fee?.name ?? ""
        field = fee?.field ?? ""
        kind = fee?.kind ?? .lePhi
        applicant = dossier.applicant
        desk = dossier.desk
        amountDue = dossier.amountDue
        paid = stored.paid
        outstanding = max(.zero, dossier.amountDue - stored.paid)
        status = stored.status
        reference = dossier.reference.text
        registeredAt = calendar.timestamp(dossier.registeredAt)
        cancelled = dossier.cancellation != nil
        cancelReason = dossier.cancellation?.reason
        self.payments = payments.map {
            PaymentLine(source: $0.source, amount: $0.amount, at: calendar.timestamp($0.at), reference: $0.reference)
        }
        self.receipts = receipts
    }
}
