import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A lean HTTP/1.1 load generator for the callback benchmark: one thread drives many keep-alive
/// connections with non-blocking sockets and `poll(2)`, one request outstanding per connection, so
/// the client costs the server as little CPU as possible. Benchmark tooling only.
///
/// Without a rate every free connection sends at once (closed loop, the most the server takes).
/// With a rate, requests are scheduled at fixed intervals (open loop); one that finds no free
/// connection waits, and its latency counts from its scheduled time, so a slow server cannot hide
/// its queue (no coordinated omission).
final class LoadClient {
    /// What one run measured.
    struct Run {
        /// Requests scheduled (open loop) or sent (closed loop).
        var offered = 0
        /// Answers with status 200.
        var ok = 0
        /// Other answers, connections lost with a request outstanding, requests never sent.
        var failed = 0
        /// Seconds from scheduling (or sending) to the end of the answer, one per answer.
        var latencies: [Double] = []
        /// Seconds from the start to the last answer.
        var seconds = 0.0

        /// The latency at `fraction` (0.5, 0.99), in milliseconds.
        func percentile(_ fraction: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let sorted = latencies.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))] * 1000
        }
    }

    private struct Connection {
        let descriptor: Int32
        var output: [UInt8] = []
        var written = 0
        var input: [UInt8] = []
        /// When the outstanding request was scheduled (nil: the connection is free).
        var startedAt: UInt64?
        var alive = true
    }

    private var connections: [Connection] = []
    private var receiveBuffer = [UInt8](repeating: 0, count: 65_536)

    /// Opens `count` connections to 127.0.0.1:`port`.
    init(port: UInt16, connections count: Int) throws {
        for _ in 0..<max(1, count) {
            let descriptor = try Self.connectedSocket(port: port)
            connections.append(Connection(descriptor: descriptor))
        }
    }

    deinit {
        for connection in connections { close(connection.descriptor) }
    }

    /// Sends requests made by `makeRequest` for `seconds`, at `rate` per second or as fast as the
    /// connections allow, then waits (up to 10 s) for the answers still outstanding.
    func run(seconds: Double, rate: Int?, makeRequest: () throws -> [UInt8]) throws -> Run {
        var run = Run()
        let start = Self.now()
        let end = start + UInt64(seconds * 1e9)
        let interval = rate.map { UInt64(1e9 / Double(max(1, $0))) }
        var nextArrival = start
        var waiting: [UInt64] = []  // scheduled times of requests with no free connection yet
        var waitingHead = 0
        var lastAnswer = start
        var polls = [pollfd](repeating: pollfd(), count: connections.count)
        while true {
            let now = Self.now()
            let sending = now < end
            if sending, let interval {
                while nextArrival <= now {
                    waiting.append(nextArrival)
                    run.offered += 1
                    nextArrival += interval
                }
            }
            for index in connections.indices where connections[index].alive && connections[index].startedAt == nil && sending {
                let scheduled: UInt64
                if interval != nil {
                    guard waitingHead < waiting.count else { break }
                    scheduled = waiting[waitingHead]
                    waitingHead += 1
                } else {
                    scheduled = now
                    run.offered += 1
                }
                connections[index].output = try makeRequest()
                connections[index].written = 0
                connections[index].startedAt = scheduled
                flush(index)
            }
            let outstanding = connections.contains { $0.alive && $0.startedAt != nil }
            if !sending && (!outstanding || now > end + 10_000_000_000) { break }
            for index in connections.indices {
                let connection = connections[index]
                var events: Int16 = 0
                if connection.alive && connection.startedAt != nil {
                    events = Int16(POLLIN)
                    if connection.written < connection.output.count { events |= Int16(POLLOUT) }
                }
                polls[index] = pollfd(fd: events == 0 ? -1 : connection.descriptor, events: events, revents: 0)
            }
            // Wake for the next scheduled request (open loop), else after at most 100 ms. poll(2) counts
            // whole milliseconds: under one, poll without waiting and nap 100 µs at most.
            let current = Self.now()
            let wakeAt = sending && interval != nil ? min(nextArrival, end) : current + 100_000_000
            let wait = wakeAt > current ? wakeAt - current : 0
            let ready = poll(&polls, nfds_t(polls.count), Int32(wait / 1_000_000))
            if ready == 0 && wait < 1_000_000 && wait > 0 { usleep(UInt32(min(wait / 1_000, 100))) }
            if ready <= 0 { continue }
            for index in polls.indices where polls[index].revents != 0 {
                if polls[index].revents & Int16(POLLOUT) != 0 { flush(index) }
                if polls[index].revents & Int16(POLLIN | POLLERR | POLLHUP) != 0 {
                    if let status = receive(index) {
                        let finished = Self.now()
                        if let startedAt = connections[index].startedAt {
                            run.latencies.append(Double(finished - startedAt) / 1e9)
                        }
                        connections[index].startedAt = nil
                        lastAnswer = finished
                        if status == 200 { run.ok += 1 } else { run.failed += 1 }
                    }
                }
            }
        }
        run.failed += connections.filter { $0.startedAt != nil }.count + (waiting.count - waitingHead)
        run.seconds = Double(max(lastAnswer, end) - start) / 1e9
        return run
    }

    /// Writes what the socket takes of the connection's pending request.
    private func flush(_ index: Int) {
        while connections[index].written < connections[index].output.count {
            let descriptor = connections[index].descriptor
            let offset = connections[index].written
            let written = connections[index].output.withUnsafeBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                return send(descriptor, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                connections[index].written += written
            } else {
                if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
                connections[index].alive = false
                return
            }
        }
    }

    /// Reads what arrived; returns the status once a whole answer is in (nil: not yet, or the
    /// connection died, which leaves its request outstanding and counted as failed).
    private func receive(_ index: Int) -> Int? {
        let descriptor = connections[index].descriptor
        let count = receiveBuffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
            connections[index].alive = false
            return nil
        }
        if count < 0 { return nil }
        connections[index].input.append(contentsOf: receiveBuffer[..<count])
        guard let (status, length) = Self.parseAnswer(connections[index].input) else { return nil }
        connections[index].input.removeFirst(length)
        return status
    }

    /// The status and total length of the first complete answer in `bytes` (head + Content-Length body).
    static func parseAnswer(_ bytes: [UInt8]) -> (status: Int, length: Int)? {
        guard bytes.count >= 16 else { return nil }
        var headEnd: Int?
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
                headEnd = index
                break
            }
            index += 1
        }
        guard let headEnd else { return nil }
        var status = 0
        for byte in bytes[9..<12] { status = status * 10 + Int(byte) - 48 }
        let name = Array("\r\ncontent-length:".utf8)
        var bodyLength = 0
        var position = 0
        search: while position + name.count <= headEnd {
            for offset in 0..<name.count where bytes[position + offset] | (bytes[position + offset] >= 65 && bytes[position + offset] <= 90 ? 32 : 0) != name[offset] {
                position += 1
                continue search
            }
            var digit = position + name.count
            while digit < headEnd && bytes[digit] == 32 { digit += 1 }
            while digit < headEnd, bytes[digit] >= 48, bytes[digit] <= 57 {
                bodyLength = bodyLength * 10 + Int(bytes[digit]) - 48
                digit += 1
            }
            break
        }
        let total = headEnd + 4 + bodyLength
        return bytes.count >= total ? (status, total) : nil
    }

    /// Monotonic nanoseconds.
    private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// A non-blocking socket connected to 127.0.0.1:`port`, closed again when connecting fails. (The
    /// object owns descriptors only once they are in `connections`: a throwing class initializer
    /// still runs `deinit`, so closing a failed one there too would close the number twice.)
    private static func connectedSocket(port: UInt16) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw AppError.input("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw AppError.input("connect to 127.0.0.1:\(port): \(reason)")
        }
        var yes: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        return descriptor
    }
}
