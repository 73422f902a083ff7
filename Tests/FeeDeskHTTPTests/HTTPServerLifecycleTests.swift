import FeeDeskHTTP
import Foundation
import Synchronization
import Testing

@Suite struct HTTPServerLifecycleTests {
    @Test func fiftyParallelClientsAreAllAnsweredWithUniqueRequestIDs() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let results = Mutex<[Int: (status: Int, id: String, error: String?)]>([:])
        let port = server.port
        DispatchQueue.concurrentPerform(iterations: 50) { index in
            do {
                let response = try rawRequest(port: port, target: "/items/\(index)", timeoutSeconds: 30)
                let id = try jsonObject(response)["id"]
                results.withLock {
                    $0[index] = (id == String(index) ? response.status : 0, response.header("X-Request-Id") ?? "", nil)
                }
            } catch {
                results.withLock { $0[index] = (0, "", "\(error)") }
            }
        }
        let collected = results.withLock { $0 }
        #expect(collected.count == 50)
        #expect(collected.values.allSatisfy { $0.status == 200 }, "\(collected.values.compactMap(\.error))")
        let ids = Set(collected.values.map(\.id))
        #expect(ids.count == 50)
        #expect(ids.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
    }

    @Test func safeClientRequestIDIsEchoedAndUnsafeOneReplaced() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let safe = try rawRequest(port: server.port, target: "/items/1", headers: [("X-Request-Id", "edge-42.a_b")])
        #expect(safe.header("X-Request-Id") == "edge-42.a_b")
        let unsafe = try rawRequest(port: server.port, target: "/items/1", headers: [("X-Request-Id", "a b\"<script>")])
        #expect(unsafe.header("X-Request-Id")?.count == 16)
        #expect(unsafe.header("X-Request-Id") != "a b\"<script>")
    }

    @Test func accessLogReportsStatusBytesDurationAndRoute() throws {
        let recorder = AccessLogRecorder()
        let server = try startTestServer { $0.accessLog = recorder.record }
        defer { server.stop(gracePeriod: .seconds(1)) }
        _ = try rawRequest(port: server.port, target: "/items/9")
        _ = try rawRequest(port: server.port, target: "/unknown")
        let entries = recorder.waitFor(2).sorted { $0.status.rawValue < $1.status.rawValue }
        #expect(entries.map(\.status.rawValue) == [200, 404])
        #expect(entries.map(\.routePattern) == ["/items/{id}", nil])
        #expect(entries[0].request.routeName == "item")
        #expect(entries[0].responseBytes > 0)
        #expect(entries[0].durationMicroseconds >= 0)
        #expect(entries.allSatisfy { $0.completed })
        #expect(entries[1].request.path == "/unknown")
    }

    @Test func gracefulStopFinishesTheRequestInFlightAndRefusesNewConnections() throws {
        let server = try startTestServer()
        let port = server.port
        let slow = Mutex<Result<RawResponse, TestClientError>?>(nil)
        let client = Thread {
            let result = Result { try rawRequest(port: port, target: "/slow") }.mapError { TestClientError("\($0)") }
            slow.withLock { $0 = result }
        }
        client.start()
        for _ in 0..<1_000 where server.requestsInFlight == 0 { usleep(2_000) }
        #expect(server.requestsInFlight == 1)

        let cutOff = Mutex<Int?>(nil)
        let stopper = Thread { cutOff.withLock { $0 = server.stop(gracePeriod: .seconds(5)) } }
        stopper.start()
        var refusal: String?
        for _ in 0..<500 where refusal == nil {
            do { _ = try TestConnection(port: port) } catch { refusal = "\(error)" }
            usleep(2_000)
        }
        // A connect racing the listening socket's shutdown may be reset instead of refused: both are refusals.
        #expect(refusal == "Connection refused" || refusal == "Connection reset by peer")
        #expect(slow.withLock { $0 } == nil, "the slow request should still be running")

        // Generous waits: the whole suite runs in parallel on two cores.
        for _ in 0..<3_000 where cutOff.withLock({ $0 }) == nil { usleep(5_000) }
        #expect(cutOff.withLock { $0 } == 0)
        for _ in 0..<3_000 where slow.withLock({ $0 }) == nil { usleep(5_000) }
        let response = try #require(try slow.withLock { $0 }?.get())
        #expect(response.status == 200)
        #expect(response.text == "done")
        #expect(response.header("Connection")?.lowercased() == "close")
        #expect(server.requestsInFlight == 0)
    }

    @Test func connectionsAreRefusedAfterStop() throws {
        let server = try startTestServer()
        let port = server.port
        #expect(try rawRequest(port: port, target: "/items/1").status == 200)
        #expect(server.stop(gracePeriod: .seconds(1)) == 0)
        #expect(!server.isRunning)
        let error = #expect(throws: TestClientError.self) { try TestConnection(port: port) }
        #expect(error?.description == "Connection refused")
        #expect(server.stop() == 0)
    }

    @Test func busyPortGivesTheErrnoText() throws {
        let first = try startTestServer()
        defer { first.stop(gracePeriod: .seconds(1)) }
        let port = first.port
        let error = #expect(throws: HTTPServerError.self) {
            try startTestServer { $0.address = try! ListenAddress(host: "127.0.0.1", port: port) }
        }
        #expect(error?.description == "could not listen on 127.0.0.1:\(port): Address already in use")
    }

    @Test func unavailableAddressGivesTheErrnoText() throws {
        let error = #expect(throws: HTTPServerError.self) {
            try startTestServer { $0.address = try! ListenAddress(host: "192.0.2.1", port: 0) }
        }
        #expect(error?.description == "could not listen on 192.0.2.1:0: Cannot assign requested address")
    }

    @Test func invalidConfigurationIsRefusedBeforeBinding() throws {
        let error = #expect(throws: HTTPServerError.self) { try startTestServer { $0.threadPoolSize = 0 } }
        #expect(error?.description == "HTTP server setting threadPoolSize = 0 is outside 1...1024")
    }

    @Test func garbageAndAbortedRequestsLeaveNothingInFlight() throws {
        let server = try startTestServer { $0.connectionTimeoutSeconds = 2 }
        defer { server.stop(gracePeriod: .seconds(1)) }
        let garbage = try TestConnection(port: server.port)
        try garbage.send("NOT-HTTP\r\n\r\n")
        #expect(garbage.peerClosed() || (try? garbage.readResponse())?.status == 400)
        let deadline = Date().addingTimeInterval(10)
        do {
            // Keep the cut-off upload open until the server has counted it, then hang up mid-body.
            let aborted = try TestConnection(port: server.port)
            try aborted.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
            while server.requestsInFlight == 0 && Date() < deadline { usleep(2_000) }
            #expect(server.requestsInFlight == 1)
        }
        // libmicrohttpd notices the hang-up at once, or at the 2 s idle timeout at the latest.
        while server.requestsInFlight > 0 && Date() < deadline { usleep(5_000) }
        #expect(server.requestsInFlight == 0)
        #expect(try rawRequest(port: server.port, target: "/items/1").status == 200)
    }


}

