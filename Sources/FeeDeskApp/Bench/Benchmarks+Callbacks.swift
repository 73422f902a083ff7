import BankCallbacks
import FeeDeskCore
import FeeDeskStore
import Foundation
import Synchronization

extension Benchmarks {
    /// A callback load result: offered and achieved rate, latency percentiles, and what the database holds.
    public struct CallbackLoad: Sendable, Encodable {
        /// `max throughput` or `<rate>/s offered`.
        public let mode: String
        /// Client connections (keep-alive, one request outstanding each).
        public let connections: Int
        /// Server worker threads.
        public let serverThreads: Int
        /// Seconds from the first request to the last answer.
        public let seconds: Double
        /// Requests per second scheduled (open loop) or sent (closed loop).
        public let offeredPerSecond: Double
        /// Answers with status 200.
        public let acknowledged: Int
        /// Other answers, lost connections and requests never sent.
        public let failed: Int
        /// 2xx answers per second: durably committed callbacks.
        public let perSecond: Double
        /// Median latency, ms.
        public let p50Milliseconds: Double
        /// 99th-percentile latency, ms.
        public let p99Milliseconds: Double
        /// Rows in the callback journal after both runs (equals the 2xx answers when nothing failed).
        public let storedCallbacks: Int64
        /// Group commits during the run.
        public let commits: UInt64
        /// Mean notices per commit.
        public let meanBatch: Double
        /// Mean duration of a commit's transaction, fsync included, ms.
        public let meanCommitMilliseconds: Double
        /// The slowest commit of the run: a disk stall shows here as well as in the p99.
        public let slowestCommitMilliseconds: Double
    }

    /// Serves a fresh demo database on 127.0.0.1 with `threads` server worker threads (by default as
    /// many as `feedesk serve` starts) and posts signed standard-webhooks callbacks at it from one
    /// client thread: first as fast as `connections` keep-alive connections allow (throughput), then
    /// `rate` per second offered (latency). Every request is a distinct, genuine, durably committed
    /// credit notice.
    public static func callbacks(config: FeeDeskConfig, folder: String, seconds: Double = 5, connections: Int = 64,
                                 rate: Int = 1_000, threads: Int = FeeDeskServer.Options(listen: "").threads) throws -> [CallbackLoad] {
        let databasePath = folder + "/bench-callbacks-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) } }
        let app = try FeeDesk(config: config, databasePath: databasePath)
        _ = try app.loadDemo(by: "bench")
        let secret = "whsec_" + Data((0..<32).map { UInt8($0) }).base64EncodedString()
        guard let partner = config.partners.first(where: { $0.scheme == "standard-webhooks" }) else {
            throw AppError.input("the configuration has no standard-webhooks partner to benchmark")
        }
        guard let account = config.account(id: partner.account) else { throw AppError.input("partner \(partner.id) has no account") }
        var options = FeeDeskServer.Options(listen: "127.0.0.1:0")
        options.threads = max(1, threads)
        options.environment = ["FEEDESK_SECRET_" + partner.id.uppercased().replacingOccurrences(of: "-", with: "_"): secret]
        options.log = { _ in }
        let server = try FeeDeskServer(app: app, options: options)
        defer { server.stop(grace: .seconds(5)) }
        var number = 0
        let sign: () throws -> [UInt8] = {
            number += 1
            let body = #"{"id":"BENCH\#(number)","account":"\#(account.number)","amount":\#(1_000 + number % 500),"currency":"VND","bookedAt":"2026-11-22T09:15:00+07:00","description":"MBVCB.\#(number).HS\#(number) nop phi"}"#
            let signed = try CallbackScheme.standardWebhooks.sign(body: Array(body.utf8), secret: secret, now: Date())
            var head = "POST /api/v1/callbacks/\(partner.id) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(signed.body.count)\r\n"
            for header in signed.headers { head += "\(header.name): \(header.value)\r\n" }
            return Array((head + "\r\n").utf8) + signed.body
        }
        // Requests are signed before each run (as many as the run is likely to send), so the client
        // spends its share of the two cores on sockets, not on HMAC; more are signed if it runs out.
        var prepared: [[UInt8]] = []
        var nextPrepared = 0
        func prepare(_ count: Int) throws {
            prepared = try (0..<count).map { _ in try sign() }
            nextPrepared = 0
        }
        let makeRequest: () throws -> [UInt8] = {
            guard nextPrepared < prepared.count else { return try sign() }
            defer { nextPrepared += 1 }
            return prepared[nextPrepared]
        }
        let port = server.address.port
        let latencyConnections = min(connections, 32)
        try prepare(Int(seconds * 10_000))
        let before = server.metrics.commitTotals
        _ = server.metrics.takeSlowestCommit()
        let throughput = try LoadClient(port: port, connections: connections).run(seconds: seconds, rate: nil, makeRequest: makeRequest)
        try prepare(Int(seconds * Double(rate) * 1.05) + 16)
        let middle = server.metrics.commitTotals
        let throughputSlowest = server.metrics.takeSlowestCommit()
        let latency = try LoadClient(port: port, connections: latencyConnections).run(seconds: seconds, rate: rate, makeRequest: makeRequest)
        let after = server.metrics.commitTotals
        let latencySlowest = server.metrics.takeSlowestCommit()
        let stored = try app.database.read { try $0.queryOne("SELECT COUNT(*) FROM callback") { $0.int64(0) } ?? 0 }
        typealias Totals = (commits: UInt64, items: UInt64, seconds: Double)
        func load(_ mode: String, _ run: LoadClient.Run, connections: Int, window: Double, _ from: Totals, _ to: Totals,
                  slowest: Double) -> CallbackLoad {
            let commits = to.commits - from.commits
            return CallbackLoad(mode: mode, connections: connections, serverThreads: options.threads, seconds: run.seconds,
                                offeredPerSecond: Double(run.offered) / window, acknowledged: run.ok, failed: run.failed,
                                perSecond: Double(run.ok) / run.seconds, p50Milliseconds: run.percentile(0.5),
                                p99Milliseconds: run.percentile(0.99), storedCallbacks: stored, commits: commits,
                                meanBatch: commits == 0 ? 0 : Double(to.items - from.items) / Double(commits),
                                meanCommitMilliseconds: commits == 0 ? 0 : (to.seconds - from.seconds) * 1000 / Double(commits),
                                slowestCommitMilliseconds: slowest * 1000)
        }
        return [
            load("max throughput", throughput, connections: connections, window: throughput.seconds, before, middle, slowest: throughputSlowest),
            load("\(rate)/s offered", latency, connections: latencyConnections, window: seconds, middle, after, slowest: latencySlowest),
        ]
    }
}
