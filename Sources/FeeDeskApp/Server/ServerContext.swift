import FeeDeskHTTP
import FeeDeskStore
import Foundation
import Synchronization

/// What the route handlers share: the application, the group committer, metrics, logs and options.
final class ServerContext: Sendable {
    let app: FeeDesk
    let options: FeeDeskServer.Options
    let metrics: ServiceMetrics
    let committer: GroupCommitter
    let rejections: RateLimitedLog
    /// Web UI state: sessions, the sign-in throttle, the dossier each desk shows.
    let web: WebContext
    /// Reads the server's in-flight count (set once the server exists).
    let inFlight = Mutex<@Sendable () -> Int>({ 0 })

    init(app: FeeDesk, options: FeeDeskServer.Options, metrics: ServiceMetrics, committer: GroupCommitter) {
        self.app = app
        self.options = options
        self.metrics = metrics
        self.committer = committer
        rejections = RateLimitedLog(sink: options.log)
        web = WebContext(app: app)
    }

    /// The staff member the request's credentials name (bearer token, else session cookie), or nil.
    func authenticate(_ request: HTTPRequest) throws -> Principal? {
        guard let header = request.headers["Authorization"] else { return try web.apiPrincipal(request) }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return try app.principal(bearerToken: String(parts[1]).trimmingCharacters(in: .whitespaces))
    }
}

extension FeeDeskServer {
    /// Every route of the service, with who may call it.
    static func routes(_ context: ServerContext) -> [APIRoute] {
        systemRoutes(context) + dossierRoutes(context) + callbackRoutes(context) + statementRoutes(context) + reviewRoutes(context)
            + reportRoutes(context) + dailyReportRoutes(context) + remittanceReportRoutes(context) + webAPIRoutes(context)
    }

    /// The HTTP router: each route wrapped with its access check and error mapping.
    static func router(_ context: ServerContext) throws -> Router {
        var router = Router()
        for route in routes(context) + webPages(context) {
            if let deferred = route.deferred {
                try router.addDeferred(route.method, route.pattern, name: route.name, bodyLimit: route.bodyLimit, handler: deferred)
                continue
            }
            try router.add(route.method, route.pattern, name: route.name, bodyLimit: route.bodyLimit, handler: guarded(route, context))
        }
        return router
    }

    /// The route's handler behind its access check; thrown errors become JSON error answers.
    static func guarded(_ route: APIRoute, _ context: ServerContext) -> Router.Handler {
        { request in
            var principal: Principal?
            if case let .staff(roles) = route.access {
                do {
                    principal = try context.authenticate(request)
                } catch {
                    return (error as? WebRefusal)?.response ?? HTTPErrorMapping.response(for: error)
                }
                guard let principal else {
                    return HTTPResponse.error(status: .unauthorized, code: "unauthorized", message: "Sign in or send a valid bearer token.")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"feedesk\"")
                }
                guard principal.may(roles) else {
                    return .error(status: .forbidden, code: "forbidden", message: "The role '\(principal.role.rawValue)' may not do this.")
                }
            }
            do {
                return try route.handler(request, principal)
            } catch {
                let response = HTTPErrorMapping.response(for: error)
                if response.status == .internalServerError { context.options.log("error: \(request.requestID) \(route.name): \(error)") }
                return response
            }
        }
    }
}
