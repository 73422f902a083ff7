import Foundation
import Synchronization

/// Failed sign-ins counted per user name and per client address, in memory.
///
/// After `perUser.count` failures for one name within `perUser.window` seconds, or `perAddress.count`
/// from one address (higher: an office may share one address), further attempts are refused with a
/// delay until the oldest failure leaves the window, without checking the password at all (so a
/// guesser learns nothing and costs no PBKDF2 work). A successful sign-in clears its name's count.
public final class LoginThrottle: Sendable {
    /// At most `count` failures within `window` seconds.
    public struct Limit: Sendable, Equatable {
        /// Failures allowed inside the window.
        public var count: Int
        /// The window, seconds.
        public var window: TimeInterval

        /// A limit of `count` failures per `window` seconds.
        public init(count: Int, window: TimeInterval) {
            self.count = count
            self.window = window
        }
    }

    /// Per user name: 5 failures per 15 minutes.
    public let perUser: Limit
    /// Per client address: 20 failures per 15 minutes.
    public let perAddress: Limit
    /// Keys tracked at most (names and addresses); beyond it the oldest are forgotten.
    private let capacity: Int
    private let failures = Mutex<[String: [Date]]>([:])

    /// A throttle with the given limits.
    public init(perUser: Limit = Limit(count: 5, window: 900), perAddress: Limit = Limit(count: 20, window: 900), capacity: Int = 50_000) {
        self.perUser = perUser
        self.perAddress = perAddress
        self.capacity = capacity
    }

    /// Seconds to wait before `user` may try again from `address`, or nil when an attempt is allowed.
    public func retryAfter(user: String, address: String, now: Date) -> Int? {
        failures.withLock { failures in
            let waits = [
                LoginThrottle.wait(failures[LoginThrottle.userKey(user)], limit: perUser, now: now),
                LoginThrottle.wait(failures[LoginThrottle.addressKey(address)], limit: perAddress, now: now),
            ].compactMap { $0 }
            return waits.max()
        }
    }

    /// Counts one failed attempt for `user` from `address`.
    public func recordFailure(user: String, address: String, now: Date) {
        failures.withLock { failures in
            for (key, limit) in [(LoginThrottle.userKey(user), perUser), (LoginThrottle.addressKey(address), perAddress)] {
                var times = (failures[key] ?? []).filter { now.timeIntervalSince($0) < limit.window }
                times.append(now)
                failures[key] = Array(times.suffix(limit.count))
            }
            if failures.count > capacity { LoginThrottle.prune(&failures, now: now, window: max(perUser.window, perAddress.window), keep: capacity / 2) }
        }
    }

    /// Clears the failures of `user` after a successful sign-in (the address keeps its count).
    public func recordSuccess(user: String) {
        failures.withLock { _ = $0.removeValue(forKey: LoginThrottle.userKey(user)) }
    }

    private static func userKey(_ user: String) -> String {
        "u:" + user.trimmingCharacters(in: .whitespaces).lowercased()
    }

    private static func addressKey(_ address: String) -> String { "a:" + address }

    /// Seconds until the oldest of `limit.count` failures inside the window leaves it, or nil.
    private static func wait(_ times: [Date]?, limit: Limit, now: Date) -> Int? {
        let recent = (times ?? []).filter { now.timeIntervalSince($0) < limit.window }
        guard recent.count >= limit.count, let oldest = recent.suffix(limit.count).first else { return nil }
        return max(1, Int((limit.window - now.timeIntervalSince(oldest)).rounded(.up)))
    }

    /// Drops expired keys, then the keys whose last failure is oldest, down to `keep`.
    private static func prune(_ failures: inout [String: [Date]], now: Date, window: TimeInterval, keep: Int) {
        failures = failures.filter { ($0.value.last.map { now.timeIntervalSince($0) < window }) ?? false }
        guard failures.count > keep else { return }
        let newest = failures.sorted { ($0.value.last ?? .distantPast) > ($1.value.last ?? .distantPast) }.prefix(keep)
        failures = Dictionary(uniqueKeysWithValues: newest.map { ($0.key, $0.value) })
    }
}
