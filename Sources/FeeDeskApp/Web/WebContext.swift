import FeeDeskHTTP
import Foundation

/// What the web UI keeps while the server runs: sessions, the sign-in throttle and the dossier each
/// desk is showing.
final class WebContext: Sendable {
    let sessions: WebSessions
    let throttle: LoginThrottle
    let desks = DeskBoard()

    init(app: FeeDesk, policy: WebSessions.Policy = WebSessions.Policy(), throttle: LoginThrottle = LoginThrottle()) {
        sessions = WebSessions(app: app, policy: policy)
        self.throttle = throttle
    }

    /// The live session named by the request's cookie, or nil.
    func session(_ request: HTTPRequest) throws -> WebSession? {
        guard let cookie = WebCookies.sessionValue(request) else { return nil }
        return try sessions.session(cookie: cookie)
    }

    /// The staff member an API request without a bearer token acts for, through its session cookie.
    ///
    /// A request that changes state (any method but GET and HEAD) must also send the session's CSRF
    /// token in `X-CSRF-Token`; otherwise it is refused with 403 and changes nothing.
    func apiPrincipal(_ request: HTTPRequest) throws -> Principal? {
        guard let session = try session(request) else { return nil }
        if request.method != .get && request.method != .head {
            guard WebSessions.csrfMatches(request.headers["X-CSRF-Token"], session) else { throw WebRefusal.csrf }
        }
        return session.principal
    }
}

/// A request the web layer refuses before any handler runs.
struct WebRefusal: Error, Sendable, CustomStringConvertible {
    let status: HTTPStatus
    let code: String
    let message: String

    /// A cookie-authenticated state change without the session's CSRF token.
    static let csrf = WebRefusal(status: .forbidden, code: "csrf",
                                 message: "The request lacks this session's CSRF token (X-CSRF-Token); reload the page and try again.")

    var description: String { message }

    /// The JSON error answer.
    var response: HTTPResponse { .error(status: status, code: code, message: message) }
}
