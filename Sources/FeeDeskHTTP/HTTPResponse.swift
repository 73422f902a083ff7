/// One HTTP response as a value: status, headers and the complete body.
///
/// `Content-Length` and `Date` are written by libmicrohttpd; the server adds `X-Request-Id` and the
/// configured default headers the response does not set itself.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: HTTPStatus
    /// The response headers.
    public var headers: HTTPHeaders
    /// The response body (omitted on the wire for `HEAD`).
    public var body: [UInt8]

    /// A response from its parts.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A copy with one more header field (replacing any of the same name).
    public func withHeader(_ name: String, _ value: String) -> HTTPResponse {
        var copy = self
        copy.headers.replaceOrAdd(name: name, value: value)
        return copy
    }

    /// A copy with `Retry-After: seconds`, for 429 and 503 answers.
    public func withRetryAfter(seconds: Int) -> HTTPResponse {
        withHeader("Retry-After", String(max(0, seconds)))
    }

    /// The `Retry-After` delay in seconds, if the response carries one as a number.
    public var retryAfterSeconds: Int? { headers["Retry-After"].flatMap { Int($0) } }
}
