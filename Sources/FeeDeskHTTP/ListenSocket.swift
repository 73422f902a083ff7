#if canImport(Glibc)
import Glibc
#endif

/// The TCP listening socket, bound here rather than inside libmicrohttpd so a failure keeps its
/// errno text ("Address already in use"); the descriptor is then handed to MHD.
enum ListenSocket {
    /// Opens, binds and listens; returns the descriptor and the bound port.
    static func open(_ address: ListenAddress, backlog: Int) throws(HTTPServerError) -> (descriptor: Int32, port: UInt16) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw failure(address) }
        var reuse: Int32 = 1
        guard setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw failure(address, closing: descriptor)
        }
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = address.port.bigEndian
        socketAddress.sin_addr.s_addr = address.networkOrderAddress
        let bound = withUnsafePointer(to: &socketAddress) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw failure(address, closing: descriptor) }
        guard listen(descriptor, Int32(backlog)) == 0 else { throw failure(address, closing: descriptor) }
        return (descriptor, boundPort(descriptor) ?? address.port)
    }

    /// The port a socket is bound to, from `getsockname`.
    static func boundPort(_ descriptor: Int32) -> UInt16? {
        var socketAddress = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &socketAddress) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return result == 0 ? UInt16(bigEndian: socketAddress.sin_port) : nil
    }

    /// Stops a quiesced listening socket from completing handshakes, so new connections are refused
    /// while the descriptor stays valid for MHD's threads until `MHD_stop_daemon` returns.
    static func refuseNewConnections(_ descriptor: Int32) {
        _ = shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// The error for the current errno, closing `descriptor` first if given.
    private static func failure(_ address: ListenAddress, closing descriptor: Int32? = nil) -> HTTPServerError {
        let code = errno
        if let descriptor { _ = close(descriptor) }
        return .listenFailed(address: address.description, reason: String(cString: strerror(code)))
    }
}
