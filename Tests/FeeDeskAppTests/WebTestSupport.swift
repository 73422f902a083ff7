@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskCrypto
import FeeDeskHTTP
import FeeDeskStore
import Foundation

/// The web layer over a fresh database with one user per role (`user-<role>`, password
/// `WebFixture.password`), reached through the service's router: no sockets, no demo data. Passwords
/// are hashed with few PBKDF2 iterations so the many sign-ins of these tests cost little CPU (the
/// stored hash carries its own iteration count; production hashes use the full cost).
final class WebFixture: @unchecked Sendable { // set up in init, only read afterwards
    static let password = "long enough password"
    let files: AppFixture
    let app: FeeDesk
    let context: ServerContext
    let logLines = LogLines()
    private(set) var tokens: [StaffRole: String] = [:]

    init() throws {
        files = try AppFixture()
        app = try FeeDesk(config: FeeDeskConfig.load(path: files.configPath))
        try app.setUp(by: "test")
        let hash = try PasswordHash.make(WebFixture.password, iterations: 1_000)
        try app.database.write { connection in
            for role in StaffRole.allCases {
                _ = try UserRepository(connection).insert(name: "user-\(role.rawValue)", role: role.rawValue, passwordHash: hash,
                                                          at: "2026-11-22T07:00:00+07:00")
            }
        }
        tokens[.desk] = try app.createToken(user: "user-desk", label: "test", by: "test")
        var options = FeeDeskServer.Options(listen: "127.0.0.1:0")
        options.log = logLines.append
        context = ServerContext(app: app, options: options, metrics: ServiceMetrics(), committer: GroupCommitter(database: app.database))
    }

    /// A dossier registered now for `procedure` with `applicant`; its code ends in `sequence`.
    @discardableResult
    func dossier(_ sequence: Int, procedure: String = "XD.GPXD.NHA", applicant: String = "Nguyễn Văn An") throws -> DossierDetail {
        let day = String(app.calendar.date(of: app.clock.now()).description.filter(\.isNumber).dropFirst(2))
        return try app.addDossier(NewDossier(code: "000.06.16.G09-\(day)-\(1000 + sequence)", procedure: procedure, applicant: applicant), by: "test")
    }
}

/// A browser stand-in: sends requests straight to the service's router (no sockets, no redirects
/// followed) and keeps the cookies the answers set, as a browser would.
final class FakeBrowser {
    let router: Router
    var cookies: [String: String] = [:]
    var address = "192.0.2.10"
    var extraHeaders: [(String, String)] = []

    init(_ fixture: WebFixture) throws {
        router = try FeeDeskServer.router(fixture.context)
    }

    /// One request; `Set-Cookie` answers update the jar (`Max-Age=0` deletes).
    @discardableResult
    func send(_ method: HTTPMethod, _ target: String, headers: [(String, String)] = [], body: String = "") throws -> HTTPResponse {
        var fields = HTTPHeaders(headers + extraHeaders)
        if !cookies.isEmpty { fields.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")) }
        let request = try HTTPRequest(method: method, target: target, headers: fields, body: Array(body.utf8), remoteAddress: address)
        let response = router.respond(to: request)
        for line in response.headers.values(for: "Set-Cookie") {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if line.contains("Max-Age=0") || value.isEmpty { cookies.removeValue(forKey: name) } else { cookies[name] = value }
        }
        return response
    }

    /// Posts a form (`application/x-www-form-urlencoded`).
    @discardableResult
    func post(_ target: String, form: [(String, String)]) throws -> HTTPResponse {
        let body = form.map { "\(FeeDeskServer.queryEncoded($0.0))=\(FeeDeskServer.queryEncoded($0.1))" }.joined(separator: "&")
        return try send(.post, target, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: body)
    }

    /// Opens the sign-in page and submits it; returns the answer to the POST.
    @discardableResult
    func signIn(_ user: String, _ password: String, next: String = "/") throws -> HTTPResponse {
        try send(.get, "/login")
        return try post("/login", form: [("user", user), ("password", password), ("login_csrf", cookies["feedesk_login"] ?? ""), ("next", next)])
    }

    /// The CSRF token the desk page carries in its `<meta>`.
    func csrfToken() throws -> String {
        let page = try send(.get, "/desk").text
        guard let start = page.range(of: "name=\"csrf-token\" content=\""), let end = page[start.upperBound...].firstIndex(of: "\"") else {
            return ""
        }
        return String(page[start.upperBound..<end])
    }

    /// A JSON API call with the session cookie and, if given, the CSRF header.
    @discardableResult
    func api(_ method: HTTPMethod, _ target: String, json: String = "", csrf: String? = nil) throws -> HTTPResponse {
        var headers = [("Content-Type", "application/json")]
        if let csrf { headers.append(("X-CSRF-Token", csrf)) }
        return try send(method, target, headers: headers, body: json)
    }
}

extension HTTPResponse {
    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object.
    func json() throws -> [String: Any] { try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] ?? [:] }
}
