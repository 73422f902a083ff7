import FeeDeskCore
import FeeDeskCrypto
import FeeDeskStore
import Foundation
import Synchronization

/// A signed-in browser: who it is and the CSRF token its state-changing requests must carry.
public struct WebSession: Sendable, Equatable {
    /// The staff member.
    public let principal: Principal
    /// The synchronizer token every non-GET request of this session must send back.
    public let csrfToken: String
    /// SHA-256 (hex) of the cookie's session id: the only form of the id the database holds.
    let idHash: String
}

/// Browser sessions of the web UI, stored in the `web_session` table.
///
/// The cookie carries 32 random bytes; the database keeps only their SHA-256, so a copy of the
/// database cannot be replayed as a cookie. A session ends at sign-out, `absoluteLifetime` after
/// sign-in (a working day), or after `idleTimeout` without a request. The idle clock lives in memory:
/// after a restart every live session starts a fresh idle period, never a longer absolute one.
public final class WebSessions: Sendable {
    /// How long sessions live.
    public struct Policy: Sendable, Equatable {
        /// From sign-in to forced sign-out, seconds (10 h: one office day, 7:00 to 17:00).
        public var absoluteLifetime: TimeInterval = 10 * 3600
        /// Without any request for this long, seconds, the session ends (2 h: longer than the lunch break).
        public var idleTimeout: TimeInterval = 2 * 3600

        /// The default policy.
        public init() {}
    }

    /// The policy in force.
    public let policy: Policy
    private let app: FeeDesk
    private let clock: any WallClock
    /// Last request time per session id hash.
    private let lastSeen = Mutex<[String: Date]>([:])

    /// Sessions of `app`, timed by `clock` (the application's clock unless given).
    public init(app: FeeDesk, policy: Policy = Policy(), clock: (any WallClock)? = nil) {
        self.app = app
        self.policy = policy
        self.clock = clock ?? app.clock
    }

    /// Starts a session for `principal` (audited as `session.start`); returns the cookie value, shown
    /// to nobody but the browser, and the session.
    public func start(for principal: Principal, from address: String) throws -> (cookie: String, session: WebSession) {
        let cookie = try SecureRandom.token(byteCount: 32)
        let csrf = try SecureRandom.token(byteCount: 32)
        let idHash = Digest.sha256Hex(cookie)
        let now = clock.now()
        let calendar = app.calendar
        try app.database.write { connection in
            let users = UserRepository(connection)
            guard let user = try users.find(name: principal.name), !user.disabled else {
                throw CoreError(.notFound, "no active user is called '\(principal.name)'")
            }
            try users.insertSession(userID: user.id, idHash: idHash, csrfToken: csrf, at: calendar.timestamp(now),
                                    expiresAt: calendar.timestamp(now.addingTimeInterval(policy.absoluteLifetime)))
            try AuditJournal.append(connection, at: calendar.timestamp(now), actor: principal.actor, action: "session.start",
                                    entity: "web_session", entityID: String(idHash.prefix(12)), details: ["from": address])
        }
        lastSeen.withLock { seen in
            seen = seen.filter { now.timeIntervalSince($0.value) < policy.idleTimeout }
            seen[idHash] = now
        }
        return (cookie, WebSession(principal: principal, csrfToken: csrf, idHash: idHash))
    }

    /// The live session whose cookie value is `cookie`, or nil when it is unknown, ended, past its
    /// absolute lifetime, idle too long (it is ended then), or its user is disabled. Refreshes the idle clock.
    public func session(cookie: String) throws -> WebSession? {
        guard WebSessions.isWellFormed(cookie) else { return nil }
        let idHash = Digest.sha256Hex(cookie)
        let now = clock.now()
        let found = try app.database.read { connection in
            try UserRepository(connection).session(idHash: idHash, now: app.calendar.timestamp(now))
        }
        guard let (user, csrf) = found, let role = StaffRole(rawValue: user.role) else {
            lastSeen.withLock { _ = $0.removeValue(forKey: idHash) }
            return nil
        }
        let idle = lastSeen.withLock { seen -> Bool in
            if let last = seen[idHash], now.timeIntervalSince(last) >= policy.idleTimeout {
                seen.removeValue(forKey: idHash)
                return true
            }
            seen[idHash] = now
            return false
        }
        if idle {
            try endSession(idHash: idHash, at: now)
            return nil
        }
        return WebSession(principal: Principal(name: user.name, role: role), csrfToken: csrf, idHash: idHash)
    }

    /// Ends the session whose cookie value is `cookie` (sign-out); unknown values are ignored.
    public func end(cookie: String) throws {
        guard WebSessions.isWellFormed(cookie) else { return }
        let idHash = Digest.sha256Hex(cookie)
        lastSeen.withLock { _ = $0.removeValue(forKey: idHash) }
        try endSession(idHash: idHash, at: clock.now())
    }

    private func endSession(idHash: String, at now: Date) throws {
        try app.database.write { connection in
            try UserRepository(connection).endSession(idHash: idHash, at: app.calendar.timestamp(now))
        }
    }

    /// True when `cookie` can be a session id: 43 URL-safe base64 characters (32 bytes).
    static func isWellFormed(_ cookie: String) -> Bool {
        cookie.utf8.count == 43 && cookie.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
        }
    }

    /// True when `sent` equals the session's CSRF token (constant-time).
    public static func csrfMatches(_ sent: String?, _ session: WebSession) -> Bool {
        guard let sent, !sent.isEmpty else { return false }
        return ConstantTime.equals(Array(sent.utf8), Array(session.csrfToken.utf8))
    }
}
