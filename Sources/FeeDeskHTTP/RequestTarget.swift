/// The origin-form request target (`/path?query`) split and decoded; pure, so it is unit-tested directly.
struct RequestTarget: Sendable, Equatable {
    /// The percent-decoded path, e.g. `/api/v1/items/A B`.
    var path: String
    /// The path's segments after the leading `/`, each decoded on its own (an escaped `/` stays inside).
    var segments: [String]
    /// The query string as sent, without the `?` (empty when there is none).
    var rawQuery: String
    /// The decoded query parameters.
    var query: HTTPParameters

    /// Splits and decodes a raw target; a fragment (never sent by conforming clients) is dropped.
    static func parse(_ raw: String) throws(HTTPServerError) -> RequestTarget {
        var target = Substring(raw)
        if let hash = target.firstIndex(of: "#") { target = target[..<hash] }
        let rawPath: Substring
        let rawQuery: Substring
        if let question = target.firstIndex(of: "?") {
            rawPath = target[..<question]
            rawQuery = target[target.index(after: question)...]
        } else {
            rawPath = target
            rawQuery = ""
        }
        guard rawPath.first == "/" else {
            throw .malformedRequestTarget(target: raw, reason: "does not start with '/'")
        }
        guard let path = PercentDecoding.decode(rawPath, plusAsSpace: false) else {
            throw .malformedRequestTarget(target: raw, reason: "has a malformed percent-escape in its path")
        }
        var segments: [String] = []
        for rawSegment in rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let segment = PercentDecoding.decode(rawSegment, plusAsSpace: false) else {
                throw .malformedRequestTarget(target: raw, reason: "has a malformed percent-escape in its path")
            }
            segments.append(segment)
        }
        guard let query = HTTPParameters(urlEncoded: rawQuery) else {
            throw .malformedRequestTarget(target: raw, reason: "has a malformed percent-escape in its query")
        }
        return RequestTarget(path: path, segments: segments, rawQuery: String(rawQuery), query: query)
    }
}
