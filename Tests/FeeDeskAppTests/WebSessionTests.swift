@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskCrypto
import FeeDeskStore
import Foundation
import Testing

@Suite struct WebSessionTests {
    /// A fresh database with user `clerk` (cheaply hashed password), and sessions timed by a fake clock.
    func setUp() throws -> (FeeDesk, WebSessions, FakeClock) {
        let app = try FeeDesk(config: FeeDeskConfig.load(path: AppFixture().configPath))
        try app.setUp(by: "test")
        let hash = try PasswordHash.make("long enough password", iterations: 1_000)
        _ = try app.database.write { connection in
            try UserRepository(connection).insert(name: "clerk", role: "desk", passwordHash: hash, at: "2026-11-22T07:00:00+07:00")
        }
        let clock = try FakeClock()
        return (app, WebSessions(app: app, clock: clock), clock)
    }

    @Test func aSessionIsStoredOnlyAsTheHashOfItsCookie() throws {
        let (app, sessions, _) = try setUp()
        let (cookie, started) = try sessions.start(for: Principal(name: "clerk", role: .desk), from: "192.0.2.1")
        #expect(WebSessions.isWellFormed(cookie))
        let found = try sessions.session(cookie: cookie)
        #expect(found == started)
        #expect(found?.principal == Principal(name: "clerk", role: .desk))
        #expect(found?.csrfToken.count == 43)
        let stored = try app.database.read { connection in
            try connection.query("SELECT id_hash, csrf_token, created_at, expires_at FROM web_session") { row throws(StoreError) in
                [try row.requiredText(0), try row.requiredText(1), try row.requiredText(2), try row.requiredText(3)]
            }
        }
        #expect(stored == [[Digest.sha256Hex(cookie), started.csrfToken, "2026-11-22T07:30:00+07:00", "2026-11-22T17:30:00+07:00"]])
        #expect(!stored[0].contains(cookie))
        #expect(try app.verifyAudit().rows > 0)
    }

    @Test func aSessionEndsTenHoursAfterSignInWhateverTheActivity() throws {
        let (_, sessions, clock) = try setUp()
        let (cookie, _) = try sessions.start(for: Principal(name: "clerk", role: .desk), from: "192.0.2.1")
        for _ in 0..<10 {
            clock.advance(seconds: 3600 - 1)
            #expect(try sessions.session(cookie: cookie) != nil)
        }
        clock.advance(seconds: 10)
        #expect(try sessions.session(cookie: cookie) == nil)
    }

    @Test func aSessionEndsAfterTwoHoursWithoutARequest() throws {
        let (app, sessions, clock) = try setUp()
        let (cookie, _) = try sessions.start(for: Principal(name: "clerk", role: .desk), from: "192.0.2.1")
        clock.advance(seconds: 2 * 3600 - 1)
        #expect(try sessions.session(cookie: cookie) != nil)
        clock.advance(seconds: 2 * 3600)
        #expect(try sessions.session(cookie: cookie) == nil)
        // Ended for good in the database: a restarted service (fresh idle clocks) does not revive it.
        let restarted = WebSessions(app: app, clock: clock)
        #expect(try restarted.session(cookie: cookie) == nil)
    }

    @Test func signingOutEndsTheSessionAndOthersStayValid() throws {
        let (_, sessions, _) = try setUp()
        let (first, _) = try sessions.start(for: Principal(name: "clerk", role: .desk), from: "192.0.2.1")
        let (second, _) = try sessions.start(for: Principal(name: "clerk", role: .desk), from: "192.0.2.2")
        try sessions.end(cookie: first)
        #expect(try sessions.session(cookie: first) == nil)
        #expect(try sessions.session(cookie: second) != nil)
    }

    @Test(arguments: ["", "short", String(repeating: "a", count: 42) + "!", String(repeating: "a", count: 44), "' OR 1=1 --"])
    func malformedCookiesNameNoSession(_ cookie: String) throws {
        let (_, sessions, _) = try setUp()
        #expect(!WebSessions.isWellFormed(cookie))
        #expect(try sessions.session(cookie: cookie) == nil)
    }

