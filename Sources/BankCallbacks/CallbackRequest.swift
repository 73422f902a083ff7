/// A partner's HTTP callback as received: its headers and its raw body bytes.
///
/// Independent of the HTTP server module; the route copies the headers and the body in. Header
/// names are matched case-insensitively (ASCII).
public struct CallbackRequest: Sendable {
    /// Header fields in arrival order, names as received.
    public let headers: [(name: String, value: String)]
    /// The body exactly as received. Signatures are checked on these bytes.
    public let body: [UInt8]

    /// Creates a request from its headers and raw body.
    public init(headers: [(name: String, value: String)], body: [UInt8]) {
        self.headers = headers
        self.body = body
    }

    /// Every value of the header `name` (case-insensitive), in arrival order.
    public func values(of name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// The value of the header `name`: nil when absent; repeated headers must agree.
    ///
    /// Surrounding spaces and tabs are removed. A header repeated with different values is refused,
    /// because a proxy and FeeDesk could otherwise disagree on which one was signed.
    func singleValue(of name: String, scheme: CallbackScheme) throws(CallbackError) -> String? {
        let all = values(of: name).map(Self.trimmed)
        guard let first = all.first else { return nil }
        guard all.allSatisfy({ $0 == first }) else {
            throw CallbackError(.malformedHeader, scheme,
                                "header '\(name)' appears \(all.count) times with different values.")
        }
        return first
    }

    static func trimmed(_ text: String) -> String {
        let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if let first = text.utf8.first, let last = text.utf8.last, !isBlank(first), !isBlank(last) { return text }
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// Headers and body ready to send, produced by `CallbackScheme.sign`.
public struct SignedCallback: Sendable {
    /// The headers a partner must send, in a stable order (content type last).
    public let headers: [(name: String, value: String)]
    /// The body to send (for payOS, the given body with its `signature` field filled in).
    public let body: [UInt8]

    /// Creates a signed callback.
    public init(headers: [(name: String, value: String)], body: [UInt8]) {
        self.headers = headers
        self.body = body
    }

    /// The same message as a `CallbackRequest`, as FeeDesk would receive it.
    public var request: CallbackRequest { CallbackRequest(headers: headers, body: body) }
}
