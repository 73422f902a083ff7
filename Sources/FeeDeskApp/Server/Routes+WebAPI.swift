import FeeDeskHTTP
import Foundation

extension FeeDeskServer {
    /// The JSON body of `POST /api/v1/desks/{desk}/current`: the dossier code, or null for none.
    struct CurrentDossierBody: Decodable {
        let dossier: String?
    }

    /// The current dossier of a desk, as the citizen display reads it (`dossier` absent: none).
    struct DeskState: Encodable {
        let desk: String
        let dossier: DeskPaymentView?
    }

    /// API routes the web pages use besides the dossier routes: the fee search, a dossier's payment
    /// view (amount in words, bank, reference) and the dossier each desk is showing.
    static func webAPIRoutes(_ context: ServerContext) -> [APIRoute] {
        let app = context.app
        let board = context.web.desks
        return [
            APIRoute(.get, "/api/v1/fees", "fee.search", access: .staff([.desk, .accountant, .register])) { request, _ in
                .json(try app.searchFees(request.query["q"] ?? "", limit: 20))
            },
            APIRoute(.get, "/api/v1/dossiers/{code}/payment", "dossier.payment", access: .staff([.desk])) { request, _ in
                .json(try app.deskPaymentView(code: request.pathParameters["code"] ?? ""))
            },
            APIRoute(.get, "/api/v1/desks/{desk}/current", "desk.current", access: .staff([.desk])) { request, _ in
                let desk = try validDesk(request)
                let view = try board.dossier(at: desk).map { code in try app.deskPaymentView(code: code) }
                return .json(DeskState(desk: desk, dossier: view))
            },
            APIRoute(.post, "/api/v1/desks/{desk}/current", "desk.show", access: .staff([.desk])) { request, _ in
                let desk = try validDesk(request)
                let body = try decode(CurrentDossierBody.self, from: request)
                let code = try body.dossier.map { code in try app.dossier(code: code).code }
                guard board.show(code, at: desk) else {
                    return .error(status: .serviceUnavailable, code: "busy", message: "Too many desks are showing a dossier; clear one first.")
                }
                let view = try code.map { code in try app.deskPaymentView(code: code) }
                return .json(DeskState(desk: desk, dossier: view))
            },
        ]
    }

    private static func validDesk(_ request: HTTPRequest) throws -> String {
        let desk = request.pathParameters["desk"] ?? ""
        guard DeskBoard.isValidDesk(desk) else {
            throw AppError.input("desk '\(desk.prefix(40))' must be 1 to 32 letters, digits and . _ - @")
        }
        return desk
    }
}
