import Synchronization

/// An HTTP/1.1 server over libmicrohttpd: listens on an IPv4 address, routes each complete request
/// through a `Router` on a worker thread, and stops gracefully.
///
/// ```swift
/// var router = Router()
/// try router.get("/healthz") { _ in .text("ok") }
/// let server = try HTTPServer(configuration: .init(address: try ListenAddress(parsing: "127.0.0.1:8080")), router: router)
/// SignalWaiter.waitForTermination()
/// server.stop(gracePeriod: .seconds(10))
/// ```
public final class HTTPServer: Sendable {
    private let core: ServerCore
    private let daemon: Mutex<MHDDaemon?>
    /// The address listened on, with the bound port (the ephemeral one when port 0 was asked for).
    public let address: ListenAddress

    /// Binds and starts serving at once; fails with the socket's errno text, e.g.
    /// `could not listen on 127.0.0.1:8080: Address already in use`.
    public init(configuration: HTTPServerConfiguration, router: Router) throws(HTTPServerError) {
        try configuration.validate()
        let core = ServerCore(router: router, configuration: configuration)
        let started = try MHDDaemon.start(core: core)
        self.core = core
        self.address = configuration.address.withPort(started.port)
        self.daemon = Mutex(started)
    }

    /// The bound port.
    public var port: UInt16 { address.port }

    /// Requests received and not yet fully answered.
    public var requestsInFlight: Int { core.inFlight.load(ordering: .relaxed) }

    /// Open connections (0 once stopped).
    public var connectionCount: Int { daemon.withLock { $0?.connectionCount ?? 0 } }

    /// Whether the server still serves (false after `stop`).
    public var isRunning: Bool { daemon.withLock { $0 != nil } }

    /// Stops accepting connections at once (new ones are refused), waits up to `gracePeriod` for the
    /// requests in flight to be answered, then closes everything. Returns how many requests were cut off.
    ///
    /// Responses sent while draining carry `Connection: close`. Calling it again does nothing.
    @discardableResult
    public func stop(gracePeriod: Duration = .seconds(10)) -> Int {
        guard let running = daemon.withLock({ $0.take() }) else { return 0 }
        return running.stop(core: core, gracePeriod: gracePeriod)
    }

    deinit {
        if let running = daemon.withLock({ $0.take() }) {
            _ = running.stop(core: core, gracePeriod: .zero)
        }
    }
}
