import BankCallbacks

/// Why a partner callback was refused, with the HTTP status to answer and a stable reason for metrics.
public struct CallbackRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status: 401 signature/timestamp, 400 malformed, 404 unknown partner, 422 unacceptable
    /// content, 503 no secret configured or database busy.
    public let status: Int
    /// A stable label (`bad_signature`, `unknown_partner`, …).
    public let reason: String
    /// One sentence for the log and the response body; never holds a secret.
    public let message: String

    /// A refusal.
    public init(status: Int, reason: String, message: String) {
        self.status = status
        self.reason = reason
        self.message = message
    }

    /// The adapter's own verdict.
    init(_ error: CallbackError) {
        self.init(status: error.httpStatus, reason: error.reason.rawValue, message: error.description)
    }

    public var description: String { message.hasSuffix(".") ? message : message + "." }
}
