import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's `RAND_bytes`.
public enum SecureRandom {
    /// `count` random bytes; throws when the generator cannot be seeded.
    public static func bytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        guard count == 0 || RAND_bytes(&out, Int32(count)) == 1 else {
            throw CryptoError.openSSL(function: "RAND_bytes", code: ERR_get_error())
        }
        return out
    }

    /// A random token of `byteCount` bytes written as URL-safe base64 without padding.
    public static func token(byteCount: Int = 32) throws(CryptoError) -> String {
        Base64URL.encode(try bytes(byteCount))
    }
}
