/// What a staff account may do. Each HTTP route names the roles it admits; `admin` is admitted everywhere.
public enum StaffRole: String, Sendable, CaseIterable, Codable {
    /// Fee desk clerk: registers dossiers, shows QR codes, takes cash.
    case desk
    /// Accountant: imports statements, works the review queue, closes days, prints reports.
    case accountant
    /// Administrator: everything.
    case admin
    /// The one-stop system's integration account: pushes dossiers in bulk.
    case register

    /// Parses a `--role` value.
    public init(parsing text: String) throws(AppError) {
        guard let role = StaffRole(rawValue: text) else {
            throw AppError.input("role '\(text)' is not one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = role
    }
}

/// Who is making a request: a staff user with a role.
public struct Principal: Sendable, Equatable {
    /// The user name.
    public let name: String
    /// The role.
    public let role: StaffRole

    /// The audit journal's actor text: `user:<name>`.
    public var actor: String { "user:\(name)" }

    /// True when the role is `admin` or one of `roles`.
    public func may(_ roles: Set<StaffRole>) -> Bool { role == .admin || roles.contains(role) }
}
