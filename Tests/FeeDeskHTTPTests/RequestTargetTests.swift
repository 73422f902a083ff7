@testable import FeeDeskHTTP
import Testing

@Suite struct RequestTargetTests {
    @Test(arguments: [
        ("/", "/", [""], "", ""),
        ("/a/b", "/a/b", ["a", "b"], "", ""),
        ("/a%20b/c?x=1&y=%C4%91", "/a b/c", ["a b", "c"], "x=1&y=%C4%91", "x=1;y=đ"),
        ("/a%2Fb", "/a/b", ["a/b"], "", ""),
        ("/a+b?q=a+b", "/a+b", ["a+b"], "q=a+b", "q=a b"),
        ("/x?", "/x", ["x"], "", ""),
        ("/x?a&&b=&=c", "/x", ["x"], "a&&b=&=c", "a=;b=;=c"),
        ("/x?k=1&k=2", "/x", ["x"], "k=1&k=2", "k=1;k=2"),
        ("/x#frag", "/x", ["x"], "", ""),
        ("/x?a=1#frag", "/x", ["x"], "a=1", "a=1"),
        ("/x?a=b=c", "/x", ["x"], "a=b=c", "a=b=c"),
        ("/H%C3%A0%20N%E1%BB%99i", "/Hà Nội", ["Hà Nội"], "", ""),
    ])
    func parses(raw: String, path: String, segments: [String], rawQuery: String, query: String) throws {
        let target = try RequestTarget.parse(raw)
        #expect(target.path == path)
        #expect(target.segments == segments)
        #expect(target.rawQuery == rawQuery)
        #expect(target.query.pairs.map { "\($0.name)=\($0.value)" }.joined(separator: ";") == query)
    }

    @Test(arguments: [
        ("*", "request target '*' does not start with '/'"),
        ("http://example.com/x", "request target 'http://example.com/x' does not start with '/'"),
        ("", "request target '' does not start with '/'"),
        ("/a%zz", "request target '/a%zz' has a malformed percent-escape in its path"),
        ("/a%2", "request target '/a%2' has a malformed percent-escape in its path"),
        ("/a%00b", "request target '/a%00b' has a malformed percent-escape in its path"),
        ("/a%C3", "request target '/a%C3' has a malformed percent-escape in its path"),
        ("/a%FF%FE", "request target '/a%FF%FE' has a malformed percent-escape in its path"),
        ("/a?x=%G1", "request target '/a?x=%G1' has a malformed percent-escape in its query"),
        ("/a?x=%", "request target '/a?x=%' has a malformed percent-escape in its query"),
        ("/a?%00=1", "request target '/a?%00=1' has a malformed percent-escape in its query"),
    ])
    func rejectsMalformedTargets(raw: String, message: String) {
        let error = #expect(throws: HTTPServerError.self) { try RequestTarget.parse(raw) }
        #expect(error?.description == message)
    }

    /// Percent-encodes every byte outside the unreserved set (RFC 3986), as a client would.
    static func encode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            if (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || "-._~".utf8.contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return encoded
    }

    @Test func encodedSegmentsAndQueriesRoundTrip() throws {
        var generator = SplitMix64(state: 2026)
        let alphabet = Array("aZ09 /?&=+%#-_.~đĐàáạảãâầấậẩẫăằắặẳẵ€😀\u{7F}\t")
        for _ in 0..<500 {
            let length = Int.random(in: 1...12, using: &generator)
            let segment = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            let value = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            let target = try RequestTarget.parse("/s/" + Self.encode(segment) + "?k=" + Self.encode(value))
            #expect(target.segments == ["s", segment])
            #expect(target.query["k"] == value)
        }
    }
}
