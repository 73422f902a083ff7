#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 address and TCP port to listen on, e.g. `127.0.0.1:8080` (port 0 picks a free port).
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The dotted-quad IPv4 address (`localhost` is stored as `127.0.0.1`).
    public let host: String
    /// The TCP port; 0 asks the kernel for an ephemeral port.
    public let port: UInt16
    /// The address in network byte order, as `sockaddr_in.sin_addr` wants it.
    let networkOrderAddress: UInt32

    /// `127.0.0.1:8080`, the default.
    public static let loopback8080 = ListenAddress(validHost: "127.0.0.1", port: 8080)

    /// An address from a dotted-quad IPv4 host (or `localhost`) and a port.
    public init(host: String, port: UInt16) throws(HTTPServerError) {
        let normalized = host == "localhost" ? "127.0.0.1" : host
        guard let address = Self.parseIPv4(normalized) else {
            throw .invalidListenAddress(
                text: "\(host):\(port)", reason: "has host '\(host)', which is not an IPv4 address")
        }
        self.host = normalized
        self.port = port
        self.networkOrderAddress = address
    }

    /// Reads `HOST:PORT`, as given to `serve --listen`.
    public init(parsing text: String) throws(HTTPServerError) {
        guard let colon = text.lastIndex(of: ":") else {
            throw .invalidListenAddress(text: text, reason: "has no port (expected HOST:PORT)")
        }
        let portText = text[text.index(after: colon)...]
        guard !portText.isEmpty, portText.allSatisfy(\.isASCII), let port = UInt16(portText) else {
            throw .invalidListenAddress(
                text: text, reason: "has port '\(portText)', which is not a number from 0 to 65535")
        }
        try self.init(host: String(text[..<colon]), port: port)
    }

    private init(validHost: String, port: UInt16) {
        self.host = validHost
        self.port = port
        self.networkOrderAddress = Self.parseIPv4(validHost) ?? 0
    }

    /// `HOST:PORT`.
    public var description: String { "\(host):\(port)" }

    /// The same host with another port (used to report the bound ephemeral port).
    func withPort(_ port: UInt16) -> ListenAddress {
        ListenAddress(host: host, port: port, networkOrderAddress: networkOrderAddress)
    }

    private init(host: String, port: UInt16, networkOrderAddress: UInt32) {
        self.host = host
        self.port = port
        self.networkOrderAddress = networkOrderAddress
    }

    /// The address in network byte order, or nil when `text` is not a dotted quad.
    private static func parseIPv4(_ text: String) -> UInt32? {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1 ? address.s_addr : nil
    }
}
