import FeeDeskHTTP

/// The cookies of the web UI and their flags.
///
/// Both are `HttpOnly` (no script reads them) and `SameSite=Strict` (no other site's page can make
/// the browser send them). Behind an HTTPS reverse proxy (`X-Forwarded-Proto: https`) they are also
/// `Secure`, and the session cookie takes the `__Host-` prefix, which browsers accept only on a
/// secure, host-only cookie with `Path=/`.
enum WebCookies {
    /// The session cookie over plain HTTP (the service on 127.0.0.1 or a trusted LAN).
    static let session = "feedesk_session"
    /// The session cookie over HTTPS.
    static let secureSession = "__Host-feedesk_session"
    /// The double-submit token of the sign-in form (there is no session yet to hold a CSRF token).
    static let login = "feedesk_login"

    /// True when the browser reached the service over HTTPS (through a proxy that says so).
    static func isHTTPS(_ request: HTTPRequest) -> Bool {
        if request.headers["X-Forwarded-Proto"]?.lowercased().trimmingCharacters(in: .whitespaces) == "https" { return true }
        return request.headers["Forwarded"]?.lowercased().contains("proto=https") == true
    }

    /// The session cookie value the request carries, if any.
    static func sessionValue(_ request: HTTPRequest) -> String? {
        let cookies = request.cookies
        return cookies[secureSession] ?? cookies[session]
    }

    /// The `Set-Cookie` value that stores the session id `value` until the browser closes.
    static func settingSession(_ value: String, for request: HTTPRequest) -> String {
        let secure = isHTTPS(request)
        return "\(secure ? secureSession : session)=\(value); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that deletes the session cookie.
    static func clearingSession(for request: HTTPRequest) -> String {
        let secure = isHTTPS(request)
        return "\(secure ? secureSession : session)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value of the sign-in form's double-submit token (one hour, only sent to /login).
    static func settingLogin(_ value: String, for request: HTTPRequest) -> String {
        "\(login)=\(value); Path=/login; Max-Age=3600; HttpOnly; SameSite=Strict" + (isHTTPS(request) ? "; Secure" : "")
    }
}
