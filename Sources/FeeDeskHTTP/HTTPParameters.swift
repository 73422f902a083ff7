/// Ordered, case-sensitive name/value pairs: query parameters, path parameters, form fields, cookies.
///
/// Repeated names are kept (`?tag=a&tag=b`); the subscript answers the first value.
public struct HTTPParameters: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The pairs in order.
    public private(set) var pairs: [(name: String, value: String)]

    /// No parameters.
    public init() { pairs = [] }

    /// Parameters from pairs, in order.
    public init(_ pairs: [(name: String, value: String)]) { self.pairs = pairs }

    /// Parameters written as a literal, e.g. `["code": "HS-1"]`.
    public init(dictionaryLiteral elements: (String, String)...) {
        pairs = elements.map { (name: $0.0, value: $0.1) }
    }

    /// The number of pairs.
    public var count: Int { pairs.count }

    /// Whether there are no pairs.
    public var isEmpty: Bool { pairs.isEmpty }

    /// The first value of the named parameter.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value of the named parameter, in order.
    public func values(for name: String) -> [String] {
        pairs.compactMap { $0.name == name ? $0.value : nil }
    }

    /// Appends a pair.
    public mutating func append(name: String, value: String) {
        pairs.append((name: name, value: value))
    }

    /// Iterates over the pairs in order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        pairs.makeIterator()
    }

    /// Pairs are equal when names and values are equal in the same order.
    public static func == (lhs: HTTPParameters, rhs: HTTPParameters) -> Bool {
        lhs.pairs.count == rhs.pairs.count
            && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// Hashes names and values in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(pairs.count)
        for pair in pairs {
            hasher.combine(pair.name)
            hasher.combine(pair.value)
        }
    }
}
