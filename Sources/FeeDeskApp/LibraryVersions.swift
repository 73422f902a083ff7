import FeeDeskCrypto
import FeeDeskHTTP
import FeeDeskStore
import QRRender

/// The versions of the C libraries this build runs against, for `feedesk version` and `/healthz`.
public struct LibraryVersions: Sendable, Encodable, Equatable {
    public let sqlite: String
    public let openssl: String
    public let microhttpd: String
    public let qrencode: String
    public let png: String

    /// Asks each library for its version.
    public static func current() -> LibraryVersions {
        LibraryVersions(sqlite: SQLiteInfo.version, openssl: OpenSSLInfo.version, microhttpd: MicroHTTPDInfo.version,
                        qrencode: QRRenderLibraries.qrencodeVersion, png: QRRenderLibraries.pngVersion)
    }
}
