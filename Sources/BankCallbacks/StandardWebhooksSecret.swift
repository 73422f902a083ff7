import FeeDeskCrypto
import Foundation

/// Standard Webhooks signing secrets, written `whsec_<base64>`.
public enum StandardWebhooksSecret {
    /// The conventional prefix.
    public static let prefix = "whsec_"
    /// The shortest key FeeDesk accepts, in bytes (the contract says "random, at least 24 bytes").
    public static let minimumKeyLength = 24

    /// A new random secret of `byteCount` bytes (at least 24), written `whsec_<base64>`, to give a
    /// bank; store it in `FEEDESK_SECRET_<PARTNER>`.
    public static func generate(byteCount: Int = 32) throws(CryptoError) -> String {
        prefix + Data(try SecureRandom.bytes(max(byteCount, minimumKeyLength))).base64EncodedString()
    }

    /// The HMAC key of `secret`: the base64 after an optional `whsec_` prefix, decoded.
    ///
    /// - Parameter position: the secret's 1-based place in the configured list, for the message
    ///   (the secret itself is never echoed).
    static func key(from secret: String, position: Int) throws(CallbackError) -> [UInt8] {
        let text = secret.hasPrefix(prefix) ? String(secret.dropFirst(prefix.count)) : secret
        guard let key = Base64Text.decode(text) else {
            throw CallbackError(.badSecret, .standardWebhooks,
                                "configured secret #\(position) is not 'whsec_' followed by standard base64.")
        }
        guard key.count >= minimumKeyLength else {
            throw CallbackError(.badSecret, .standardWebhooks,
                                "configured secret #\(position) decodes to \(key.count) bytes; at least \(minimumKeyLength) are required.")
        }
        return key
    }
}

/// Standard base64 (RFC 4648 §4) with optional padding, strict about the alphabet.
enum Base64Text {
    /// The bytes written by `text`, or nil when it is not base64.
    static func decode(_ text: String) -> [UInt8]? {
        var body = Substring(text)
        while body.hasSuffix("=") { body = body.dropLast() }
        guard text.utf8.count - body.utf8.count <= 2, body.utf8.count % 4 != 1 else { return nil }
        guard body.utf8.allSatisfy({ isAlphabet($0) }) else { return nil }
        let padded = String(body) + String(repeating: "=", count: (4 - body.utf8.count % 4) % 4)
        return Data(base64Encoded: padded).map(Array.init)
    }

    private static func isAlphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"): true
        default: false
        }
    }
}
