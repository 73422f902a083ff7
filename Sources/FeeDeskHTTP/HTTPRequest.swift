import Foundation

/// One complete HTTP request as a value: what handlers receive once the whole body is in.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The percent-decoded path without the query, e.g. `/api/v1/items/A B`.
    public var path: String
    /// The query string as sent, without the `?` (empty when there is none).
    public var rawQuery: String
    /// The decoded query parameters (`+` is a space).
    public var query: HTTPParameters
    /// The request headers; lookups ignore case and repeated fields are kept.
    public var headers: HTTPHeaders
    /// The request body, complete.
    public var body: [UInt8]
    /// The peer's IP address as text, e.g. `127.0.0.1`.
    public var remoteAddress: String
    /// The request id echoed in `X-Request-Id`: the client's when short and safe, else a fresh one.
    public var requestID: String
    /// The values of the route's `{name}` parameters, each decoded on its own.
    public var pathParameters: HTTPParameters
    /// The pattern of the matched route (e.g. `/api/v1/items/{id}`), for metrics labels; nil if none matched.
    public var routePattern: String?
    /// The name of the matched route (defaults to its pattern); nil if none matched.
    public var routeName: String?
    /// The wall-clock time the request head arrived.
    public var receivedAt: Date
    /// The protocol version from the request line, e.g. `HTTP/1.1`.
    public var httpVersion: String
    /// The path split at `/` and decoded segment by segment; what the router matches.
    var pathSegments: [String]

    /// A request from its parts, e.g. to call a handler in a test without a socket.
    ///
    /// `target` is the origin-form request target (`/path?query`), decoded as the server decodes it.
    public init(
        method: HTTPMethod = .get, target: String, headers: HTTPHeaders = [:], body: [UInt8] = [],
        remoteAddress: String = "127.0.0.1", requestID: String = "0000000000000000",
        receivedAt: Date = Date(), httpVersion: String = "HTTP/1.1"
    ) throws(HTTPServerError) {
        let parsed = try RequestTarget.parse(target)
        self.init(
            method: method, target: parsed, headers: headers, body: body, remoteAddress: remoteAddress,
            requestID: requestID, receivedAt: receivedAt, httpVersion: httpVersion)
    }

    /// A request from an already parsed target.
    init(
        method: HTTPMethod, target: RequestTarget, headers: HTTPHeaders, body: [UInt8],
        remoteAddress: String, requestID: String, receivedAt: Date, httpVersion: String
    ) {
        self.method = method
        self.path = target.path
        self.pathSegments = target.segments
        self.rawQuery = target.rawQuery
        self.query = target.query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.requestID = requestID
        self.pathParameters = HTTPParameters()
        self.routePattern = nil
        self.routeName = nil
        self.receivedAt = receivedAt
        self.httpVersion = httpVersion
    }
}

extension HTTPRequest {
    /// The `Content-Type` header, if any.
    public var contentType: String? { headers["Content-Type"] }

    /// The media type of `Content-Type` without parameters, lower-cased, e.g. `application/json`.
    public var mediaType: String? {
        guard let contentType else { return nil }
        let type = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return type.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The body as UTF-8 text, or nil when it is not valid UTF-8.
    public var bodyText: String? { String(validating: body, as: UTF8.self) }

    /// Decodes the body as JSON.
    public func decodeJSON<Value: Decodable>(
        _ type: Value.Type, decoder: JSONDecoder = JSONDecoder()
    ) throws -> Value {
        try decoder.decode(type, from: Data(body))
    }

    /// The fields of an `application/x-www-form-urlencoded` body; nil for another media type or a
    /// malformed body.
    public var formParameters: HTTPParameters? {
        guard mediaType == "application/x-www-form-urlencoded", let text = bodyText else { return nil }
        return HTTPParameters(urlEncoded: Substring(text))
    }

    /// The cookies of every `Cookie` header (`name=value; other=value`), quotes removed, in order.
    public var cookies: HTTPParameters {
        var cookies = HTTPParameters()
        for header in headers.values(for: "Cookie") {
            for piece in header.split(separator: ";") {
                let pair = piece.trimmingCharacters(in: .whitespaces)
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else { continue }
                var value = pair[pair.index(after: equals)...]
                if value.count >= 2, value.first == "\"", value.last == "\"" {
                    value = value.dropFirst().dropLast()
                }
                cookies.append(name: String(pair[..<equals]), value: String(value))
            }
        }
        return cookies
    }
}
