/// The one error type of the VietQR module: a malformed payload, a failed CRC, a missing tag, or a
/// request field that cannot be put into a payload.
///
/// `description` is one sentence that names the bad value and where it is (the dotted tag path such
/// as `38.01.01`, or the request field such as `purpose`). Callers show it as is; tests assert it.
public struct VietQRError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is, for callers that branch (exit codes, HTTP status).
    public enum Kind: Sendable, Hashable {
        /// The text is not a well-formed EMVCo TLV payload (lengths, tag IDs, order, duplicates).
        case malformedPayload
        /// The payload is well formed but its CRC does not match.
        case checksumMismatch
        /// A tag that a VietQR payload needs is absent.
        case missingTag
        /// A tag is present but its value is not acceptable for VietQR (currency, GUID, BIN, amount…).
        case invalidTagValue
        /// A field of an encode request (or of a generic object list) cannot be encoded.
        case invalidRequest
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The dotted tag path (`38.01.01`) or request field name (`purpose`) the error is about, if any.
    public let location: String?
    /// One sentence naming the bad value and where it is.
    public let description: String

    /// Creates an error; the module builds these, callers normally only read them.
    public init(_ kind: Kind, at location: String?, _ description: String) {
        self.kind = kind
        self.location = location
        self.description = description
    }
}

extension VietQRError {
    static func malformed(_ location: String?, _ message: String) -> VietQRError {
        VietQRError(.malformedPayload, at: location, message)
    }

    static func missing(_ path: String, _ name: String) -> VietQRError {
        VietQRError(.missingTag, at: path, "payload has no tag \(path) (\(name))")
    }

    static func badValue(_ path: String, _ message: String) -> VietQRError {
        VietQRError(.invalidTagValue, at: path, "tag \(path): \(message)")
    }

    static func request(_ field: String, _ message: String) -> VietQRError {
        VietQRError(.invalidRequest, at: field, message)
    }
}
