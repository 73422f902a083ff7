import Foundation
import Synchronization

/// The state the C callbacks share: router, configuration, counters. Immutable or atomic, so it is
/// `Sendable` without locks; MHD worker threads reach it through an unretained `Unmanaged` pointer.
final class ServerCore: Sendable {
    /// Extra body bytes read and dropped after a chunked body passes its limit before the 413 is sent;
    /// a client that keeps sending past this is disconnected without an answer.
    static let discardAllowance = 1 << 20

    let router: Router
    let configuration: HTTPServerConfiguration
    let requestIDs: RequestIDGenerator
    /// Requests whose request line has arrived and whose response is not yet fully sent.
    let inFlight = Atomic<Int>(0)
    /// Set by `stop`: responses then carry `Connection: close` so keep-alive clients go away.
    let draining = Atomic<Bool>(false)
    /// Set by `stop` when the grace period is over: deferred requests are answered 503 at once
    /// instead of suspending (libmicrohttpd cannot stop while a connection is suspended).
    private let stopping = Atomic<Bool>(false)
    /// Responders of deferred requests not yet completed, so that `stop` can answer them.
    private let responders = Mutex<[ObjectIdentifier: HTTPResponder]>([:])

    init(router: Router, configuration: HTTPServerConfiguration, requestIDs: RequestIDGenerator = RequestIDGenerator()) {
        self.router = router
        self.configuration = configuration
        self.requestIDs = requestIDs
    }

    /// The request id to use: the client's when allowed and safe, else a fresh one.
    func requestID(from headers: HTTPHeaders) -> String {
        if configuration.acceptsClientRequestID, let incoming = headers["X-Request-Id"],
            RequestIDGenerator.isAcceptable(incoming)
        {
            return incoming
        }
        return requestIDs.next()
    }

    /// Adds what every response carries: `X-Request-Id`, the default headers it lacks, and
    /// `Connection: close` while draining; a status outside 200...599 becomes a 500.
    func finalize(_ response: HTTPResponse, requestID: String) -> HTTPResponse {
        var final = response
        if !(200...599).contains(response.status.rawValue) {
            configuration.errorLog?("handler answered with status \(response.status), which is not a final status; sent 500")
            final = .error(status: .internalServerError, code: "internal_error", message: "The handler failed")
        }
        final.headers.replaceOrAdd(name: "X-Request-Id", value: requestID)
        for field in configuration.defaultHeaders.fields where !final.headers.contains(field.name) {
            final.headers.add(name: field.name, value: field.value)
        }
        if draining.load(ordering: .relaxed) {
            final.headers.replaceOrAdd(name: "Connection", value: "close")
        }
        return final
    }

    /// Whether deferred requests are refused rather than suspended (the server is stopping).
    var isStopping: Bool { stopping.load(ordering: .acquiring) }

    /// Tracks a deferred request's responder until its request completes.
    func register(_ responder: HTTPResponder) {
        responders.withLock { $0[ObjectIdentifier(responder)] = responder }
    }

    /// Forgets a completed request's responder.
    func unregister(_ responder: HTTPResponder) {
        _ = responders.withLock { $0.removeValue(forKey: ObjectIdentifier(responder)) }
    }

    /// Refuses new suspensions and answers every deferred request still waiting with a 503, so that
    /// each suspended connection is resumed; returns how many were answered so.
    func refuseDeferredRequests() -> Int {
        let waiting = responders.withLock { table -> [HTTPResponder] in
            stopping.store(true, ordering: .releasing)
            return Array(table.values)
        }
        return waiting.reduce(0) { $0 + ($1.abandon(with: Self.stoppingResponse) ? 1 : 0) }
    }

    /// The answer to a deferred request that waited `deferredTimeoutSeconds` without one.
    static let waitedTooLongResponse = HTTPResponse.error(
        status: .serviceUnavailable, code: "timed_out", message: "The request could not be completed in time; retry shortly"
    ).withRetryAfter(seconds: 5)

    /// Answers `responder` with `waitedTooLongResponse` after the configured wait, unless it has been
    /// answered by then (the first answer wins, so a late one is dropped).
    func scheduleTimeout(of responder: HTTPResponder) {
        let seconds = configuration.deferredTimeoutSeconds
        guard seconds > 0 else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(seconds)) { [weak responder] in
            responder?.respond(Self.waitedTooLongResponse)
        }
    }

    /// The answer to a deferred request the server can no longer wait for.
    static let stoppingResponse = HTTPResponse.error(
        status: .serviceUnavailable, code: "shutting_down", message: "The server is stopping; retry shortly"
    ).withRetryAfter(seconds: 5)

    /// The 413 answer for a body over `limit` bytes.
    static func bodyTooLargeResponse(limit: Int) -> HTTPResponse {
        .error(
            status: .contentTooLarge, code: "payload_too_large",
            message: "The request body is larger than the limit of \(limit) bytes")
    }

    /// The 400 answer for a request target that cannot be decoded.
    static func badTargetResponse(_ error: HTTPServerError) -> HTTPResponse {
        .error(status: .badRequest, code: "bad_request", message: error.description)
    }
}
