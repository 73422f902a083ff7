import BankCallbacks
import FeeDeskStore
import Foundation
import Synchronization
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Drives signed callbacks at a real `feedesk serve`, SIGKILLs it under load, and proves that every
/// callback that was answered 2xx is in the database exactly once.
@Suite(.serialized) struct CrashRecoveryTests {
    static let secret = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="

    /// Rounds to run: 3 in `make test`, more with FEEDESK_SOAK_ROUNDS (`make soak`).
    static var rounds: Int { Int(ProcessInfo.processInfo.environment["FEEDESK_SOAK_ROUNDS"] ?? "") ?? 3 }

    @Test func acknowledgedCallbacksSurviveSIGKILL() throws {
        let folder = ScratchFolder()
        let db = folder.file("feedesk.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        #expect(try Feedesk.run(["user", "add", "ke-toan", "--role", "accountant", "--db", db], input: "a long enough password\n").status == 0)
        let token = try Feedesk.run(["token", "create", "ke-toan", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var acknowledgedTotal = 0
        var uploadedTotal = 0
        for round in 0..<Self.rounds {
            let (process, port) = try Self.startServer(db: db)
            let acknowledged = Mutex<[String]>([])
            let statuses = Mutex<[Int: Int]>([:])
            let stop = Atomic<Bool>(false)
            let workers = DispatchGroup()
            for worker in 0..<8 {
                // Plain threads: blocking GCD workers would starve URLSession's own dispatch work.
                workers.enter()
                Thread.detachNewThread {
                    defer { workers.leave() }
                    var index = 0
                    while !stop.load(ordering: .relaxed) {
                        let id = "R\(round)W\(worker)N\(index)"
                        index += 1
                        let status = Self.post(id: id, port: port)
                        if status == 200 { acknowledged.withLock { $0.append(id) } } else { statuses.withLock { $0[status, default: 0] += 1 } }
                    }
                }
            }
            // Statement uploads at the same time: each either lands whole or not at all.
            let uploaded = Mutex<[String]>([])
            workers.enter()
            Thread.detachNewThread {
                defer { workers.leave() }
                var index = 0
                while !stop.load(ordering: .relaxed) {
                    let name = "r\(round)-\(index).sta"
                    index += 1
                    if Self.upload(statement: Self.statement(round: round, index: index), name: name, token: token, port: port) == 201 {
                        uploaded.withLock { $0.append(name) }
                    }
                }
            }
            Thread.sleep(forTimeInterval: Double.random(in: 0.4...1.2))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            stop.store(true, ordering: .relaxed)
            workers.wait()
            let acked = acknowledged.withLock { $0 }
            acknowledgedTotal += acked.count
            // Every acknowledged callback is stored exactly once, and the journal still verifies.
            let database = try Database(path: db)
            let stored = try database.read { connection in
                try connection.query("SELECT provider_txn, COUNT(*) FROM callback WHERE provider_txn LIKE ? GROUP BY provider_txn", "R\(round)W%") { row throws(StoreError) in
                    (try row.requiredText(0), row.int64(1))
                }
            }
            let counts: [String: Int64] = Dictionary(uniqueKeysWithValues: stored)
            let missing = acked.filter { counts[$0] != 1 }
            #expect(missing.isEmpty, "round \(round): \(missing.count) acknowledged callbacks missing or doubled")
            #expect(counts.values.allSatisfy { $0 == 1 })
            #expect(try database.read { try AuditJournal.verify($0) }.rows > 0)
            // Every acknowledged upload is stored once and whole: 20 lines, 20 credits, outcome sums = totals.
            let files = try database.read { connection in
                try connection.query("""
                    SELECT f.file_name, f.lines, (SELECT COUNT(*) FROM statement_line l JOIN statement s ON s.id = l.statement_id WHERE s.file_id = f.id)
                    FROM statement_file f WHERE f.file_name LIKE ?
                    """, "r\(round)-%") { row throws(StoreError) in (try row.requiredText(0), row.int64(1), row.int64(2)) }
            }
            let storedFiles = Dictionary(files.map { ($0.0, $0) }, uniquingKeysWith: { first, _ in first })
            let up = uploaded.withLock { $0 }
            uploadedTotal += up.count
            #expect(up.allSatisfy { storedFiles[$0] != nil }, "round \(round): an acknowledged statement is missing")
            #expect(files.allSatisfy { $0.1 == 20 && $0.2 == 20 }, "round \(round): a statement is half imported")
            let sums = try database.read { connection in
                try connection.queryOne("""
                    SELECT (SELECT COALESCE(SUM(amount), 0) FROM credit),
                           (SELECT COALESCE(SUM(t), 0) FROM (SELECT SUM(amount) AS t FROM credit GROUP BY outcome))
                    """) { ($0.int64(0), $0.int64(1)) }
            }
            #expect(sums.map { $0.0 == $0.1 } == true, "outcome sums differ from the credit total")
            print("crash round \(round): \(acked.count) callbacks acknowledged, \(counts.count) stored, other answers \(statuses.withLock { $0 }); \(up.count) statements acknowledged, \(files.count) stored")
        }
        #expect(acknowledgedTotal > 0)
        #expect(uploadedTotal > 0)
    }

    /// A balanced MT940 statement of 20 credits, unique to the round and index.
    static func statement(round: Int, index: Int) -> String {
        var text = ":20:R\(round)N\(index)\r\n:25:0071000123456\r\n:28C:1/1\r\n:60F:C261121VND1000000,\r\n"
        for line in 0..<20 {
            text += ":61:2611221122C\(1_000 + line),NTRFNONREF//R\(round)N\(index)L\(line)\r\n:86:chuyen tien \(round) \(index) \(line)\r\n"
        }
        let total = (0..<20).map { 1_000 + $0 }.reduce(0, +)
        return text + ":62F:C261122VND\(1_000_000 + total),\r\n-"
    }

    /// Uploads a statement; returns the HTTP status (-1 when the connection failed).
    static func upload(statement: String, name: String, token: String, port: UInt16) -> Int {
        guard let url = URL(string: "http://127.0.0.1:\(port)/api/v1/statements?name=\(name)") else { return -1 }
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.httpBody = Data(statement.utf8)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let done = DispatchSemaphore(value: 0)
        let status = Atomic<Int>(-1)
        URLSession.shared.dataTask(with: request) { _, response, _ in
            status.store((response as? HTTPURLResponse)?.statusCode ?? -1, ordering: .relaxed)
            done.signal()
        }.resume()
        done.wait()
        return status.load(ordering: .relaxed)
    }

    /// Starts `feedesk serve` on an ephemeral port and returns it with the port it bound.
    static func startServer(db: String) throws -> (Process, UInt16) {
        let (process, _, err) = try Feedesk.start(["serve", "--listen", "127.0.0.1:0", "--db", db], environment: ["FEEDESK_SECRET_BANK": secret])
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: "http://127.0.0.1:"),
               let port = UInt16(text[range.upperBound...].prefix(while: \.isNumber)) {
                return (process, port)
            }
            if chunk.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        process.terminate()
        throw CrashTestError("feedesk serve did not start: \(text)")
    }

    /// Posts one signed credit notice; returns the HTTP status (-1 when the connection failed).
    static func post(id: String, port: UInt16) -> Int {
        let body = #"{"id":"\#(id)","account":"0071000123456","amount":1000,"currency":"VND","bookedAt":"2026-11-22T09:15:00+07:00","description":"chuyen tien \#(id)"}"#
        guard let signed = try? CallbackScheme.standardWebhooks.sign(body: Array(body.utf8), secret: secret, now: Date()),
              let url = URL(string: "http://127.0.0.1:\(port)/api/v1/callbacks/bank") else { return -1 }
        var request = URLRequest(url: url, timeoutInterval: 5)
        request.httpMethod = "POST"
        request.httpBody = Data(signed.body)
        for header in signed.headers { request.setValue(header.value, forHTTPHeaderField: header.name) }
        let done = DispatchSemaphore(value: 0)
        let status = Atomic<Int>(-1)
        URLSession.shared.dataTask(with: request) { _, response, _ in
            status.store((response as? HTTPURLResponse)?.statusCode ?? -1, ordering: .relaxed)
            done.signal()
        }.resume()
        done.wait()
        return status.load(ordering: .relaxed)
    }
}

struct CrashTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
