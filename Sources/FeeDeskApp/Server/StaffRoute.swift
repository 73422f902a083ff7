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

    init(_ method: HTTPMethod, _ pattern: String, _ name: String, access: Access, bodyLimit: Int? = nil,
         handler: @escaping @Sendable (HTTPRequest, Principal?) throws -> HTTPResponse) {
        self.method = method
        self.pattern = pattern
        self.name = name
        self.access = access
        self.bodyLimit = bodyLimit
        self.handler = handler
    }
}
