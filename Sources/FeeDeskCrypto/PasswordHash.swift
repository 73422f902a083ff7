import COpenSSL

/// Password hashing with PBKDF2-HMAC-SHA256 from libcrypto and a random per-user salt.
///
/// Stored as `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>`, so the cost can rise later without
/// invalidating existing hashes.
public enum PasswordHash {
    /// The iteration count for new hashes (OWASP's 2023 guidance for PBKDF2-HMAC-SHA256 is 600,000).
    public static let defaultIterations = 600_000

    /// A new hash of `password` with a fresh 16-byte salt.
    public static func make(_ password: String, iterations: Int = defaultIterations) throws(CryptoError) -> String {
        let salt = try SecureRandom.bytes(16)
        let hash = try derive(password, salt: salt, iterations: iterations)
        return "pbkdf2-sha256$\(iterations)$\(Hex.encode(salt))$\(Hex.encode(hash))"
    }

    /// True when `password` matches `stored` (compared in constant time); false for a malformed hash.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$")
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let iterations = Int(parts[1]), (1...10_000_000).contains(iterations),
              let salt = Hex.decode(String(parts[2])), let expected = Hex.decode(String(parts[3])), !expected.isEmpty,
              let actual = try? derive(password, salt: salt, iterations: iterations, length: expected.count)
        else { return false }
        return ConstantTime.equals(actual, expected)
    }

    private static func derive(_ password: String, salt: [UInt8], iterations: Int, length: Int = 32) throws(CryptoError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        let utf8 = Array(password.utf8)
        let ok = utf8.withUnsafeBufferPointer { passwordBuffer in
            passwordBuffer.withMemoryRebound(to: CChar.self) { passwordChars in
                PKCS5_PBKDF2_HMAC(passwordChars.baseAddress, Int32(utf8.count), salt, Int32(salt.count), Int32(iterations),
                                  EVP_sha256(), Int32(length), &out)
            }
        }
        guard ok == 1 else { throw CryptoError.openSSL(function: "PKCS5_PBKDF2_HMAC", code: ERR_get_error()) }
        return out
    }
}
