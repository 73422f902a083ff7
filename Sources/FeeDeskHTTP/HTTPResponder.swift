import CMicroHTTPD
import Foundation
import Synchronization

/// Answers one request of a deferred route (`Router.addDeferred`), later and from any thread.
///
/// The handler receives the responder, hands it to whatever finishes the work (a commit queue, say)
/// and returns at once; the server's worker thread goes on serving other connections while the
/// request's connection is suspended. `respond` then resumes the connection and the answer is sent.
/// The first call wins; later calls, and calls after the client went away or the server stopped, do
/// nothing and return false.
public final class HTTPResponder: @unchecked Sendable { // `connection` is used only under `state`'s lock, and only while suspended
    /// Where the request is between its handler and libmicrohttpd.
    enum State {
        /// The handler is running on the worker thread: an answer now is sent when it returns.
        case running
        /// Answered while the handler ran (or when nothing was suspended); not yet taken.
        case responded(HTTPResponse)
        /// The connection is suspended, waiting for `respond`.
        case suspended
        /// Answered after suspension: the connection is resumed and will take the answer.
        case resumed(HTTPResponse)
        /// The answer was handed to libmicrohttpd.
        case delivered
        /// The request ended (client gone, server stopped) without taking an answer.
        case closed
    }

    private let state = Mutex(State.running)
    /// The libmicrohttpd connection, or nil when the route is driven without sockets.
    private let connection: OpaquePointer?
    /// Wakes a socketless caller waiting in `waitForResponse`.
    private let answered = DispatchSemaphore(value: 0)

    init(connection: OpaquePointer?) {
        self.connection = connection
    }

    /// Sends `response` as the request's answer. Returns false when an answer was already given or
    /// the request can no longer be answered (the client disconnected or the server stopped).
    @discardableResult
    public func respond(_ response: HTTPResponse) -> Bool {
        let accepted = state.withLock { state -> Bool in
            switch state {
            case .running:
                state = .responded(response)
                return true
            case .suspended:
                guard let connection else { return false }
                state = .resumed(response)
                MHD_resume_connection(connection)  // allowed from any thread; MHD then calls the access handler again
                return true
            case .responded, .resumed, .delivered, .closed:
                return false
            }
        }
        if accepted && connection == nil { answered.signal() }
        return accepted
    }

    /// Called on the worker thread when the handler has returned: the answer if it is already there,
    /// else the connection is suspended (nil). With `refuse` set (the server is stopping) nothing is
    /// suspended: `refusal` is the answer unless the handler already gave one.
    func settle(refuse: Bool, refusal: @autoclosure () -> HTTPResponse) -> HTTPResponse? {
        state.withLock { state -> HTTPResponse? in
            switch state {
            case let .responded(response):
                state = .delivered
                return response
            case .running where refuse:
                state = .delivered
                return refusal()
            case .running:
                guard let connection else { return nil }  // socketless callers use waitForResponse
                MHD_suspend_connection(connection)  // only safe from the access handler, which is where we are
                state = .suspended
                return nil
            case .suspended, .resumed, .delivered, .closed:
                return nil
            }
        }
    }

    /// Called on the worker thread after libmicrohttpd resumed the connection: the answer to send.
    func takeResumedResponse() -> HTTPResponse? {
        state.withLock { state -> HTTPResponse? in
            guard case let .resumed(response) = state else { return nil }
            state = .delivered
            return response
        }
    }

    /// Answers with `response` if nothing answered yet: used when the server stops, so that no
    /// connection stays suspended (libmicrohttpd cannot stop with one). Returns whether it answered.
    @discardableResult
    func abandon(with response: HTTPResponse) -> Bool {
        respond(response)
    }

    /// The request is over; any later `respond` is ignored.
    func close() {
        state.withLock { state in
            switch state {
            case .delivered, .closed: break
            default: state = .closed
            }
        }
    }

    /// For routes driven without sockets: waits until `respond` is called and returns the answer.
    func waitForResponse() -> HTTPResponse? {
        answered.wait()
        return state.withLock { state -> HTTPResponse? in
            guard case let .responded(response) = state else { return nil }
            state = .delivered
            return response
        }
    }
}
