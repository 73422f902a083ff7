import FeeDeskCore
import FeeDeskCrypto
import FeeDeskStore
import Foundation

extension FeeDesk {
    /// The shortest password FeeDesk accepts.
    public static let minimumPasswordLength = 10

    /// Creates a staff user (audited). The password is stored as a PBKDF2 hash with its own salt.
    public func addUser(name: String, role: StaffRole, password: String, by actor: String) throws {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64,
              trimmed.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) else {
            throw CoreError(.invalid, "user name '\(name)' may hold only letters, digits and . _ - @ (64 at most)")
        }
        guard password.count >= FeeDesk.minimumPasswordLength else {
            throw CoreError(.invalid, "the password must have at least \(FeeDesk.minimumPasswordLength) characters")
        }
        let hash = try PasswordHash.make(password)
        try database.write { connection in
            let users = UserRepository(connection)
            if try users.find(name: trimmed) != nil { throw CoreError(.conflict, "user '\(trimmed)' already exists") }
            let id = try users.insert(name: trimmed, role: role.rawValue, passwordHash: hash, at: nowStamp())
            try AuditJournal.append(connection, at: nowStamp(), actor: actor, action: "user.add", entity: "app_user",
                                    entityID: String(id), details: ["name": trimmed, "role": role.rawValue])
        }
    }

    /// Creates an API token for `user` and returns it; only its SHA-256 is stored, so it is shown once.
    public func createToken(user name: String, label: String, by actor: String) throws -> String {
        let token = "fdk_" + (try SecureRandom.token(byteCount: 32))
        try database.write { connection in
            let users = UserRepository(connection)
            guard let user = try users.find(name: name), !user.disabled else { throw CoreError(.notFound, "no active user is called '\(name)'") }
            let id = try users.insertToken(userID: user.id, label: label, tokenHash: Digest.sha256Hex(token), at: nowStamp())
            try AuditJournal.append(connection, at: nowStamp(), actor: actor, action: "token.create", entity: "api_token",
                                    entityID: String(id), details: ["user": name, "label": label])
        }
        return token
    }

    /// The staff member a bearer token belongs to, or nil for an unknown, revoked or disabled one.
    public func principal(bearerToken token: String) throws -> Principal? {
        guard token.hasPrefix("fdk_"), token.count < 200 else { return nil }
        let user = try database.read { connection in try UserRepository(connection).user(tokenHash: Digest.sha256Hex(token)) }
        return user.flatMap { user in StaffRole(rawValue: user.role).map { Principal(name: user.name, role: $0) } }
    }

    /// The staff member with this name and password, or nil (the time taken does not reveal which was wrong).
    public func principal(name: String, password: String) throws -> Principal? {
        let user = try database.read { connection in try UserRepository(connection).find(name: name) }
        // Hash even for an unknown user, so that timing does not tell which names exist.
        let stored = user?.passwordHash ?? FeeDesk.decoyHash
        guard PasswordHash.verify(password, against: stored), let user, !user.disabled, let role = StaffRole(rawValue: user.role) else {
            return nil
        }
        return Principal(name: user.name, role: role)
    }

    private static let decoyHash = "pbkdf2-sha256$600000$00000000000000000000000000000000$" + String(repeating: "0", count: 64)
}
