/// An HTTP status code; libmicrohttpd writes the matching reason phrase on the status line.
public struct HTTPStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// The three-digit code.
    public let rawValue: Int

    /// Wraps a status code.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Wraps a status code written as a literal.
    public init(integerLiteral value: Int) { self.rawValue = value }

    /// The three-digit code as text.
    public var description: String { String(rawValue) }

    /// `200 OK`.
    public static let ok: HTTPStatus = 200
    /// `201 Created`.
    public static let created: HTTPStatus = 201
    /// `202 Accepted`.
    public static let accepted: HTTPStatus = 202
    /// `204 No Content`.
    public static let noContent: HTTPStatus = 204
    /// `301 Moved Permanently`.
    public static let movedPermanently: HTTPStatus = 301
    /// `302 Found`.
    public static let found: HTTPStatus = 302
    /// `303 See Other`: the redirect after a form POST.
    public static let seeOther: HTTPStatus = 303
    /// `304 Not Modified`.
    public static let notModified: HTTPStatus = 304
    /// `307 Temporary Redirect`.
    public static let temporaryRedirect: HTTPStatus = 307
    /// `400 Bad Request`.
    public static let badRequest: HTTPStatus = 400
    /// `401 Unauthorized`.
    public static let unauthorized: HTTPStatus = 401
    /// `403 Forbidden`.
    public static let forbidden: HTTPStatus = 403
    /// `404 Not Found`.
    public static let notFound: HTTPStatus = 404
    /// `405 Method Not Allowed`: carries an `Allow` header.
    public static let methodNotAllowed: HTTPStatus = 405
    /// `409 Conflict`.
    public static let conflict: HTTPStatus = 409
    /// `413 Content Too Large`.
    public static let contentTooLarge: HTTPStatus = 413
    /// `415 Unsupported Media Type`.
    public static let unsupportedMediaType: HTTPStatus = 415
    /// `422 Unprocessable Content`.
    public static let unprocessableContent: HTTPStatus = 422
    /// `429 Too Many Requests`.
    public static let tooManyRequests: HTTPStatus = 429
    /// `500 Internal Server Error`.
    public static let internalServerError: HTTPStatus = 500
    /// `503 Service Unavailable`.
    public static let serviceUnavailable: HTTPStatus = 503
}
