import FeeDeskHTTP
import Foundation
import Synchronization

/// Collects access-log entries from worker threads.
final class AccessLogRecorder: Sendable {
    private let entriesStore = Mutex<[AccessLogEntry]>([])

    func record(_ entry: AccessLogEntry) { entriesStore.withLock { $0.append(entry) } }

    /// What has been logged so far.
    var entries: [AccessLogEntry] { entriesStore.withLock { $0 } }

    /// The entries once at least `count` arrived (waits up to 2 s; the hook runs after sending).
    func waitFor(_ count: Int) -> [AccessLogEntry] {
        for _ in 0..<400 {
            let current = entriesStore.withLock { $0 }
            if current.count >= count { return current }
            usleep(5_000)
        }
        return entriesStore.withLock { $0 }
    }
}

/// The routes the socket tests use.
func makeTestRouter() throws -> Router {
    var router = Router()
    try router.get("/items/{id}", name: "item") { request in
        .json([
            "id": request.pathParameters["id"] ?? "-",
            "q": request.query.values(for: "q").joined(separator: ","),
            "path": request.path,
            "rawQuery": request.rawQuery,
            "method": request.method.rawValue,
            "route": request.routePattern ?? "-",
            "remote": request.remoteAddress,
        ])
    }
    try router.post("/items/batch") { request in .text("batch \(request.body.count)") }
    try router.post("/items/{id}/notes") { request in
        .json(["id": request.pathParameters["id"] ?? "-", "note": request.bodyText ?? "-"], status: .created)
    }
    try router.get("/headers") { request in
        .text(request.headers.values(for: "X-CUSTOM").joined(separator: "|") + ";" + (request.headers["user-agent"] ?? "-"))
    }
    try router.add(.post, "/echo", bodyLimit: 200_000) { request in
        .bytes(request.body, contentType: "application/octet-stream")
    }
    try router.add(.post, "/small", bodyLimit: 1024) { request in .text("got \(request.body.count)") }
    try router.post("/form") { request in
        .text(request.formParameters?.pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&") ?? "not a form")
    }
    try router.get("/slow") { _ in
        usleep(1_000_000)
        return .text("done")
    }
    try router.get("/custom-header") { _ in
        HTTPResponse.text("x").withHeader("X-Frame-Options", "SAMEORIGIN")
    }
    return router
}

/// A server on 127.0.0.1 with an ephemeral port and two workers.
func startTestServer(
    router: Router? = nil, configure: (inout HTTPServerConfiguration) -> Void = { _ in }
) throws -> HTTPServer {
    var configuration = HTTPServerConfiguration(address: try ListenAddress(host: "127.0.0.1", port: 0))
    configuration.threadPoolSize = 2
    configure(&configuration)
    return try HTTPServer(configuration: configuration, router: router ?? makeTestRouter())
}

/// Decodes a JSON object of strings.
func jsonObject(_ response: RawResponse) throws -> [String: String] {
    try JSONDecoder().decode([String: String].self, from: Data(response.body))
}
