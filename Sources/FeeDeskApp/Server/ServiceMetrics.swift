import Foundation
import Synchronization

/// Prometheus metrics of the running service: requests by route and status, request latency, callbacks
/// by partner and result, commit latency and batch size. Rendered in the Prometheus text format 0.0.4.
public final class ServiceMetrics: Sendable {
    private struct Histogram {
        static let bounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
        var buckets = [UInt64](repeating: 0, count: Histogram.bounds.count)
        var count: UInt64 = 0
        var sum = 0.0

        mutating func observe(_ value: Double) {
            count += 1
            sum += value
            for (index, bound) in Histogram.bounds.enumerated() where value <= bound { buckets[index] += 1 }
        }
    }

    /// Label values as recorded; escaped and formatted only when rendered (the hot path only hashes).
    private struct RequestKey: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    private struct CallbackKey: Hashable {
        let partner: String
        let result: String
    }

    private struct State {
        var requests: [RequestKey: UInt64] = [:]
        var latency: [String: Histogram] = [:]
        var callbacks: [CallbackKey: UInt64] = [:]
        var commits = Histogram()
        var batchItems: UInt64 = 0
        /// The slowest commit since `takeSlowestCommit` last asked.
        var slowestCommit = 0.0
    }

    private let state = Mutex(State())

    /// Empty metrics.
    public init() {}

    /// Counts one answered request.
    public func request(route: String, method: String, status: Int, seconds: Double) {
        let key = RequestKey(method: method, route: route, status: status)
        state.withLock {
            $0.requests[key, default: 0] += 1
            $0.latency[route, default: Histogram()].observe(seconds)
        }
    }

    /// Counts one callback by partner and result (`accepted`, `duplicate`, or the refusal reason).
    public func callback(partner: String, result: String) {
        let key = CallbackKey(partner: partner, result: result)
        state.withLock { $0.callbacks[key, default: 0] += 1 }
    }

    /// Records one group commit of `items` writes taking `seconds`.
    public func commit(items: Int, seconds: Double) {
        state.withLock {
            $0.commits.observe(seconds)
            $0.batchItems += UInt64(items)
            $0.slowestCommit = max($0.slowestCommit, seconds)
        }
    }

    /// Group commits so far: how many, the writes they held, and their total seconds.
    public var commitTotals: (commits: UInt64, items: UInt64, seconds: Double) {
        state.withLock { ($0.commits.count, $0.batchItems, $0.commits.sum) }
    }

    /// The slowest group commit (seconds) since the last call, which starts a new period.
    public func takeSlowestCommit() -> Double {
        state.withLock { state in
            defer { state.slowestCommit = 0 }
            return state.slowestCommit
        }
    }

    /// The metrics in Prometheus text format.
    public func render(inFlight: Int) -> String {
        let snapshot = state.withLock { $0 }
        var out = "# HELP feedesk_http_requests_total HTTP requests answered, by route and status.\n# TYPE feedesk_http_requests_total counter\n"
        let requests = snapshot.requests.map { key, value in
            ("method=\"\(key.method)\",route=\"\(escape(key.route))\",status=\"\(key.status)\"", value)
        }
        for (labels, value) in requests.sorted(by: { $0.0 < $1.0 }) { out += "feedesk_http_requests_total{\(labels)} \(value)\n" }
        out += "# HELP feedesk_http_request_duration_seconds Time to answer a request.\n# TYPE feedesk_http_request_duration_seconds histogram\n"
        let latency = snapshot.latency.map { route, histogram in ("route=\"\(escape(route))\"", histogram) }
        for (labels, histogram) in latency.sorted(by: { $0.0 < $1.0 }) {
            out += render(histogram, name: "feedesk_http_request_duration_seconds", labels: labels)
        }
        out += "# HELP feedesk_callbacks_total Partner callbacks by partner and result.\n# TYPE feedesk_callbacks_total counter\n"
        let callbacks = snapshot.callbacks.map { key, value in
            ("partner=\"\(escape(key.partner))\",result=\"\(escape(key.result))\"", value)
        }
        for (labels, value) in callbacks.sorted(by: { $0.0 < $1.0 }) { out += "feedesk_callbacks_total{\(labels)} \(value)\n" }
        out += "# HELP feedesk_commit_duration_seconds Time of one group-commit transaction, fsync included.\n# TYPE feedesk_commit_duration_seconds histogram\n"
        out += render(snapshot.commits, name: "feedesk_commit_duration_seconds", labels: nil)
        out += "# HELP feedesk_commit_items_total Writes committed by group commits.\n# TYPE feedesk_commit_items_total counter\n"
        out += "feedesk_commit_items_total \(snapshot.batchItems)\n"
        out += "# HELP feedesk_http_requests_in_flight Requests being handled.\n# TYPE feedesk_http_requests_in_flight gauge\n"
        out += "feedesk_http_requests_in_flight \(inFlight)\n"
        return out
    }

    private func render(_ histogram: Histogram, name: String, labels: String?) -> String {
        let prefix = labels.map { "\($0)," } ?? ""
        var out = ""
        for (index, bound) in Histogram.bounds.enumerated() {
            out += "\(name)_bucket{\(prefix)le=\"\(bound)\"} \(histogram.buckets[index])\n"
        }
        out += "\(name)_bucket{\(prefix)le=\"+Inf\"} \(histogram.count)\n"
        let suffix = labels.map { "{\($0)}" } ?? ""
        out += "\(name)_sum\(suffix) \(histogram.sum)\n\(name)_count\(suffix) \(histogram.count)\n"
        return out
    }

    private func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: " ")
    }
}
