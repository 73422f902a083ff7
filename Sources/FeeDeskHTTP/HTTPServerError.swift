/// Failures of the HTTP adapter: listening, configuration, route registration, request targets.
///
/// Each message is one sentence naming the bad value; socket failures keep the C library's errno text.
public enum HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The listening socket could not be set up, e.g. `Address already in use`.
    case listenFailed(address: String, reason: String)
    /// A `HOST:PORT` text could not be read.
    case invalidListenAddress(text: String, reason: String)
    /// A configuration value is out of range.
    case invalidConfiguration(setting: String, value: String, reason: String)
    /// A route pattern is malformed.
    case invalidRoutePattern(pattern: String, reason: String)
    /// A route would shadow another with the same method and shape.
    case conflictingRoute(route: String, existing: String)
    /// A request line's target could not be decoded.
    case malformedRequestTarget(target: String, reason: String)

    /// One sentence naming the bad value and where it is.
    public var description: String {
        switch self {
        case let .listenFailed(address, reason):
            "could not listen on \(address): \(reason)"
        case let .invalidListenAddress(text, reason):
            "listen address '\(text)' \(reason)"
        case let .invalidConfiguration(setting, value, reason):
            "HTTP server setting \(setting) = \(value) \(reason)"
        case let .invalidRoutePattern(pattern, reason):
            "route pattern '\(pattern)' \(reason)"
        case let .conflictingRoute(route, existing):
            "route \(route) conflicts with the route \(existing) registered before it"
        case let .malformedRequestTarget(target, reason):
            "request target '\(target)' \(reason)"
        }
    }
}
