@testable import FeeDeskHTTP
import Foundation
import Testing

@Suite struct HTTPHeadersTests {
    @Test func lookupIgnoresCaseAndKeepsOrderAndAllValues() {
        var headers: HTTPHeaders = ["Set-Cookie": "a=1", "Content-Type": "text/plain"]
        headers.add(name: "set-cookie", value: "b=2")
        #expect(headers["SET-COOKIE"] == "a=1")
        #expect(headers.values(for: "Set-Cookie") == ["a=1", "b=2"])
        #expect(headers.contains("content-TYPE"))
        #expect(!headers.contains("Content-Typ"))
        #expect(headers["Content-Type\u{0}"] == nil)
        headers.replaceOrAdd(name: "SET-cookie", value: "c=3")
        #expect(headers.fields.map(\.name) == ["SET-cookie", "Content-Type"])
        headers["content-type"] = nil
        #expect(headers.count == 1)
        headers["X-New"] = "v"
        #expect(Array(headers.map(\.name)) == ["SET-cookie", "X-New"])
    }

    @Test(arguments: [("abc", "ABC", true), ("Content-Length", "content-length", true), ("a", "ab", false),
        ("[", "{", false), ("đ", "Đ", false), ("", "", true)])
    func asciiCaseFolding(lhs: String, rhs: String, equal: Bool) {
        #expect(asciiCaseInsensitiveEquals(lhs, rhs) == equal)
    }
}

@Suite struct HTTPResponseTests {
    struct Sample: Encodable {
        let zeta: Int
        let alpha: String
        let url: String
    }

    @Test func errorBodyIsTheUniformJSON() {
        let response = HTTPResponse.error(status: .conflict, code: "day_closed", message: "Ngày \"22/11\" đã khoá\n")
        #expect(response.status == .conflict)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":"Ngày \"22/11\" đã khoá\n","code":"day_closed"}"#)
        #expect(response.retryAfterSeconds == nil)
    }

    @Test func errorWithRetryAfter() {
        let response = HTTPResponse.error(status: .serviceUnavailable, code: "busy", message: "Try later", retryAfterSeconds: 30)
        #expect(response.headers["Retry-After"] == "30")
        #expect(response.retryAfterSeconds == 30)
        #expect(HTTPResponse.text("x").withRetryAfter(seconds: -5).headers["retry-after"] == "0")
    }

    @Test func errorMessagesRoundTripThroughAJSONParser() throws {
        var generator = SplitMix64(state: 7)
        let alphabet = Array("a\"\\/\n\r\t\u{0}\u{1}\u{1F}\u{7F}\u{2028}\u{2029}đ😀 ")
        for _ in 0..<300 {
            let message = String((0..<Int.random(in: 0...20, using: &generator)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            })
            let response = HTTPResponse.error(status: .badRequest, code: "c", message: message)
            let decoded = try JSONDecoder().decode([String: String].self, from: Data(response.body))
            #expect(decoded == ["error": message, "code": "c"])
        }
    }

    @Test func jsonSortsKeysAndKeepsSlashes() {
        let response = HTTPResponse.json(Sample(zeta: 1, alpha: "a", url: "/x/y"), status: .created)
        #expect(response.status == .created)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"alpha":"a","url":"/x/y","zeta":1}"#)
    }

    @Test func jsonEncodingFailureBecomes500() {
        let response = HTTPResponse.json(["x": Double.nan])
        #expect(response.status == .internalServerError)
        #expect(String(decoding: response.body, as: UTF8.self).contains(#""code":"encoding_failed""#))
    }

    @Test func builders() {
        #expect(HTTPResponse.text("chào").headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(HTTPResponse.text("chào").body == Array("chào".utf8))
        #expect(HTTPResponse.html("<b>").headers["Content-Type"] == "text/html; charset=utf-8")
        let redirect = HTTPResponse.redirect(to: "/login?next=%2F")
        #expect(redirect.status == .seeOther)
        #expect(redirect.headers["Location"] == "/login?next=%2F")
        #expect(redirect.body.isEmpty)
        #expect(HTTPResponse.redirect(to: "/x", status: .found).status.rawValue == 302)
        #expect(HTTPResponse.noContent.status == 204)
        #expect(HTTPResponse.bytes([1, 2], contentType: "image/png").headers["content-type"] == "image/png")
    }
}

