import FeeDeskHTTP
import Foundation
import Testing

@Suite struct HTTPServerLimitTests {
    @Test func perAddressConnectionLimitClosesTheExtraConnection() throws {
        let server = try startTestServer { $0.perIPConnectionLimit = 2 }
        defer { server.stop(gracePeriod: .seconds(1)) }
        let first = try TestConnection(port: server.port)
        let second = try TestConnection(port: server.port)
        try first.send("GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try first.readResponse().status == 200)
        let third = try TestConnection(port: server.port, timeoutSeconds: 3)
        #expect(third.peerClosed())
        try second.send("GET /items/2 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try second.readResponse().status == 200)
    }

    @Test func idleConnectionsTimeOut() throws {
        let server = try startTestServer { $0.connectionTimeoutSeconds = 1 }
        defer { server.stop(gracePeriod: .seconds(1)) }
        let idle = try TestConnection(port: server.port, timeoutSeconds: 4)
        let start = Date()
        #expect(idle.peerClosed())
        #expect(Date().timeIntervalSince(start) < 3)
    }

    @Test func oversizedHeadIsRefusedByTheServer() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let connection = try TestConnection(port: server.port, timeoutSeconds: 3)
        try? connection.send("GET /items/1 HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 64_000))\r\n\r\n")
        let response = try? connection.readResponse()
        #expect(response.map { $0.status >= 400 } ?? connection.peerClosed())
    }
}
