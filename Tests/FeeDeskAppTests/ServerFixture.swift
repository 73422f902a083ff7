@testable import FeeDeskApp
import BankCallbacks
import FeeDeskHTTP
import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A demo database served by a real `FeeDeskServer` on 127.0.0.1 (ephemeral port), with one token per role.
final class ServerFixture: @unchecked Sendable { // everything is set up in init and only read afterwards
    static let bankSecret = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="
    let fixture: AppFixture
    let app: FeeDesk
    let server: FeeDeskServer
    private(set) var tokens: [StaffRole: String] = [:]
    let logLines = LogLines()

    init(environment: [String: String] = ["FEEDESK_SECRET_BANK": ServerFixture.bankSecret]) throws {
        fixture = try AppFixture(config: AppFixture.standardConfig.replacingOccurrences(
            of: #""partners": [{"id": "bank", "scheme": "standard-webhooks", "account": "main"}]"#,
            with: #""partners": [{"id": "bank", "scheme": "standard-webhooks", "account": "main"}, {"id": "sepay", "scheme": "sepay", "account": "main"}]"#))
        app = try FeeDesk(config: FeeDeskConfig.load(path: fixture.configPath))
        _ = try app.loadDemo(by: "test")
        for role in StaffRole.allCases {
            try app.addUser(name: "user-\(role.rawValue)", role: role, password: "long enough password", by: "test")
            tokens[role] = try app.createToken(user: "user-\(role.rawValue)", label: "test", by: "test")
        }
        var options = FeeDeskServer.Options(listen: "127.0.0.1:0")
        options.threads = 8
        options.environment = environment
        options.log = logLines.append
        server = try FeeDeskServer(app: app, options: options)
    }

    deinit { server.stop(grace: .seconds(2)) }

    var base: String { "http://\(server.address)" }

    struct Answer {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] { try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:] }
    }

    /// One request; `role` adds that role's bearer token.
    func request(_ method: String, _ path: String, role: StaffRole? = nil, headers: [(String, String)] = [], body: [UInt8]? = nil) throws -> Answer {
        guard let url = URL(string: base + path) else { throw AppError.input("bad path \(path)") }
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.httpMethod = method
        if let role, let token = tokens[role] { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body) }
        return try ServerFixture.send(request)
    }

    static func send(_ request: URLRequest) throws -> Answer {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<Answer, any Error> = .failure(AppError.input("no answer"))
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                result = .failure(error)
            } else if let http = response as? HTTPURLResponse {
                let headers = Dictionary(http.allHeaderFields.compactMap { key, value in (key as? String).map { ($0.lowercased(), "\(value)") } },
                                         uniquingKeysWith: { first, _ in first })
                result = .success(Answer(status: http.statusCode, headers: headers, body: data ?? Data()))
            }
            done.signal()
        }.resume()
        done.wait()
        return try result.get()
    }

    /// A standard-webhooks delivery of `body` signed with the bank's secret (or `secret`).
    static func signedBank(_ body: String, secret: String = bankSecret, id: String? = nil, at: Date = Date()) throws -> (headers: [(String, String)], body: [UInt8]) {
        let signed = try CallbackScheme.standardWebhooks.sign(body: Array(body.utf8), secret: secret, now: at, deliveryID: id)
        return (signed.headers.map { ($0.name, $0.value) }, signed.body)
    }

    /// A standard-webhooks body for a credit of `amount` with `memo`.
    static func notice(id: String, amount: Int64, memo: String, account: String = "0071000123456", currency: String = "VND") -> String {
        #"{"id":"\#(id)","account":"\#(account)","amount":\#(amount),"currency":"\#(currency)","bookedAt":"2026-11-22T09:15:00+07:00","description":"\#(memo)","counterpartyName":"NGUYEN VAN AN"}"#
    }

    /// Counts of rows, to prove that a refused request stored nothing.
    func counts() throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for table in ["callback", "credit", "allocation", "audit"] {
            counts[table] = try app.database.read { connection in try connection.queryOne("SELECT COUNT(*) FROM \(table)") { $0.int64(0) } ?? -1 }
        }
        return counts
    }
}

/// Log lines kept for assertions.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}
