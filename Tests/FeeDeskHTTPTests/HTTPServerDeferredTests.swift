@testable import FeeDeskHTTP
import Foundation
import Synchronization
import Testing

/// Deferred routes: the handler keeps the responder, the connection waits suspended, the worker
/// thread serves others, and the answer goes out when the responder is called from another thread.
@Suite struct HTTPServerDeferredTests {
    /// Responders parked by `/park` until a test answers them.
    final class Parking: Sendable {
        private let parked = Mutex<[HTTPResponder]>([])

        func park(_ responder: HTTPResponder) { parked.withLock { $0.append(responder) } }

        /// Waits (up to 5 s) until `count` responders are parked, then returns them all.
        func waitFor(_ count: Int) -> [HTTPResponder] {
            for _ in 0..<1_000 where parked.withLock({ $0.count }) < count { usleep(5_000) }
            return parked.withLock { $0 }
        }
    }

    /// `/later/{ms}` answers from another thread after a delay, `/now` answers inside its handler,
    /// `/park` keeps its responder for the test, `/plain` is an ordinary route.
    static func router(parking: Parking) throws -> Router {
        var router = Router()
        try router.addDeferred(.get, "/later/{ms}") { request, responder in
            let delay = Int(request.pathParameters["ms"] ?? "") ?? 0
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(delay)) {
                responder.respond(.text("later \(delay)"))
            }
        }
        try router.addDeferred(.post, "/now", bodyLimit: 64) { request, responder in
            responder.respond(.text("now \(request.body.count)", status: .created))
            responder.respond(.text("second answer"))  // ignored: the first answer counts
        }
        try router.addDeferred(.get, "/park") { _, responder in parking.park(responder) }
        try router.get("/plain") { _ in .text("plain") }
        return router
    }

    @Test func answerFromAnotherThreadArrivesWhileTheOnlyWorkerServesOthers() throws {
        let parking = Parking()
        let server = try startTestServer(router: Self.router(parking: parking)) { $0.threadPoolSize = 1 }
        defer { server.stop(gracePeriod: .seconds(1)) }
        let port = server.port
        let waiting = Mutex<RawResponse?>(nil)
        let failure = Mutex<String?>(nil)
        let client = Thread {
            do {
                let answer = try rawRequest(port: port, target: "/park", timeoutSeconds: 30)
                waiting.withLock { $0 = answer }
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
        }
        client.start()
        let parked = try #require(parking.waitFor(1).first)
        // The single worker is free while /park waits: other requests are answered meanwhile.
        for _ in 0..<3 {
            let plain = try rawRequest(port: port, target: "/plain")
            #expect(plain.status == 200 && plain.text == "plain")
        }
        #expect(try rawRequest(port: port, target: "/later/1").text == "later 1")
        #expect(waiting.withLock { $0 } == nil)
        for _ in 0..<400 where server.requestsInFlight > 1 { usleep(5_000) }  // the last answer's completion
        #expect(server.requestsInFlight == 1)
        DispatchQueue.global().async { parked.respond(.text("at last")) }
        for _ in 0..<1_000 where waiting.withLock({ $0 }) == nil && failure.withLock({ $0 }) == nil { usleep(5_000) }
        #expect(failure.withLock { $0 } == nil)
        let answer = try #require(waiting.withLock { $0 })
        #expect(answer.status == 200 && answer.text == "at last")
        #expect(answer.header("X-Request-Id")?.count == 16)
    }

    @Test func answerGivenInsideTheHandlerIsSentWithoutSuspending() throws {
        let server = try startTestServer(router: Self.router(parking: Parking()))
        defer { server.stop(gracePeriod: .seconds(1)) }
        let answer = try rawRequest(port: server.port, method: "POST", target: "/now", body: Array("12345".utf8))
        #expect(answer.status == 201 && answer.text == "now 5")
        let tooLarge = try rawRequest(port: server.port, method: "POST", target: "/now", body: Array(repeating: 65, count: 65))
        #expect(tooLarge.status == 413)
    }

    @Test func manyKeepAliveRequestsAnsweredAtOnceOrLaterAllArrive() throws {
        let server = try startTestServer(router: Self.router(parking: Parking()))
        defer { server.stop(gracePeriod: .seconds(1)) }
        let port = server.port
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for client in 0..<16 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let connection = try TestConnection(port: port)
                    for index in 0..<50 {
                        let delay = (client + index) % 3  // 0 ms answers often race the suspension
                        try connection.send("GET /later/\(delay) HTTP/1.1\r\nHost: x\r\n\r\n")
                        let response = try connection.readResponse()
                        if response.text != "later \(delay)" { failures.withLock { $0.append("\(client)/\(index): \(response.text)") } }
                    }
                } catch {
                    failures.withLock { $0.append("\(client): \(error)") }
                }
            }
        }
        group.wait()
        #expect(failures.withLock { $0 } == [])
        for _ in 0..<400 where server.requestsInFlight > 0 { usleep(5_000) }
        #expect(server.requestsInFlight == 0)
    }

    @Test func stopAnswersParkedRequests503AndLateAnswersGoNowhere() throws {
        let parking = Parking()
        let server = try startTestServer(router: Self.router(parking: parking))
        let port = server.port
        let answers = Mutex<[RawResponse]>([])
        let group = DispatchGroup()
        for _ in 0..<3 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                if let answer = try? rawRequest(port: port, target: "/park") { answers.withLock { $0.append(answer) } }
            }
        }
        let parked = parking.waitFor(3)
        #expect(parked.count == 3)
        let started = Date()
        #expect(server.stop(gracePeriod: .milliseconds(200)) == 0)  // libmicrohttpd aborts if one stays suspended
        #expect(Date().timeIntervalSince(started) < 3)
        group.wait()
        let received = answers.withLock { $0 }
        #expect(received.count == 3)
        for answer in received {
            #expect(answer.status == 503)
            #expect(answer.header("Retry-After") == "5")
            #expect(answer.text.contains("\"code\":\"shutting_down\""))
        }
        #expect(parked.allSatisfy { !$0.respond(.text("too late")) })
        #expect(server.requestsInFlight == 0)
    }

    @Test func answerWithinTheGracePeriodIsSentBeforeStopping() throws {
        let parking = Parking()
        let server = try startTestServer(router: Self.router(parking: parking))
        let port = server.port
        let answer = Mutex<RawResponse?>(nil)
        let client = Thread { answer.withLock { $0 = try? rawRequest(port: port, target: "/park") } }
        client.start()
        let parked = try #require(parking.waitFor(1).first)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(150)) { parked.respond(.text("committed")) }
        #expect(server.stop(gracePeriod: .seconds(5)) == 0)
        for _ in 0..<400 where answer.withLock({ $0 }) == nil { usleep(5_000) }
        let received = try #require(answer.withLock { $0 })
        #expect(received.status == 200 && received.text == "committed")
        #expect(received.header("Connection")?.lowercased() == "close")
    }

    @Test func clientLeavingWhileParkedLeavesNothingInFlight() throws {
        let parking = Parking()
        let server = try startTestServer(router: Self.router(parking: parking))
        defer { server.stop(gracePeriod: .seconds(1)) }
        do {
            let connection = try TestConnection(port: server.port)
            try connection.send("GET /park HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = parking.waitFor(1)
        }  // closed here, while suspended: libmicrohttpd notices only after the resume
        let parked = try #require(parking.waitFor(1).first)
        #expect(server.requestsInFlight == 1)
        parked.respond(.text("nobody listens"))
        for _ in 0..<400 where server.requestsInFlight > 0 { usleep(5_000) }
        #expect(server.requestsInFlight == 0)
        #expect(!parked.respond(.text("again")))
        #expect(try rawRequest(port: server.port, target: "/plain").status == 200)
    }

    /// A deferred request nobody answers gets a 503 with `Retry-After` after the configured wait; the
    /// late answer is then dropped, and the connection serves the next request.
    @Test func anUnansweredDeferredRequestTimesOutWith503() throws {
        let parking = Parking()
        let server = try startTestServer(router: Self.router(parking: parking)) { $0.deferredTimeoutSeconds = 1 }
        defer { server.stop(gracePeriod: .seconds(1)) }
        let started = Date()
        let answer = try rawRequest(port: server.port, target: "/park", timeoutSeconds: 10)
        let waited = Date().timeIntervalSince(started)
        #expect(answer.status == 503)
        #expect(answer.header("Retry-After") == "5")
        #expect(answer.text.contains("timed_out"))
        #expect(waited >= 0.9 && waited < 5, "waited \(waited) s")
        let parked = try #require(parking.waitFor(1).first)
        #expect(parked.respond(.text("too late")) == false)
        #expect(try rawRequest(port: server.port, target: "/later/1").text == "later 1")
        // An answer within the wait is not replaced by the timeout.
        #expect(try rawRequest(port: server.port, target: "/later/200").text == "later 200")
    }

    @Test func theDeferredTimeoutIsValidated() {
        var configuration = HTTPServerConfiguration()
        configuration.deferredTimeoutSeconds = -1
        #expect(throws: HTTPServerError.self) { try configuration.validate() }
    }

    @Test func onceStoppingADeferredRouteIsAnswered503WithoutCallingItsHandler() throws {
        let called = Atomic<Int>(0)
        var router = Router()
        try router.addDeferred(.post, "/work") { _, responder in
            called.add(1, ordering: .relaxed)
            responder.respond(.text("done"))
        }
        let core = ServerCore(router: router, configuration: HTTPServerConfiguration())
        #expect(core.refuseDeferredRequests() == 0)
        let state = RequestState(rawTarget: "/work", startNanoseconds: 0)
        #expect(state.begin(head: RequestHead(method: "POST", version: "HTTP/1.1", headers: [:], remoteAddress: "10.0.0.1"), core: core) == nil)
        // The connection is never touched on this path (no suspension while stopping).
        let untouched = try #require(OpaquePointer(bitPattern: 0x10))
        let response = try #require(state.finish(core: core, connection: untouched))
        #expect(response.status == .serviceUnavailable && response.retryAfterSeconds == 5)
        #expect(called.load(ordering: .relaxed) == 0)
    }

    @Test func onlyTheFirstAnswerCounts() {
        let responder = HTTPResponder(connection: nil)
        #expect(responder.respond(.text("first")))
        #expect(!responder.respond(.text("second")))
        #expect(responder.waitForResponse().map { String(decoding: $0.body, as: UTF8.self) } == "first")
        responder.close()
        #expect(!responder.respond(.text("third")))
    }

    @Test func routerDrivesDeferredRoutesWithoutSockets() throws {
        let router = try Self.router(parking: Parking())
        let later = router.respond(to: try HTTPRequest(method: .get, target: "/later/5"))
        #expect(later.status == .ok && String(decoding: later.body, as: UTF8.self) == "later 5")
        let now = router.respond(to: try HTTPRequest(method: .post, target: "/now", body: [1, 2]))
        #expect(now.status == .created && String(decoding: now.body, as: UTF8.self) == "now 2")
    }
}
