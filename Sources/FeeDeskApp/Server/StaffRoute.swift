import FeeDeskHTTP

/// One route of the FeeDesk API: who may call it and what it does.
struct APIRoute: Sendable {
    /// Who may call a route.
    enum Access: Sendable, Equatable {
        /// Anyone (health check, login page).
        case open
        /// A callback partner, proved by its signature (checked by the handler).
        case partner
        /// A signed-in staff member with one of these roles (or admin).
        case staff(Set<StaffRole>)
    }

    let method: HTTPMethod
    let pattern: String
    let name: String
    let access: Access
    let bodyLimit: Int?
    let handler: @Sendable (HTTPRequest, Principal?) throws -> HTTPResponse
    /// Set for a route that answers later through a responder (callbacks: the worker thread is not
    /// held while the commit is pending); `handler` is then unused. Only for `.open` and `.partner`.
    let deferred: Router.DeferredHandler?

    init(_ method: HTTPMethod, _ pattern: String, _ name: String, access: Access, bodyLimit: Int? = nil,
         handler: @escaping @Sendable (HTTPRequest, Principal?) throws -> HTTPResponse) {
        self.method = method
        self.pattern = pattern
        self.name = name
        self.access = access
        self.bodyLimit = bodyLimit
        self.handler = handler
        deferred = nil
    }

    /// A deferred route: `handler` must answer through the responder exactly once, from any thread.
    init(deferred method: HTTPMethod, _ pattern: String, _ name: String, access: Access, bodyLimit: Int? = nil,
         handler: @escaping Router.DeferredHandler) {
        precondition(access == .open || access == .partner, "deferred routes do no staff authentication")
        self.method = method
        self.pattern = pattern
        self.name = name
        self.access = access
        self.bodyLimit = bodyLimit
        self.handler = { request, _ in
            .error(status: .internalServerError, code: "internal_error", message: "\(request.path) answers through its deferred handler")
        }
        deferred = handler
    }
}
