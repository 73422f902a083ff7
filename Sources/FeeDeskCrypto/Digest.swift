import COpenSSL

/// Hash functions from OpenSSL's libcrypto.
public enum Digest {
    /// SHA-256 of `bytes` (32 bytes).
    public static func sha256<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ sha256(UnsafeRawBufferPointer($0)) }) { return digest }
        return Array(bytes).withUnsafeBytes { sha256($0) }
    }

    /// SHA-256 of the bytes in `buffer` (32 bytes), without copying them.
    public static func sha256(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = SHA256(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count, &out)
        return out
    }

    /// SHA-256 of the UTF-8 bytes of `text`, as 64 lower-case hex digits.
    public static func sha256Hex(_ text: String) -> String {
        Hex.encode(sha256(Array(text.utf8)))
    }
}

/// A reusable SHA-256 context for hashing many short inputs on one thread (statement line
/// identities): the algorithm is fetched from OpenSSL's provider once, where the one-shot `SHA256()`
/// of OpenSSL 3 fetches it and allocates a context on every call. Not thread-safe.
public final class SHA256Hasher {
    private let algorithm: OpaquePointer
    private let context: OpaquePointer

    /// A context for SHA-256 from the default provider.
    public init() {
        guard let algorithm = EVP_MD_fetch(nil, "SHA256", nil), let context = EVP_MD_CTX_new() else {
            preconditionFailure("OpenSSL cannot provide SHA-256")
        }
        self.algorithm = algorithm
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
        EVP_MD_free(algorithm)
    }

    /// SHA-256 of the bytes in `buffer` (32 bytes); the same as `Digest.sha256`.
    public func digest(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        let done = EVP_DigestInit_ex2(context, algorithm, nil) == 1
            && EVP_DigestUpdate(context, buffer.baseAddress, buffer.count) == 1
            && EVP_DigestFinal_ex(context, &out, &length) == 1
        precondition(done && length == 32, "OpenSSL failed to compute a SHA-256")
        return out
    }
}
