import FeeDeskHTTP
import Foundation
import Testing

@Suite struct HTTPServerRoutingTests {
    @Test func getWithPathParameterAndQuery() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let response = try rawRequest(port: server.port, target: "/items/H%C3%A0%20N%E1%BB%99i%2F1?q=a+b&q=%C4%91&x")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        let object = try jsonObject(response)
        #expect(object["id"] == "Hà Nội/1")
        #expect(object["q"] == "a b,đ")
        #expect(object["path"] == "/items/Hà Nội/1")
        #expect(object["rawQuery"] == "q=a+b&q=%C4%91&x")
        #expect(object["route"] == "/items/{id}")
        #expect(object["remote"] == "127.0.0.1")
    }

    @Test func postRoutesLiteralBeforeParameter() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let batch = try rawRequest(port: server.port, method: "POST", target: "/items/batch", body: Array("abc".utf8))
        #expect(batch.status == 200)
        #expect(batch.text == "batch 3")
        let note = try rawRequest(port: server.port, method: "POST", target: "/items/7/notes", body: Array("ghi chú".utf8))
        #expect(note.status == 201)
        #expect(try jsonObject(note) == ["id": "7", "note": "ghi chú"])
        let item = try rawRequest(port: server.port, target: "/items/batch")
        #expect(try jsonObject(item)["id"] == "batch")
    }

    @Test func headerLookupIgnoresCaseAndKeepsEveryValue() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let response = try rawRequest(
            port: server.port, target: "/headers",
            headers: [("x-cUsToM", "one"), ("User-Agent", "probe/1"), ("X-Custom", "two")])
        #expect(response.text == "one|two;probe/1")
    }

    @Test func unknownPathIsJSON404() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let response = try rawRequest(port: server.port, target: "/nope?x=1")
        #expect(response.status == 404)
        #expect(response.text == #"{"error":"No route for GET /nope","code":"not_found"}"#)
        #expect(response.header("X-Request-Id")?.count == 16)
    }

    @Test func wrongMethodIsJSON405WithAllow() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let response = try rawRequest(port: server.port, method: "DELETE", target: "/items/batch")
        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET, HEAD, POST")
        #expect(
            response.text
                == #"{"error":"Method DELETE is not allowed on /items/batch (allowed: GET, HEAD, POST)","code":"method_not_allowed"}"#
        )
    }

    @Test func headUsesTheGetRouteWithoutBody() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let response = try rawRequest(port: server.port, method: "HEAD", target: "/items/5")
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(Int(response.header("Content-Length") ?? "") ?? 0 > 0)
    }

    @Test func malformedTargetIs400() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let response = try rawRequest(port: server.port, target: "/items/%zz")
        #expect(response.status == 400)
        #expect(
            response.text
                == #"{"error":"request target '/items/%zz' has a malformed percent-escape in its path","code":"bad_request"}"#)
    }

    @Test func urlEncodedFormBodyArrivesRaw() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let response = try rawRequest(
            port: server.port, method: "POST", target: "/form",
            headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array("user=an+nguy%E1%BB%85n&pw=x%26y".utf8))
        #expect(response.text == "user=an nguyễn&pw=x&y")
    }

    @Test func defaultHeadersFillOnlyWhatTheResponseLacks() throws {
        let server = try startTestServer {
            $0.defaultHeaders = ["X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff"]
        }
        defer { server.stop(gracePeriod: .seconds(1)) }
        let custom = try rawRequest(port: server.port, target: "/custom-header")
        #expect(custom.header("X-Frame-Options") == "SAMEORIGIN")
        #expect(custom.header("X-Content-Type-Options") == "nosniff")
        let missing = try rawRequest(port: server.port, target: "/missing")
        #expect(missing.header("X-Frame-Options") == "DENY")
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let server = try startTestServer()
        defer { server.stop(gracePeriod: .seconds(1)) }
        let connection = try TestConnection(port: server.port)
        for index in 0..<5 {
            try connection.send("GET /items/\(index) HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try connection.readResponse()
            #expect(try jsonObject(response)["id"] == String(index))
        }
    }
}
