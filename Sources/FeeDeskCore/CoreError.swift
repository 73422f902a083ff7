/// A domain rule refused a value. One sentence that names the value and, once located, where it was.
///
/// Every `CoreError` is "rejected input" for the command line (exit 3) and a 4xx for HTTP.
public struct CoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of refusal this is; the HTTP layer maps it to a status code.
    public enum Kind: String, Sendable {
        /// A value is malformed or out of range.
        case invalid
        /// The thing named does not exist.
        case notFound
        /// The request conflicts with what is stored (duplicate, already done, closed day).
        case conflict
    }

    /// What kind of refusal this is.
    public let kind: Kind
    /// The sentence shown to the user, without a trailing period.
    public let message: String

    /// An error of `kind` saying `message` (no trailing period).
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The same error prefixed with where the value came from, e.g. `--amount` or `fees.json [3].amount`.
    public func located(at location: String) -> CoreError {
        CoreError(kind, "\(location): \(message)")
    }

    public var description: String { message + "." }
}
