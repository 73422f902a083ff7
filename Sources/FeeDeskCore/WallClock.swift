import Foundation

/// The source of the current time. Injected so that the domain and its tests control time.
public protocol WallClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The system's clock.
public struct SystemWallClock: WallClock {
    /// The system's clock.
    public init() {}

    /// `Date()`.
    public func now() -> Date { Date() }
}
