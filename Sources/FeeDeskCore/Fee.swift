/// Whether a fee is a *phí* (service fee, to the Treasury account awaiting remittance) or a *lệ phí*
/// (administrative charge, to the state budget). Reports and remittances split by kind.
public enum FeeKind: String, Sendable, Codable, CaseIterable {
    /// Phí: a service fee.
    case phi
    /// Lệ phí: an administrative charge.
    case lePhi = "le_phi"

    /// The Vietnamese name: `Phí` or `Lệ phí`.
    public var displayName: String {
        switch self {
        case .phi: "Phí"
        case .lePhi: "Lệ phí"
        }
    }
}

/// One line of the fee schedule: the fee an administrative procedure carries.
public struct Fee: Sendable, Hashable, Codable {
    /// The procedure's code (national TTHC code or a local code), unique in the schedule.
    public let procedure: String
    /// The procedure's name, in Vietnamese.
    public let name: String
    /// The field (lĩnh vực) the procedure belongs to, e.g. `Chứng thực`.
    public let field: String
    /// Phí or lệ phí.
    public let kind: FeeKind
    /// The standard amount; a dossier may carry another (per-page fees, provincial ranges).
    public let amount: Money

    /// A fee line, validated: non-empty code, name and field, amount above zero and within limits.
    public init(procedure: String, name: String, field: String, kind: FeeKind, amount: Money) throws(CoreError) {
        let code = procedure.trimmingSpaces()
        guard !code.isEmpty else { throw CoreError(.invalid, "procedure code is empty") }
        guard code.count <= 64, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-/".contains($0)) }) else {
            throw CoreError(.invalid, "procedure code '\(procedure)' may hold only letters, digits and . _ - / (64 at most)")
        }
        guard !name.trimmingSpaces().isEmpty else { throw CoreError(.invalid, "procedure '\(code)' has an empty name") }
        guard !field.trimmingSpaces().isEmpty else { throw CoreError(.invalid, "procedure '\(code)' has an empty field") }
        guard amount.isPositive, amount <= .maximum else {
            throw CoreError(.invalid, "procedure '\(code)' amount \(amount.dong) must be between 1 and \(Money.maximum.dong) đồng")
        }
        self.procedure = code
        self.name = name.trimmingSpaces()
        self.field = field.trimmingSpaces()
        self.kind = kind
        self.amount = amount
    }
}
