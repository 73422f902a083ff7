import CMicroHTTPD

/// The libmicrohttpd this program runs against.
public enum MicroHTTPDInfo {
    /// For example `0.9.75`.
    public static var version: String {
        MHD_get_version().map { String(cString: $0) } ?? "unknown"
    }
}
