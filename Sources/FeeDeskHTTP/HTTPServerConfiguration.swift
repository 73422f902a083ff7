import Foundation

/// How an `HTTPServer` listens, how many threads and connections it uses, and its hooks.
public struct HTTPServerConfiguration: Sendable {
    /// The IPv4 address and port to listen on; port 0 picks a free port (see `HTTPServer.address`).
    public var address: ListenAddress = .loopback8080
    /// Worker threads, each running its own epoll loop and the handlers of its connections.
    public var threadPoolSize: Int = ProcessInfo.processInfo.activeProcessorCount
    /// The most connections open at once; further connections are closed at accept.
    public var connectionLimit: Int = 1024
    /// The most connections open at once from one IP address; 0 means no per-address limit.
    public var perIPConnectionLimit: Int = 0
    /// Seconds of inactivity after which a connection is closed (bounds slow clients); 0 disables.
    public var connectionTimeoutSeconds: Int = 30
    /// Seconds a deferred request (`Router.addDeferred`) may wait for its answer while its connection
    /// is suspended (the idle timeout does not run then); it is then answered 503 with `Retry-After`,
    /// as when the server stops. The work may still finish: a retrying client must be idempotent.
    /// 0 waits for ever.
    public var deferredTimeoutSeconds: Int = 30
    /// The largest request body in bytes for routes without their own limit (and for 404/405 paths).
    public var defaultBodyLimit: Int = 1 << 20
    /// The kernel's queue of connections not yet accepted (`listen(2)` backlog).
    public var listenBacklog: Int = 511
    /// Whether a client's `X-Request-Id` is reused when it is short and safe (else one is made).
    public var acceptsClientRequestID: Bool = true
    /// Headers added to every response that does not set them itself, including the server's own
    /// 404/405/413/400 answers: the place for security headers such as a Content-Security-Policy.
    public var defaultHeaders: HTTPHeaders = [:]
    /// Called on the worker thread after each response has been sent (or the connection failed).
    public var accessLog: (@Sendable (AccessLogEntry) -> Void)?
    /// Receives libmicrohttpd's own diagnostics (one line each); nil leaves them unlogged.
    public var errorLog: (@Sendable (String) -> Void)?

    /// The defaults: 127.0.0.1:8080, one worker per active core, 1 MiB bodies, 30 s idle timeout.
    public init() {}

    /// The defaults listening on `address`.
    public init(address: ListenAddress) {
        self.address = address
    }

    /// Checks ranges before anything is bound.
    func validate() throws(HTTPServerError) {
        func check(_ setting: String, _ value: Int, _ range: ClosedRange<Int>) throws(HTTPServerError) {
            guard range.contains(value) else {
                throw .invalidConfiguration(
                    setting: setting, value: String(value),
                    reason: "is outside \(range.lowerBound)...\(range.upperBound)")
            }
        }
        try check("threadPoolSize", threadPoolSize, 1...1024)
        try check("connectionLimit", connectionLimit, 1...1_000_000)
        try check("perIPConnectionLimit", perIPConnectionLimit, 0...1_000_000)
        try check("connectionTimeoutSeconds", connectionTimeoutSeconds, 0...86_400)
        try check("deferredTimeoutSeconds", deferredTimeoutSeconds, 0...86_400)
        try check("defaultBodyLimit", defaultBodyLimit, 0...Int(Int32.max))
        try check("listenBacklog", listenBacklog, 1...65_535)
    }
}

/// What the access-log hook learns about one answered request.
public struct AccessLogEntry: Sendable {
    /// The request as the handler saw it (route fields filled when a route matched).
    public let request: HTTPRequest
    /// The status sent.
    public let status: HTTPStatus
    /// The response body size in bytes.
    public let responseBytes: Int
    /// Microseconds from the request head's arrival to the end of sending the response.
    public let durationMicroseconds: Int64
    /// Whether the response was sent completely (false when the connection failed or timed out).
    public let completed: Bool

    /// The matched route's pattern for metrics labels, or nil when no route matched.
    public var routePattern: String? { request.routePattern }
}