@Suite struct HTTPRequestTests {
    @Test func conveniences() throws {
        let form = try HTTPRequest(
            method: .post, target: "/login",
            headers: ["Content-Type": "Application/X-WWW-Form-Urlencoded; charset=UTF-8", "Cookie": "sid=\"abc\"; theme=dark",
                "cookie": "x=1;bad; =y"],
            body: Array("user=an&pw=a%26b".utf8))
        #expect(form.mediaType == "application/x-www-form-urlencoded")
        #expect(form.formParameters == ["user": "an", "pw": "a&b"])
        #expect(form.cookies == ["sid": "abc", "theme": "dark", "x": "1"])
        #expect(form.bodyText == "user=an&pw=a%26b")
        let json = try HTTPRequest(method: .post, target: "/x", headers: ["Content-Type": "application/json"], body: Array(#"{"a":5}"#.utf8))
        #expect(json.formParameters == nil)
        #expect(try json.decodeJSON([String: Int].self) == ["a": 5])
        let binary = try HTTPRequest(target: "/x", body: [0xFF, 0xFE])
        #expect(binary.bodyText == nil)
        #expect(binary.mediaType == nil)
    }

    @Test func targetErrorsSurface() {
        let error = #expect(throws: HTTPServerError.self) { try HTTPRequest(target: "x") }
        #expect(error?.description == "request target 'x' does not start with '/'")
    }
}

@Suite struct RequestIDTests {
    @Test func idsAreSixteenHexDigitsAndUnique() {
        let generator = RequestIDGenerator(key: 0x1234)
        var seen = Set<String>()
        for _ in 0..<100_000 { seen.insert(generator.next()) }
        #expect(seen.count == 100_000)
        #expect(seen.allSatisfy { $0.utf8.count == 16 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
    }

    @Test(arguments: [(0 as UInt64, "0000000000000000"), (0xDEAD_BEEF, "00000000deadbeef"), (.max, "ffffffffffffffff")])
    func hex(value: UInt64, text: String) {
        #expect(RequestIDGenerator.hex16(value) == text)
    }

    @Test func mixIsTheSplitMix64Finaliser() {
        // SplitMix64 seeded with 0 yields 0xe220a8397b1dcdaf first: mix(0 + golden gamma).
        #expect(RequestIDGenerator.mix(0x9e37_79b9_7f4a_7c15) == 0xe220_a839_7b1d_cdaf)
    }

    @Test(arguments: [("abc-123_X.y", true), ("a", true), (String(repeating: "a", count: 64), true),
        ("", false), (String(repeating: "a", count: 65), false), ("a b", false), ("a\"b", false), ("ứ", false),
        ("a\r\nb", false), ("a:b", false)])
    func acceptableIncomingIDs(candidate: String, acceptable: Bool) {
        #expect(RequestIDGenerator.isAcceptable(candidate) == acceptable)
    }
}

@Suite struct ListenAddressTests {
    @Test(arguments: [("127.0.0.1:8080", "127.0.0.1", 8080), ("0.0.0.0:0", "0.0.0.0", 0), ("localhost:65535", "127.0.0.1", 65535)])
    func parses(text: String, host: String, port: Int) throws {
        let address = try ListenAddress(parsing: text)
        #expect(address.host == host)
        #expect(Int(address.port) == port)
        #expect(address.description == "\(host):\(port)")
    }

    @Test(arguments: [
        ("127.0.0.1", "listen address '127.0.0.1' has no port (expected HOST:PORT)"),
        ("127.0.0.1:", "listen address '127.0.0.1:' has port '', which is not a number from 0 to 65535"),
        ("127.0.0.1:65536", "listen address '127.0.0.1:65536' has port '65536', which is not a number from 0 to 65535"),
        ("127.0.0.1:-1", "listen address '127.0.0.1:-1' has port '-1', which is not a number from 0 to 65535"),
        ("127.0.0.1:８０", "listen address '127.0.0.1:８０' has port '８０', which is not a number from 0 to 65535"),
        ("example.org:80", "listen address 'example.org:80' has host 'example.org', which is not an IPv4 address"),
        ("[::1]:80", "listen address '[::1]:80' has host '[::1]', which is not an IPv4 address"),
        ("256.0.0.1:80", "listen address '256.0.0.1:80' has host '256.0.0.1', which is not an IPv4 address"),
        (":80", "listen address ':80' has host '', which is not an IPv4 address"),
    ])
    func rejects(text: String, message: String) {
        let error = #expect(throws: HTTPServerError.self) { try ListenAddress(parsing: text) }
        #expect(error?.description == message)
    }
}