    @Test func aSessionForAnUnknownUserIsRefused() throws {
        let (_, sessions, _) = try setUp()
        #expect(throws: CoreError.self) { try sessions.start(for: Principal(name: "nobody", role: .desk), from: "192.0.2.1") }
    }

    @Test func csrfTokensAreComparedExactly() throws {
        let (_, sessions, _) = try setUp()
        let (_, session) = try sessions.start(for: Principal(name: "clerk", role: .desk), from: "192.0.2.1")
        #expect(WebSessions.csrfMatches(session.csrfToken, session))
        #expect(!WebSessions.csrfMatches(nil, session))
        #expect(!WebSessions.csrfMatches("", session))
        #expect(!WebSessions.csrfMatches(String(session.csrfToken.dropLast()), session))
        #expect(!WebSessions.csrfMatches(session.csrfToken.uppercased(), session))
    }
}

@Suite struct LoginThrottleTests {
    let start = Date(timeIntervalSince1970: 1_795_300_000)

    @Test func fiveFailuresForOneNameBlockItForFifteenMinutes() {
        let throttle = LoginThrottle()
        for minute in 0..<5 {
            #expect(throttle.retryAfter(user: "clerk", address: "192.0.2.1", now: start + Double(minute) * 60) == nil)
            throttle.recordFailure(user: "clerk", address: "192.0.2.1", now: start + Double(minute) * 60)
        }
        // Blocked from every address until the first failure is 15 minutes old; case and spaces do not matter.
        #expect(throttle.retryAfter(user: "clerk", address: "192.0.2.99", now: start + 300) == 600)
        #expect(throttle.retryAfter(user: " CLERK ", address: "192.0.2.99", now: start + 899) == 1)
        #expect(throttle.retryAfter(user: "clerk", address: "192.0.2.99", now: start + 900) == nil)
        #expect(throttle.retryAfter(user: "other", address: "192.0.2.99", now: start + 300) == nil)
    }

    @Test func twentyFailuresFromOneAddressBlockEveryName() {
        let throttle = LoginThrottle()
        for attempt in 0..<20 {
            throttle.recordFailure(user: "guess-\(attempt)", address: "198.51.100.7", now: start + Double(attempt))
        }
        #expect(throttle.retryAfter(user: "clerk", address: "198.51.100.7", now: start + 30) == 870)
        #expect(throttle.retryAfter(user: "clerk", address: "198.51.100.8", now: start + 30) == nil)
    }

    @Test func successClearsTheNameButNotTheAddress() {
        let throttle = LoginThrottle(perUser: .init(count: 3, window: 60), perAddress: .init(count: 4, window: 60))
        for second in 0..<3 { throttle.recordFailure(user: "clerk", address: "192.0.2.1", now: start + Double(second)) }
        #expect(throttle.retryAfter(user: "clerk", address: "192.0.2.2", now: start + 5) != nil)
        throttle.recordSuccess(user: "clerk")
        #expect(throttle.retryAfter(user: "clerk", address: "192.0.2.2", now: start + 5) == nil)
        throttle.recordFailure(user: "clerk", address: "192.0.2.1", now: start + 6)
        #expect(throttle.retryAfter(user: "someone", address: "192.0.2.1", now: start + 7) == 53)
    }

    @Test func memoryStaysBounded() {
        let throttle = LoginThrottle(capacity: 100)
        for attempt in 0..<1_000 { throttle.recordFailure(user: "u\(attempt)", address: "a\(attempt)", now: start + Double(attempt)) }
        // The newest names are still counted after pruning.
        for _ in 0..<4 { throttle.recordFailure(user: "u999", address: "x", now: start + 1_000) }
        #expect(throttle.retryAfter(user: "u999", address: "y", now: start + 1_001) != nil)
    }
}
