import BankCallbacks
import FeeDeskCore
import FeeDeskStore
import Foundation
import Synchronization

extension Benchmarks {
    /// A callback load result: throughput and latency percentiles, and what the database holds.
    public struct CallbackLoad: Sendable, Encodable {
        public let mode: String
        public let connections: Int
        public let seconds: Double
        public let acknowledged: Int
        public let failed: Int
        public let perSecond: Double
        public let p50Milliseconds: Double
        public let p99Milliseconds: Double
        public let storedCallbacks: Int64
    }

    /// Serves a fresh demo database on 127.0.0.1 and posts signed standard-webhooks callbacks at it:
    /// first as fast as `connections` keep-alive clients can (throughput), then at `rate` per second
    /// (latency). Every request is a distinct, genuine, durably committed credit notice.
    public static func callbacks(config: FeeDeskConfig, folder: String, seconds: Double = 5, connections: Int = 64,
                                 rate: Int = 1_000) throws -> [CallbackLoad] {
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
        options.threads = max(connections, 8)
        options.environment = ["FEEDESK_SECRET_" + partner.id.uppercased().replacingOccurrences(of: "-", with: "_"): secret]
        options.log = { _ in }
        let server = try FeeDeskServer(app: app, options: options)
        defer { server.stop(grace: .seconds(5)) }
        let requests = Mutex(0)
        let makeRequest: @Sendable () throws -> [UInt8] = {
            let number = requests.withLock { value -> Int in value += 1; return value }
            let body = #"{"id":"BENCH\#(number)","account":"\#(account.number)","amount":\#(1_000 + number % 500),"currency":"VND","bookedAt":"2026-11-22T09:15:00+07:00","description":"MBVCB.\#(number).HS\#(number) nop phi"}"#
            let signed = try CallbackScheme.standardWebhooks.sign(body: Array(body.utf8), secret: secret, now: Date())
            var head = "POST /api/v1/callbacks/\(partner.id) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(signed.body.count)\r\n"
            for header in signed.headers { head += "\(header.name): \(header.value)\r\n" }
            return Array((head + "\r\n").utf8) + signed.body
        }
        let port = server.address.port
        let throughput = try drive(port: port, connections: connections, seconds: seconds, rate: nil, makeRequest: makeRequest)
        let latency = try drive(port: port, connections: min(connections, 32), seconds: seconds, rate: rate, makeRequest: makeRequest)
        let stored = try app.database.read { try $0.queryOne("SELECT COUNT(*) FROM callback") { $0.int64(0) } ?? 0 }
        return [
            CallbackLoad(mode: "max throughput", connections: connections, seconds: throughput.seconds, acknowledged: throughput.ok,
                         failed: throughput.failed, perSecond: Double(throughput.ok) / throughput.seconds,
                         p50Milliseconds: throughput.percentile(0.5), p99Milliseconds: throughput.percentile(0.99), storedCallbacks: stored),
            CallbackLoad(mode: "\(rate)/s offered", connections: min(connections, 32), seconds: latency.seconds, acknowledged: latency.ok,
                         failed: latency.failed, perSecond: Double(latency.ok) / latency.seconds,
                         p50Milliseconds: latency.percentile(0.5), p99Milliseconds: latency.percentile(0.99), storedCallbacks: stored),
        ]
    }

    private struct LoadRun {
        var ok = 0
        var failed = 0
        var latencies: [Double] = []
        var seconds = 0.0

        func percentile(_ fraction: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let sorted = latencies.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))] * 1000
        }
    }

    /// Runs `connections` client threads for `seconds`; with a `rate`, each thread paces its requests.
    private static func drive(port: UInt16, connections: Int, seconds: Double, rate: Int?,
                              makeRequest: @escaping @Sendable () throws -> [UInt8]) throws -> LoadRun {
        let result = Mutex(LoadRun())
        let group = DispatchGroup()
        let start = DispatchTime.now().uptimeNanoseconds
        let end = start + UInt64(seconds * 1e9)
        for index in 0..<connections {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var local = LoadRun()
                guard let client = try? LoadClient(port: port) else { return }
                let interval = rate.map { UInt64(1e9 * Double(connections) / Double($0)) }
                var next = start + (interval ?? 0) * UInt64(index) / UInt64(max(connections, 1))
                while DispatchTime.now().uptimeNanoseconds < end {
                    if let interval {
                        let now = DispatchTime.now().uptimeNanoseconds
                        if next > now { usleep(UInt32((next - now) / 1_000)) }
                        next += interval
                    }
                    guard let request = try? makeRequest() else { break }
                    let sent = DispatchTime.now().uptimeNanoseconds
                    let status = (try? client.exchange(request)) ?? -1
                    local.latencies.append(Double(DispatchTime.now().uptimeNanoseconds - sent) / 1e9)
                    if status == 200 { local.ok += 1 } else { local.failed += 1 }
                    if status == -1 { break }
                }
                result.withLock {
                    $0.ok += local.ok
                    $0.failed += local.failed
                    $0.latencies += local.latencies
                }
            }
        }
        group.wait()
        var run = result.withLock { $0 }
        run.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return run
    }
}
