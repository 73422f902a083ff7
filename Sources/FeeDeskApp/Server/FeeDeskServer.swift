import FeeDeskHTTP
import FeeDeskStore
import Foundation

/// `feedesk serve`: the HTTP API and the web UI over one FeeDesk application.
///
/// Staff routes need a bearer token (or a web session) whose role the route admits: 401 without
/// valid credentials, 403 with the wrong role. Callbacks need their partner's signature. Every answer
/// is logged in one access-log line and counted in `/metrics`.
public final class FeeDeskServer: Sendable {
    /// Options of `feedesk serve`.
    public struct Options: Sendable {
        /// Where to listen.
        public var listen: String
        /// Worker threads; staff handlers block while their write commits, so more threads than cores
        /// (callbacks do not hold a thread while they wait for their commit).
        public var threads: Int = 32
        /// Largest statement upload, bytes.
        public var statementUploadLimit: Int = 64 << 20
        /// Largest callback body, bytes.
        public var callbackBodyLimit: Int = 256 << 10
        /// The process environment (partner secrets).
        public var environment: [String: String] = [:]
        /// Where log lines go.
        public var log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }

        /// Options listening on `listen` (`HOST:PORT`).
        public init(listen: String) {
            self.listen = listen
        }
    }

    /// The application.
    public var app: FeeDesk { context.app }
    /// The service's metrics.
    public var metrics: ServiceMetrics { context.metrics }
    let context: ServerContext
    private let server: HTTPServer

    /// Starts serving at once; `stop` ends it.
    public init(app: FeeDesk, options: Options) throws {
        let metrics = ServiceMetrics()
        let context = ServerContext(app: app, options: options, metrics: metrics,
                                    committer: GroupCommitter(database: app.database) { metrics.commit(items: $0, seconds: $1) })
        self.context = context
        var configuration = HTTPServerConfiguration()
        configuration.address = try ListenAddress(parsing: options.listen)
        configuration.threadPoolSize = options.threads
        configuration.defaultBodyLimit = 1 << 20
        configuration.defaultHeaders = FeeDeskServer.securityHeaders
        let log = options.log
        let calendar = app.calendar
        configuration.accessLog = { entry in
            let route = entry.routePattern ?? "unmatched"
            metrics.request(route: route, method: entry.request.method.rawValue, status: entry.status.rawValue,
                            seconds: Double(entry.durationMicroseconds) / 1e6)
            log("\(calendar.timestamp(entry.request.receivedAt)) \(entry.request.remoteAddress) \(entry.request.method.rawValue) "
                + "\(entry.request.path) \(entry.status.rawValue) \(entry.responseBytes)B "
                + "\(entry.durationMicroseconds / 1000).\(entry.durationMicroseconds % 1000 / 100)ms req=\(entry.request.requestID)")
        }
        configuration.errorLog = { line in log("error: \(line)") }
        server = try HTTPServer(configuration: configuration, router: try FeeDeskServer.router(context))
        let server = self.server
        context.inFlight.withLock { $0 = { server.requestsInFlight } }
    }

    /// The address actually bound (the port is real even when 0 was asked for).
    public var address: ListenAddress { server.address }

    /// Stops accepting, finishes requests in flight (up to `grace`; callbacks still waiting for their
    /// commit then get 503 with `Retry-After`), closes, and lets the group committer finish what it
    /// was given. Returns how many requests were cut off.
    @discardableResult
    public func stop(grace: Duration = .seconds(10)) -> Int {
        let abandoned = server.stop(gracePeriod: grace)
        context.committer.close()
        return abandoned
    }

    /// Headers every answer carries unless a route sets its own.
    static let securityHeaders: HTTPHeaders = {
        var headers = HTTPHeaders()
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        headers.add(name: "X-Frame-Options", value: "DENY")
        headers.add(name: "Referrer-Policy", value: "no-referrer")
        headers.add(name: "Cache-Control", value: "no-store")
        headers.add(name: "Content-Security-Policy", value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
        return headers
    }()
}
