import Foundation

/// A dossier (hồ sơ) whose fee is to be paid, with its payment reference.
public struct Dossier: Sendable, Equatable {
    /// The one-stop system's code, e.g. `000.06.16.G09-261122-0001`.
    public let code: String
    /// The procedure code from the fee schedule.
    public let procedure: String
    /// The applicant's name as registered.
    public let applicant: String
    /// The fee due for this dossier.
    public let amountDue: Money
    /// The desk (quầy) that registered it, if known.
    public let desk: String?
    /// The payment reference the citizen puts in the transfer memo.
    public let reference: PaymentReference
    /// When it was registered.
    public let registeredAt: Date
    /// Set when the dossier no longer accepts payments.
    public let cancellation: Cancellation?

    /// Why and when a dossier was cancelled.
    public struct Cancellation: Sendable, Equatable {
        /// When.
        public let at: Date
        /// Why, as the clerk wrote it.
        public let reason: String

        /// A cancellation at `at` for `reason`.
        public init(at: Date, reason: String) {
            self.at = at
            self.reason = reason
        }
    }

    /// A dossier with every field given.
    public init(code: String, procedure: String, applicant: String, amountDue: Money, desk: String?,
                reference: PaymentReference, registeredAt: Date, cancellation: Cancellation? = nil) {
        self.code = code
        self.procedure = procedure
        self.applicant = applicant
        self.amountDue = amountDue
        self.desk = desk
        self.reference = reference
        self.registeredAt = registeredAt
        self.cancellation = cancellation
    }
}
