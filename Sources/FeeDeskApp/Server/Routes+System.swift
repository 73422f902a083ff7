import FeeDeskHTTP
import FeeDeskStore

extension FeeDeskServer {
    static func systemRoutes(_ context: ServerContext) -> [APIRoute] {
        [
            APIRoute(.get, "/healthz", "health", access: .open) { _, _ in
                struct Health: Encodable { let status: String; let schema: Int; let libraries: LibraryVersions }
                do {
                    let schema = try context.app.database.schemaVersion()
                    return .json(Health(status: "ok", schema: schema, libraries: .current()))
                } catch {
                    return .error(status: .serviceUnavailable, code: "database_unavailable", message: "The database cannot be read.")
                }
            },
            APIRoute(.get, "/metrics", "metrics", access: .staff(Set(StaffRole.allCases))) { _, _ in
                let inFlight = context.inFlight.withLock { $0 }()
                return HTTPResponse.bytes(Array(context.metrics.render(inFlight: inFlight).utf8), contentType: "text/plain; version=0.0.4; charset=utf-8")
            },
        ]
    }
}
