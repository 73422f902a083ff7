import COpenSSL

/// The libcrypto this program runs against.
public enum OpenSSLInfo {
    /// For example `OpenSSL 3.0.19 27 Jan 2026`.
    public static var version: String {
        String(cString: OpenSSL_version(Int32(OPENSSL_VERSION)))
    }
}
