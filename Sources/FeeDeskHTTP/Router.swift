/// Maps method + path to handlers: `{name}` parameters, 404 and 405 (with `Allow`) answers, and a
/// per-route body limit that the server enforces before reading the body.
///
/// Build it once before starting the server; it is an immutable value afterwards. Literal segments
/// win over parameters, so `POST /items/batch` and `GET /items/{code}` coexist.
public struct Router: Sendable {
    /// A request handler; it runs synchronously on a server worker thread once the body is complete.
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse
    /// A deferred request handler: it must call the responder exactly once, now or later, from any
    /// thread, and should return quickly (the worker thread is not held while the answer is pending).
    public typealias DeferredHandler = @Sendable (HTTPRequest, HTTPResponder) -> Void

    /// One registered route.
    public struct Route: Sendable, CustomStringConvertible {
        /// The method it answers (`GET` routes also answer `HEAD`).
        public let method: HTTPMethod
        /// The path pattern.
        public let pattern: RoutePattern
        /// A label for logs and metrics; the pattern text unless given.
        public let name: String
        /// The largest accepted body in bytes; nil means the server's default.
        public let bodyLimit: Int?
        /// The handler. For a deferred route it calls the deferred handler and waits for its answer
        /// (how `respond(to:)` drives it without sockets); the server itself never waits.
        public let handler: Handler
        /// The deferred handler the server calls for a route added with `addDeferred`, else nil.
        public let deferredHandler: DeferredHandler?

        /// `METHOD /pattern`.
        public var description: String { "\(method) \(pattern.text)" }
    }

    /// The outcome of matching a method and path.
    public enum Match: Sendable {
        /// A route answers; the parameters are its `{name}` values.
        case found(Route, parameters: HTTPParameters)
        /// No route has this path.
        case notFound
        /// Routes have this path, but none for this method; `allowed` feeds the `Allow` header.
        case methodNotAllowed(allowed: [HTTPMethod])
    }

    /// Every route, in registration order (for listings and route-inventory tests).
    public private(set) var routes: [Route] = []
    /// Routes by segment count, most specific first.
    private var buckets: [Int: [Route]] = [:]
    /// What answers a path no route has; a JSON 404 unless replaced.
    public var notFoundHandler: Handler = { request in
        Router.notFoundResponse(method: request.method, path: request.path)
    }

    /// An empty router.
    public init() {}

    /// Registers a route; fails on a malformed pattern, a negative body limit, or a route of the same
    /// method and shape registered before.
    public mutating func add(
        _ method: HTTPMethod, _ pattern: String, name: String? = nil, bodyLimit: Int? = nil,
        handler: @escaping Handler
    ) throws(HTTPServerError) {
        try insert(method, pattern, name: name, bodyLimit: bodyLimit, handler: handler, deferredHandler: nil)
    }

    /// Registers a deferred route: its handler gets an `HTTPResponder` to answer with later, from any
    /// thread, while the connection waits suspended and the worker thread serves other requests.
    /// Fails as `add` does.
    public mutating func addDeferred(
        _ method: HTTPMethod, _ pattern: String, name: String? = nil, bodyLimit: Int? = nil,
        handler: @escaping DeferredHandler
    ) throws(HTTPServerError) {
        let waiting: Handler = { request in
            let responder = HTTPResponder(connection: nil)
            handler(request, responder)
            return responder.waitForResponse()
                ?? .error(status: .internalServerError, code: "internal_error", message: "The handler gave no answer")
        }
        try insert(method, pattern, name: name, bodyLimit: bodyLimit, handler: waiting, deferredHandler: handler)
    }

