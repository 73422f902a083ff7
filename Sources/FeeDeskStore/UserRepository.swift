/// A staff member who may use the API and the web UI.
public struct StaffUser: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let role: String
    public let passwordHash: String
    public let disabled: Bool
}

/// Staff users, API tokens and web sessions. Secrets are stored only as hashes.
public struct UserRepository {
    private let connection: SQLiteConnection

    /// Users read and written through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Creates a user; returns its id.
    public func insert(name: String, role: String, passwordHash: String, at: String) throws -> Int64 {
        try connection.run("INSERT INTO app_user (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                           name, role, passwordHash, at)
        return connection.lastInsertRowID
    }

    /// Replaces a user's password hash and role.
    public func update(id: Int64, role: String, passwordHash: String) throws {
        try connection.run("UPDATE app_user SET role = ?, password_hash = ?, disabled_at = NULL WHERE id = ?", role, passwordHash, id)
    }

    /// The user called `name`, or nil.
    public func find(name: String) throws -> StaffUser? {
        try connection.queryOne("SELECT id, name, role, password_hash, disabled_at IS NOT NULL FROM app_user WHERE name = ?", name) { row throws(StoreError) in
            try UserRepository.user(row)
        }
    }

    /// Every user, by name.
    public func all() throws -> [StaffUser] {
        try connection.query("SELECT id, name, role, password_hash, disabled_at IS NOT NULL FROM app_user ORDER BY name") { row throws(StoreError) in
            try UserRepository.user(row)
        }
    }

    /// Stores a new API token's hash for `userID`.
    public func insertToken(userID: Int64, label: String, tokenHash: String, at: String) throws -> Int64 {
        try connection.run("INSERT INTO api_token (user_id, label, token_hash, created_at) VALUES (?, ?, ?, ?)",
                           userID, label, tokenHash, at)
        return connection.lastInsertRowID
    }

    /// The enabled user owning the live token whose hash is `tokenHash`.
    public func user(tokenHash: String) throws -> StaffUser? {
        try connection.queryOne("""
            SELECT u.id, u.name, u.role, u.password_hash, u.disabled_at IS NOT NULL FROM api_token t JOIN app_user u ON u.id = t.user_id
            WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled_at IS NULL
            """, tokenHash) { row throws(StoreError) in try UserRepository.user(row) }
    }

    /// Revokes every live token of `userID` labelled `label`; returns how many.
    public func revokeTokens(userID: Int64, label: String, at: String) throws -> Int {
        try connection.run("UPDATE api_token SET revoked_at = ? WHERE user_id = ? AND label = ? AND revoked_at IS NULL", at, userID, label)
    }

    /// Stores a new web session.
    public func insertSession(userID: Int64, idHash: String, csrfToken: String, at: String, expiresAt: String) throws {
        try connection.run("INSERT INTO web_session (user_id, id_hash, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                           userID, idHash, csrfToken, at, expiresAt)
    }

    /// The user and CSRF token of the live session whose id hash is `idHash`, unexpired at `now`.
    public func session(idHash: String, now: String) throws -> (user: StaffUser, csrfToken: String)? {
        try connection.queryOne("""
            SELECT u.id, u.name, u.role, u.password_hash, u.disabled_at IS NOT NULL, s.csrf_token
            FROM web_session s JOIN app_user u ON u.id = s.user_id
            WHERE s.id_hash = ? AND s.ended_at IS NULL AND s.expires_at > ? AND u.disabled_at IS NULL
            """, idHash, now) { row throws(StoreError) in (try UserRepository.user(row), try row.requiredText(5)) }
    }

    /// Ends the session whose id hash is `idHash`.
    public func endSession(idHash: String, at: String) throws {
        try connection.run("UPDATE web_session SET ended_at = ? WHERE id_hash = ? AND ended_at IS NULL", at, idHash)
    }

    private static func user(_ row: SQLiteRow) throws(StoreError) -> StaffUser {
        StaffUser(id: row.int64(0), name: try row.requiredText(1), role: try row.requiredText(2),
                  passwordHash: try row.requiredText(3), disabled: row.int64(4) == 1)
    }
}
