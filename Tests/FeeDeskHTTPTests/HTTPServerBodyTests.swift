import FeeDeskHTTP
import Foundation
import Testing

@Suite struct HTTPServerBodyTests {
    /// A chunked body: each chunk as `size CRLF data CRLF`, then the last chunk.
    static func chunked(_ chunks: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        for chunk in chunks {
            bytes += Array("\(String(chunk.count, radix: 16))\r\n".utf8) + chunk + Array("\r\n".utf8)
        }
        return bytes + Array("0\r\n\r\n".utf8)
    }

    @Test func echoesA100KiBBody() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        var generator = SplitMix64(state: 100)
        let body = (0..<102_400).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let response = try rawRequest(port: server.port, method: "POST", target: "/echo", body: body)
        #expect(response.status == 200)
        #expect(response.body == body)
    }

    @Test func declaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws {
        let recorder = AccessLogRecorder()
        let server = try startTestServer { $0.accessLog = recorder.record }
        defer { server.stop(gracePeriod: .seconds(1)) }
        let connection = try TestConnection(port: server.port, timeoutSeconds: 3)
        try connection.send("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n")
        let response = try connection.readResponse()
        #expect(response.status == 413)
        #expect(response.text == #"{"error":"The request body is larger than the limit of 1024 bytes","code":"payload_too_large"}"#)
        #expect(connection.peerClosed())
        let entries = recorder.waitFor(1)
        #expect(entries.map(\.status) == [413])
        #expect(entries.first?.routePattern == "/small")
    }

    @Test func expectContinueOverTheLimitGets413AndNo100() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let connection = try TestConnection(port: server.port, timeoutSeconds: 3)
        try connection.send("POST /small HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n")
        let response = try connection.readResponse()
        #expect(response.status == 413)
    }

    @Test func declaredLengthAtTheLimitIsAccepted() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let response = try rawRequest(port: server.port, method: "POST", target: "/small", body: Array(repeating: 65, count: 1024))
        #expect(response.status == 200)
        #expect(response.text == "got 1024")
    }

    @Test func chunkedBodyWithinTheLimitArrivesWhole() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let connection = try TestConnection(port: server.port)
        try connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        try connection.send(Self.chunked([Array("hello ".utf8), Array("chunked ".utf8), Array("world".utf8)]))
        let response = try connection.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "hello chunked world")
    }

    @Test func chunkedBodyOverTheLimitIs413() throws {
        let handled = AccessLogRecorder()
        let server = try startTestServer { $0.accessLog = handled.record }
        defer { server.stop(gracePeriod: .seconds(1)) }
        let connection = try TestConnection(port: server.port)
        try connection.send("POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        try connection.send(Self.chunked(Array(repeating: Array(repeating: 66, count: 700), count: 4)))
        let response = try connection.readResponse()
        #expect(response.status == 413)
        #expect(response.text.contains("1024 bytes"))
        #expect(handled.waitFor(1).map(\.status) == [413])
    }

    @Test func chunkedBodyFarOverTheLimitIsCutOff() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let connection = try TestConnection(port: server.port, timeoutSeconds: 3)
        try connection.send("POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = Array("10000\r\n".utf8) + Array(repeating: UInt8(67), count: 65_536) + Array("\r\n".utf8)
        var sendFailed = false
        for _ in 0..<40 where !sendFailed {  // 2.5 MiB, past the 1 MiB discard allowance
            do { try connection.send(chunk) } catch { sendFailed = true }
        }
        #expect(connection.peerClosed())
    }
}
