@testable import FeeDeskHTTP
import Testing

@Suite struct RouterTests {
    static func makeRouter() throws -> Router {
        var router = Router()
        for (method, pattern) in [
            (HTTPMethod.post, "/api/v1/dossiers"), (.post, "/api/v1/dossiers/batch"), (.get, "/api/v1/dossiers/{code}"),
            (.get, "/api/v1/dossiers/{code}/qr.svg"), (.get, "/api/v1/dossiers/{code}/qr.png"),
            (.post, "/api/v1/credits/{id}/assign"), (.post, "/api/v1/credits/{id}/refund"),
            (.get, "/api/v1/days/{date}/reconciliation"), (.post, "/api/v1/days/{date}/close"), (.get, "/healthz"),
            (.get, "/"), (.put, "/things/{a}/{b}"),
        ] {
            try router.add(method, pattern) { request in .text("\(request.routePattern ?? "")") }
        }
        return router
    }

    /// Describes a match as text so table rows compare easily.
    static func describe(_ match: Router.Match) -> String {
        switch match {
        case let .found(route, parameters):
            "\(route.method) \(route.pattern)" + parameters.pairs.map { " \($0.name)=\($0.value)" }.joined()
        case .notFound:
            "404"
        case let .methodNotAllowed(allowed):
            "405 " + allowed.map(\.rawValue).joined(separator: ",")
        }
    }

    @Test(arguments: [
        ("GET", "/api/v1/dossiers/HS-001", "GET /api/v1/dossiers/{code} code=HS-001"),
        ("POST", "/api/v1/dossiers/batch", "POST /api/v1/dossiers/batch"),
        ("GET", "/api/v1/dossiers/batch", "GET /api/v1/dossiers/{code} code=batch"),
        ("HEAD", "/api/v1/dossiers/X", "GET /api/v1/dossiers/{code} code=X"),
        ("GET", "/api/v1/dossiers/HS-1/qr.svg", "GET /api/v1/dossiers/{code}/qr.svg code=HS-1"),
        ("GET", "/api/v1/dossiers/HS-1/qr.png", "GET /api/v1/dossiers/{code}/qr.png code=HS-1"),
        ("POST", "/api/v1/credits/42/assign", "POST /api/v1/credits/{id}/assign id=42"),
        ("POST", "/api/v1/days/2026-11-22/close", "POST /api/v1/days/{date}/close date=2026-11-22"),
        ("PUT", "/things/x/y", "PUT /things/{a}/{b} a=x b=y"),
        ("GET", "/", "GET /"),
        ("GET", "/healthz", "GET /healthz"),
        ("GET", "/healthz/", "404"),
        ("GET", "/api/v1/dossiers/HS-1/qr.gif", "404"),
        ("GET", "/api/v1/dossiers//qr.svg", "404"),
        ("GET", "/api/v1", "404"),
        ("GET", "/API/v1/dossiers/HS-1", "404"),
        ("DELETE", "/api/v1/dossiers/batch", "405 GET,HEAD,POST"),
        ("GET", "/api/v1/credits/42/assign", "405 POST"),
        ("POST", "/healthz", "405 GET,HEAD"),
        ("OPTIONS", "/api/v1/dossiers", "405 POST"),
    ])
    func matches(method: String, path: String, expected: String) throws {
        let router = try Self.makeRouter()
        #expect(Self.describe(router.match(method: HTTPMethod(rawValue: method), path: path)) == expected)
    }

    @Test func explicitHeadRouteWinsOverGet() throws {
        var router = Router()
        try router.get("/file") { _ in .text("get") }
        try router.add(.head, "/file") { _ in .text("head") }
        #expect(Self.describe(router.match(method: .head, path: "/file")) == "HEAD /file")
    }

    @Test(arguments: [
        ("api", "route pattern 'api' does not start with '/'"),
        ("", "route pattern '' does not start with '/'"),
        ("/a//b", "route pattern '/a//b' has an empty segment"),
        ("/a/", "route pattern '/a/' has an empty segment"),
        ("/a/{}", "route pattern '/a/{}' has an empty parameter name"),
        ("/a/qr{x}", "route pattern '/a/qr{x}' has segment 'qr{x}', which is neither literal text nor one whole {name}"),
        ("/a/{x", "route pattern '/a/{x' has segment '{x', which is neither literal text nor one whole {name}"),
        ("/a/{x}{y}", "route pattern '/a/{x}{y}' has segment '{x}{y}', which is neither literal text nor one whole {name}"),
        ("/a/{1x}", "route pattern '/a/{1x}' has parameter name '1x', which is not letters, digits and '_'"),
        ("/a/{x-y}", "route pattern '/a/{x-y}' has parameter name 'x-y', which is not letters, digits and '_'"),
        ("/a/{id}/b/{id}", "route pattern '/a/{id}/b/{id}' uses the parameter name 'id' twice"),
        ("/a?b", "route pattern '/a?b' has '?' in segment 'a?b'"),
        ("/a b", "route pattern '/a b' has ' ' in segment 'a b'"),
    ])
    func rejectsMalformedPatterns(pattern: String, message: String) {
        var router = Router()
        let error = #expect(throws: HTTPServerError.self) { try router.get(pattern) { _ in .noContent } }
        #expect(error?.description == message)
    }

    @Test func rejectsConflictsAndNegativeLimits() throws {
        var router = Router()
        try router.get("/items/{id}") { _ in .noContent }
        let conflict = #expect(throws: HTTPServerError.self) { try router.get("/items/{code}") { _ in .noContent } }
        #expect(conflict?.description == "route GET /items/{code} conflicts with the route GET /items/{id} registered before it")
        try router.post("/items/{code}") { _ in .noContent }
        let negative = #expect(throws: HTTPServerError.self) {
            try router.add(.post, "/upload", bodyLimit: -1) { _ in .noContent }
        }
        #expect(negative?.description == "HTTP server setting bodyLimit of POST /upload = -1 is negative")
    }

    @Test func listsRoutesInRegistrationOrder() throws {
        var router = Router()
        try router.get("/b", name: "bee") { _ in .noContent }
        try router.add(.post, "/a/{x}", bodyLimit: 10) { _ in .noContent }
        #expect(router.routes.map(\.description) == ["GET /b", "POST /a/{x}"])
        #expect(router.routes.map(\.name) == ["bee", "/a/{x}"])
        #expect(router.routes.map(\.bodyLimit) == [nil, 10])
        #expect(router.routes[1].pattern.parameterNames == ["x"])
    }

    @Test func respondFillsRouteFieldsAndParameters() throws {
        var router = Router()
        try router.get("/items/{id}/{part}", name: "item-part") { request in
            .text("\(request.routeName ?? "") \(request.routePattern ?? "") \(request.pathParameters["id"] ?? "") \(request.pathParameters["part"] ?? "")")
        }
        let response = router.respond(to: try HTTPRequest(target: "/items/a%2Fb/x%20y?z=1"))
        #expect(response.status == .ok)
        #expect(String(decoding: response.body, as: UTF8.self) == "item-part /items/{id}/{part} a/b x y")
    }

    @Test func customNotFoundHandler() throws {
        var router = Router()
        router.notFoundHandler = { request in .html("<p>Không tìm thấy \(request.path)</p>", status: .notFound) }
        let response = router.respond(to: try HTTPRequest(target: "/x"))
        #expect(response.status == .notFound)
        #expect(response.headers["content-type"] == "text/html; charset=utf-8")
    }
}