    private mutating func insert(
        _ method: HTTPMethod, _ pattern: String, name: String?, bodyLimit: Int?, handler: @escaping Handler,
        deferredHandler: DeferredHandler?
    ) throws(HTTPServerError) {
        let compiled = try RoutePattern(pattern)
        if let bodyLimit, bodyLimit < 0 {
            throw .invalidConfiguration(
                setting: "bodyLimit of \(method) \(pattern)", value: String(bodyLimit), reason: "is negative")
        }
        let route = Route(
            method: method, pattern: compiled, name: name ?? pattern, bodyLimit: bodyLimit, handler: handler,
            deferredHandler: deferredHandler)
        var bucket = buckets[compiled.segments.count] ?? []
        if let existing = bucket.first(where: { $0.method == method && $0.pattern.shape == compiled.shape }) {
            throw .conflictingRoute(route: route.description, existing: existing.description)
        }
        let position = bucket.firstIndex { compiled.isMoreSpecific(than: $0.pattern) } ?? bucket.endIndex
        bucket.insert(route, at: position)
        buckets[compiled.segments.count] = bucket
        routes.append(route)
    }

    /// Registers a `GET` route (it also answers `HEAD`).
    public mutating func get(
        _ pattern: String, name: String? = nil, handler: @escaping Handler
    ) throws(HTTPServerError) {
        try add(.get, pattern, name: name, handler: handler)
    }

    /// Registers a `POST` route.
    public mutating func post(
        _ pattern: String, name: String? = nil, bodyLimit: Int? = nil, handler: @escaping Handler
    ) throws(HTTPServerError) {
        try add(.post, pattern, name: name, bodyLimit: bodyLimit, handler: handler)
    }

    /// Matches decoded path segments (as `HTTPRequest.pathSegments` holds them).
    func match(method: HTTPMethod, segments: [String]) -> Match {
        guard let bucket = buckets[segments.count] else { return .notFound }
        var getFallback: (Route, HTTPParameters)?
        for route in bucket where route.method == method || (method == .head && route.method == .get) {
            guard let parameters = route.pattern.match(segments) else { continue }
            if route.method == method { return .found(route, parameters: parameters) }
            if getFallback == nil { getFallback = (route, parameters) }
        }
        if let (route, parameters) = getFallback { return .found(route, parameters: parameters) }
        var allowed: Set<HTTPMethod> = []
        for route in bucket where route.pattern.match(segments) != nil {
            allowed.insert(route.method)
            if route.method == .get { allowed.insert(.head) }
        }
        guard !allowed.isEmpty else { return .notFound }
        return .methodNotAllowed(allowed: allowed.sorted { $0.rawValue < $1.rawValue })
    }

    /// Matches a path written with plain `/` separators (no percent-decoding), e.g. in tests.
    public func match(method: HTTPMethod, path: String) -> Match {
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        return match(method: method, segments: path == "/" ? [""] : segments)
    }

    /// Routes a complete request as the server does: fills the route fields and path parameters and
    /// calls the handler, or answers 404/405. Useful to test an application's routes without sockets.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        respond(to: request, match: match(method: request.method, segments: request.pathSegments))
    }

    /// Answers a request whose match was computed earlier (at the header phase).
    func respond(to request: HTTPRequest, match: Match) -> HTTPResponse {
        switch match {
        case let .found(route, parameters):
            var routed = request
            routed.pathParameters = parameters
            routed.routePattern = route.pattern.text
            routed.routeName = route.name
            return route.handler(routed)
        case .notFound:
            return notFoundHandler(request)
        case let .methodNotAllowed(allowed):
            return Self.methodNotAllowedResponse(method: request.method, path: request.path, allowed: allowed)
        }
    }

    /// The JSON 404: `{"error": "No route for GET /x", "code": "not_found"}`.
    public static func notFoundResponse(method: HTTPMethod, path: String) -> HTTPResponse {
        .error(status: .notFound, code: "not_found", message: "No route for \(method) \(path)")
    }

    /// The JSON 405 with an `Allow` header listing the methods the path answers.
    public static func methodNotAllowedResponse(
        method: HTTPMethod, path: String, allowed: [HTTPMethod]
    ) -> HTTPResponse {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        return HTTPResponse.error(
            status: .methodNotAllowed, code: "method_not_allowed",
            message: "Method \(method) is not allowed on \(path) (allowed: \(list))"
        ).withHeader("Allow", list)
    }
}
