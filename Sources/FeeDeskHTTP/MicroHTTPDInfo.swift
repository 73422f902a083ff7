import CMicroHTTPD

/// The libmicrohttpd this program runs against.
public enum MicroHTTPDInfo {
    /// For example `0.9.75`.
    public static var version: String {
        MHD_get_version().map { String(cString: $0) } ?? "unknown"
    }
}

extension MicroHTTPDInfo {
    /// Whether this build of libmicrohttpd can poll with epoll (the server falls back to poll otherwise).
    public static var supportsEpoll: Bool {
        MHD_is_feature_supported(.FEATURE_EPOLL) == .YES
    }
}
