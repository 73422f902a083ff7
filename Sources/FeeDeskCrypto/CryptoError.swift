import COpenSSL

/// Failures of the cryptographic adapter; C failures keep the OpenSSL function and error code.
public enum CryptoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An OpenSSL call failed.
    case openSSL(function: String, code: UInt)
    /// Text that should be hex or base64 is not.
    case malformedEncoding(String)

    public var description: String {
        switch self {
        case let .openSSL(function, code):
            "\(function) failed with OpenSSL error \(code)."
        case let .malformedEncoding(message):
            message
        }
    }
}
