/// The one error type of BankCallbacks: why a partner's callback was refused.
///
/// `reason` is a stable code for metrics labels and branching; `httpStatus` is the answer the HTTP
/// layer should give; `description` is one sentence that names the scheme, the header or field and
/// the offending value (untrusted values are truncated to 40 characters and control characters are
/// replaced; secrets and signatures are never echoed), e.g.
/// `standard-webhooks: header 'webhook-timestamp' value '1795396199' is 301 s in the past (tolerance 300 s).`
public struct CallbackError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable reason codes.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The signature header (or payOS `signature` field) is absent.
        case missingSignature = "missing_signature"
        /// The signature header or field cannot be read (wrong syntax, not hex or base64, no v1 entry).
        case malformedSignature = "malformed_signature"
        /// Another header the scheme needs (id, timestamp) is absent.
        case missingHeader = "missing_header"
        /// Another header the scheme needs is present but unreadable or repeated with different values.
        case malformedHeader = "malformed_header"
        /// No signature matches the message under any configured secret.
        case badSignature = "bad_signature"
        /// The signed timestamp is older than the tolerance.
        case staleTimestamp = "stale_timestamp"
        /// The signed timestamp is further in the future than the tolerance.
        case futureTimestamp = "future_timestamp"
        /// The body is not one strict JSON object of the expected shape.
        case malformedBody = "malformed_body"
        /// A required field is absent or null.
        case missingField = "missing_field"
        /// A field has the wrong type or an unreadable value (dates, direction, identifiers).
        case badField = "bad_field"
        /// The amount is not a positive whole number of đồng of at most 13 digits.
        case badAmount = "bad_amount"
        /// The currency is not VND.
        case wrongCurrency = "wrong_currency"
        /// The provider reports the transaction as not successful (payOS `code`, Casso `error`).
        case notSuccessful = "not_successful"
        /// No secret is configured for the partner.
        case noSecret = "no_secret"
        /// A configured secret cannot be used (e.g. a `whsec_` secret that is not base64).
        case badSecret = "bad_secret"

        /// The HTTP status to answer: 401 signature and timestamp problems, 400 malformed input,
        /// 422 well-formed but unacceptable content, 503 server-side configuration problems.
        public var httpStatus: Int {
            switch self {
            case .missingSignature, .malformedSignature, .missingHeader, .malformedHeader, .badSignature,
                 .staleTimestamp, .futureTimestamp:
                401
            case .malformedBody, .missingField, .badField, .badAmount:
                400
            case .wrongCurrency, .notSuccessful:
                422
            case .noSecret, .badSecret:
                503
            }
        }
    }

    /// Why the callback was refused.
    public let reason: Reason
    /// The scheme that refused it.
    public let scheme: CallbackScheme
    /// The sentence after the scheme prefix.
    public let message: String

    /// Creates an error; `message` is one sentence without the scheme prefix.
    public init(_ reason: Reason, _ scheme: CallbackScheme, _ message: String) {
        self.reason = reason
        self.scheme = scheme
        self.message = message
    }

    /// The HTTP status the callback endpoint should answer with.
    public var httpStatus: Int { reason.httpStatus }

    /// `<scheme>: <message>`.
    public var description: String { "\(scheme.rawValue): \(message)" }
}

/// Makes untrusted text safe to quote in one log line.
enum Quote {
    /// The longest untrusted value quoted in a message, in characters.
    static let limit = 40

    /// `text` with control characters replaced by `?`, cut to `limit` characters plus `…`.
    static func untrusted(_ text: String) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                return out
            }
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029
            out.unicodeScalars.append(isControl ? "?" : scalar)
            count += 1
        }
        return out
    }
}
