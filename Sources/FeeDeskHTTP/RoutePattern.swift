/// A route path pattern such as `/api/v1/items/{id}/qr.svg`: literal segments and whole-segment
/// `{name}` parameters.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    /// One `/`-separated piece of a pattern.
    enum Segment: Sendable, Hashable {
        /// Text that must equal the decoded path segment.
        case literal(String)
        /// A named parameter matching any non-empty segment.
        case parameter(String)
    }

    /// The pattern as written.
    public let text: String
    /// The compiled segments.
    let segments: [Segment]

    /// Compiles a pattern; it must start with `/`, have no empty segments (except the root `/`), and
    /// use each `{name}` (letters, digits, `_`; not starting with a digit) once, as a whole segment.
    public init(_ text: String) throws(HTTPServerError) {
        guard text.first == "/" else {
            throw .invalidRoutePattern(pattern: text, reason: "does not start with '/'")
        }
        self.text = text
        if text == "/" {
            segments = [.literal("")]
            return
        }
        var compiled: [Segment] = []
        var names: Set<String> = []
        for piece in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            compiled.append(try Self.compile(segment: piece, of: text, names: &names))
        }
        segments = compiled
    }

    /// The parameter names in order.
    public var parameterNames: [String] {
        segments.compactMap { if case let .parameter(name) = $0 { name } else { nil } }
    }

    /// The pattern as written.
    public var description: String { text }

    /// The parameters when the decoded path segments match, else nil.
    func match(_ path: [String]) -> HTTPParameters? {
        guard path.count == segments.count else { return nil }
        for (segment, value) in zip(segments, path) {
            switch segment {
            case let .literal(literal):
                if literal != value { return nil }
            case .parameter:
                if value.isEmpty { return nil }
            }
        }
        var parameters = HTTPParameters()
        for (segment, value) in zip(segments, path) {
            if case let .parameter(name) = segment { parameters.append(name: name, value: value) }
        }
        return parameters
    }

    /// The literal texts with nil for parameters: two patterns of one shape match the same paths.
    var shape: [String?] {
        segments.map { if case let .literal(literal) = $0 { literal } else { nil } }
    }

    /// Whether `self` should be tried before `other`: at the first differing kind, a literal wins.
    func isMoreSpecific(than other: RoutePattern) -> Bool {
        for (mine, theirs) in zip(segments, other.segments) {
            switch (mine, theirs) {
            case (.literal, .parameter): return true
            case (.parameter, .literal): return false
            default: continue
            }
        }
        return false
    }

    private static func compile(
        segment piece: Substring, of text: String, names: inout Set<String>
    ) throws(HTTPServerError) -> Segment {
        guard !piece.isEmpty else {
            throw .invalidRoutePattern(pattern: text, reason: "has an empty segment")
        }
        guard piece.contains("{") || piece.contains("}") else {
            if let bad = piece.first(where: { "?#% ".contains($0) }) {
                throw .invalidRoutePattern(pattern: text, reason: "has '\(bad)' in segment '\(piece)'")
            }
            return .literal(String(piece))
        }
        guard piece.first == "{", piece.last == "}", piece.count >= 2,
            !piece.dropFirst().dropLast().contains(where: { $0 == "{" || $0 == "}" })
        else {
            throw .invalidRoutePattern(
                pattern: text, reason: "has segment '\(piece)', which is neither literal text nor one whole {name}")
        }
        let name = String(piece.dropFirst().dropLast())
        guard !name.isEmpty else {
            throw .invalidRoutePattern(pattern: text, reason: "has an empty parameter name")
        }
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first),
            name.unicodeScalars.allSatisfy({ $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        else {
            throw .invalidRoutePattern(
                pattern: text, reason: "has parameter name '\(name)', which is not letters, digits and '_'")
        }
        guard names.insert(name).inserted else {
            throw .invalidRoutePattern(pattern: text, reason: "uses the parameter name '\(name)' twice")
        }
        return .parameter(name)
    }
}
