import Foundation

/// The head of a request as libmicrohttpd delivers it at the header phase.
struct RequestHead {
    var method: String
    var version: String
    var headers: HTTPHeaders
    var remoteAddress: String
}

/// Per-request state across the access handler's phases (head, body chunks, end).
///
/// Created when the request line arrives and released in the completion callback; only the
/// connection's worker thread touches it, so it needs no lock (a deferred route's answer crosses
/// threads through its `HTTPResponder`, which has one). The logic is plain Swift so the phases are
/// unit-tested without sockets.
final class RequestState {
    /// Where the request is in its life.
    enum Phase {
        /// The request line is in; the head is not processed yet.
        case awaitingHead
        /// The head is processed; body bytes (if any) are arriving.
        case receivingBody
        /// A deferred route's handler has the request; its answer comes through `responder`.
        case deferred
        /// A response has been handed to libmicrohttpd.
        case answered
    }

    let rawTarget: String
    let startNanoseconds: UInt64
    private(set) var phase: Phase = .awaitingHead
    private(set) var request: HTTPRequest?
    private var match: Router.Match = .notFound
    private(set) var bodyLimit = 0
    private var body: [UInt8] = []
    private var receivedBytes = 0
    private var targetError: HTTPServerError?
    /// The response handed over, kept for the access log.
    private(set) var response: HTTPResponse?
    /// The responder of a deferred route, once its handler has the request.
    private(set) var responder: HTTPResponder?

    init(rawTarget: String, startNanoseconds: UInt64) {
        self.rawTarget = rawTarget
        self.startNanoseconds = startNanoseconds
    }

    /// Whether the body passed its limit (the rest is read and dropped).
    var bodyOverflowed: Bool { receivedBytes > bodyLimit }

    /// Processes the head; returns a response to send at once (413 by `Content-Length`, 400 for a bad
    /// target) without reading the body, or nil to go on receiving.
    func begin(head: RequestHead, core: ServerCore) -> HTTPResponse? {
        phase = .receivingBody
        let requestID = core.requestID(from: head.headers)
        let target: RequestTarget
        do {
            target = try RequestTarget.parse(rawTarget)
        } catch {
            targetError = error
            target = RequestTarget(path: rawTarget, segments: [], rawQuery: "", query: HTTPParameters())
        }
        let method = HTTPMethod(rawValue: head.method)
        var request = HTTPRequest(
            method: method, target: target, headers: head.headers, body: [], remoteAddress: head.remoteAddress,
            requestID: requestID, receivedAt: Date(), httpVersion: head.version)
        bodyLimit = core.configuration.defaultBodyLimit
        if targetError == nil {
            match = core.router.match(method: method, segments: target.segments)
            if case let .found(route, parameters) = match {
                bodyLimit = route.bodyLimit ?? bodyLimit
                request.pathParameters = parameters
                request.routePattern = route.pattern.text
                request.routeName = route.name
            }
        }
        self.request = request
        if let targetError {
            return answer(ServerCore.badTargetResponse(targetError), core: core)
        }
        if let declared = head.headers["Content-Length"].flatMap({ UInt64($0) }) {
            if declared > UInt64(bodyLimit) {
                return answer(ServerCore.bodyTooLargeResponse(limit: bodyLimit), core: core)
            }
            body.reserveCapacity(Int(declared))
        }
        return nil
    }

    /// Takes one body chunk; false means the client sent far past the limit and must be disconnected.
    func receive(_ chunk: UnsafeRawBufferPointer) -> Bool {
        receivedBytes += chunk.count
        if receivedBytes <= bodyLimit {
            body.append(contentsOf: chunk)
            return true
        }
        if !body.isEmpty { body = [] }
        return receivedBytes - bodyLimit <= ServerCore.discardAllowance
    }

    /// The response once the whole body is in: the route's, a 404/405, or a 413 for an oversized body.
    /// A deferred route is driven without sockets here: this waits for its responder.
    func finish(core: ServerCore) -> HTTPResponse {
        guard let request = completeRequest() else { return answer(Self.missingHead, core: core) }
        if bodyOverflowed { return answer(ServerCore.bodyTooLargeResponse(limit: bodyLimit), core: core) }
        return answer(core.router.respond(to: request, match: match), core: core)
    }

    /// As `finish(core:)`, but a deferred route's handler gets a responder over `connection` and, when
    /// it has not answered by the time it returns, the connection is suspended and this returns nil:
    /// libmicrohttpd calls the access handler again once the responder resumes it (`resumed`).
    func finish(core: ServerCore, connection: OpaquePointer) -> HTTPResponse? {
        guard let request = completeRequest() else { return answer(Self.missingHead, core: core) }
        if bodyOverflowed { return answer(ServerCore.bodyTooLargeResponse(limit: bodyLimit), core: core) }
        guard case let .found(route, _) = match, let deferred = route.deferredHandler else {
            return answer(core.router.respond(to: request, match: match), core: core)
        }
        if core.isStopping { return answer(ServerCore.stoppingResponse, core: core) }  // nothing may wait now
        let responder = HTTPResponder(connection: connection)
        self.responder = responder
        phase = .deferred
        core.register(responder)
        deferred(request, responder)
        guard let now = responder.settle(refuse: core.isStopping, refusal: ServerCore.stoppingResponse) else {
            core.scheduleTimeout(of: responder)
            return nil
        }
        return answer(now, core: core)
    }

    /// The deferred answer once libmicrohttpd resumed the connection (a 500 if, against the
    /// responder's contract, there is none: a resumed connection must be answered).
    func resumed(core: ServerCore) -> HTTPResponse {
        let response = responder?.takeResumedResponse()
            ?? .error(status: .internalServerError, code: "internal_error", message: "The deferred handler gave no answer")
        return answer(response, core: core)
    }

    /// The request is over (sent, failed or the server stopped): a late answer goes nowhere.
    func complete(core: ServerCore) {
        guard let responder else { return }
        responder.close()
        core.unregister(responder)
    }

    /// The request with its body, once the body is complete.
    private func completeRequest() -> HTTPRequest? {
        guard var request else { return nil }
        if !bodyOverflowed { request.body = body }
        body = []
        self.request = request
        return request
    }

    private static let missingHead = HTTPResponse.error(status: .internalServerError, code: "internal_error", message: "Request head missing")

    /// Records and finalizes the response handed to libmicrohttpd.
    private func answer(_ response: HTTPResponse, core: ServerCore) -> HTTPResponse {
        let final = core.finalize(response, requestID: request?.requestID ?? core.requestIDs.next())
        self.response = final
        phase = .answered
        return final
    }

    /// The access-log entry, once a response was handed over.
    func logEntry(endNanoseconds: UInt64, completed: Bool) -> AccessLogEntry? {
        guard let request, let response else { return nil }
        let elapsed = endNanoseconds >= startNanoseconds ? endNanoseconds - startNanoseconds : 0
        return AccessLogEntry(
            request: request, status: response.status, responseBytes: response.body.count,
            durationMicroseconds: Int64(elapsed / 1000), completed: completed)
    }
}
