import COpenSSL

/// Keyed message authentication codes through OpenSSL's one-shot `HMAC()`.
public enum HMAC {
    /// The hash functions partners sign with.
    public enum Algorithm: Sendable {
        case sha256
        case sha512

        var evp: OpaquePointer? {
            switch self {
            case .sha256: EVP_sha256()
            case .sha512: EVP_sha512()
            }
        }

        /// Length of the MAC in bytes.
        public var length: Int {
            switch self {
            case .sha256: 32
            case .sha512: 64
            }
        }
    }

    /// The MAC of `message` under `key`.
    public static func authenticate(_ algorithm: Algorithm, key: [UInt8], message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        key.withUnsafeBufferPointer { keyBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                // A zero-length key or message still needs a valid pointer for OpenSSL.
                let dummy: [UInt8] = [0]
                dummy.withUnsafeBufferPointer { dummyBuffer in
                    _ = COpenSSL.HMAC(
                        algorithm.evp,
                        keyBuffer.baseAddress ?? dummyBuffer.baseAddress, Int32(key.count),
                        messageBuffer.baseAddress ?? dummyBuffer.baseAddress, messageBuffer.count,
                        &out, &length)
                }
            }
        }
        return Array(out.prefix(Int(length)))
    }

    /// True when `mac` is the MAC of `message` under `key`, compared in constant time.
    public static func verify(_ algorithm: Algorithm, key: [UInt8], message: [UInt8], mac: [UInt8]) -> Bool {
        ConstantTime.equals(authenticate(algorithm, key: key, message: message), mac)
    }
}
