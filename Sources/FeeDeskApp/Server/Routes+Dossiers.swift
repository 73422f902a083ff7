import FeeDeskCore
import FeeDeskHTTP
import Foundation

extension FeeDeskServer {
    /// The JSON body of `POST /api/v1/dossiers`.
    struct DossierBody: Decodable {
        let code: String
        let procedure: String
        let amount: Int64?
        let amountDue: Int64?
        let applicant: String?
        let desk: String?
    }

    /// The JSON body of `POST /api/v1/cash-payments`.
    struct CashBody: Decodable {
        let dossier: String
        let amount: Int64
        let receipt: String
        let cashier: String?
    }

    static func dossierRoutes(_ context: ServerContext) -> [APIRoute] {
        let app = context.app
        let readers: APIRoute.Access = .staff([.desk, .accountant, .register])
        return [
            APIRoute(.post, "/api/v1/dossiers", "dossier.add", access: .staff([.desk, .register])) { request, principal in
                let body = try decode(DossierBody.self, from: request)
                let amount = (body.amount ?? body.amountDue).map { Money(dong: $0) }
                let detail = try app.addDossier(NewDossier(code: body.code, procedure: body.procedure, amount: amount,
                                                           applicant: body.applicant ?? "", desk: body.desk), by: actor(principal))
                return .json(detail, status: .created)
            },
            APIRoute(.post, "/api/v1/dossiers/batch", "dossier.batch", access: .staff([.register]), bodyLimit: 8 << 20) { request, principal in
                let rows = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [Any]
                guard let rows, rows.count <= 10_000 else {
                    throw AppError.input("the body must be a JSON array of at most 10000 dossiers")
                }
                return .json(try app.importDossiers(Data(request.body), fileName: "batch \(request.requestID)", format: .json, by: actor(principal)))
            },
            APIRoute(.post, "/api/v1/dossiers/{code}/cancel", "dossier.cancel", access: .staff([.desk, .register])) { request, principal in
                struct Body: Decodable { let reason: String }
                let body = try decode(Body.self, from: request)
                return .json(try app.cancelDossier(code: request.pathParameters["code"] ?? "", reason: body.reason, by: actor(principal)))
            },
            APIRoute(.get, "/api/v1/dossiers", "dossier.list", access: readers) { request, _ in
                let status = try request.query["status"].map { text in try DossierStatus(parsing: text) }
                let date = try request.query["date"].map { text in try LocalDate(parsing: text) }
                return .json(try app.dossiers(status: status, date: date))
            },
            APIRoute(.get, "/api/v1/dossiers/{code}", "dossier.show", access: readers) { request, _ in
                .json(try app.dossier(code: request.pathParameters["code"] ?? ""))
            },
            APIRoute(.get, "/api/v1/dossiers/{code}/qr.svg", "dossier.qr.svg", access: .staff([.desk])) { request, _ in
                let code = try app.paymentCode(forDossier: request.pathParameters["code"] ?? "")
                return .bytes(try QRImageFormat.svg.render(code.payload), contentType: QRImageFormat.svg.contentType)
            },
            APIRoute(.get, "/api/v1/dossiers/{code}/qr.png", "dossier.qr.png", access: .staff([.desk])) { request, _ in
                let code = try app.paymentCode(forDossier: request.pathParameters["code"] ?? "")
                return .bytes(try QRImageFormat.png.render(code.payload), contentType: QRImageFormat.png.contentType)
            },
            APIRoute(.get, "/api/v1/dossiers/{code}/slip", "dossier.slip", access: .staff([.desk])) { request, _ in
                .html(try app.paymentSlip(forDossier: request.pathParameters["code"] ?? "")).withHeader("Content-Security-Policy", PaymentSlip.contentSecurityPolicy)
            },
            APIRoute(.post, "/api/v1/cash-payments", "cash.record", access: .staff([.desk])) { request, principal in
                let body = try decode(CashBody.self, from: request)
                let detail = try app.recordCash(NewCashPayment(dossierCode: body.dossier, amount: Money(dong: body.amount), receipt: body.receipt,
                                                               cashier: body.cashier ?? principal?.name ?? ""), by: actor(principal))
                return .json(detail, status: .created)
            },
        ]
    }

    /// The audit actor of a request.
    static func actor(_ principal: Principal?) -> String { principal?.actor ?? "anonymous" }

    /// The request's JSON body as `T`; a malformed body is a 400 that says what is wrong.
    static func decode<T: Decodable>(_ type: T.Type, from request: HTTPRequest) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(request.body))
        } catch let DecodingError.keyNotFound(key, _) {
            throw AppError.input("the JSON body lacks the field '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw AppError.input("the JSON field '\(field)' has the wrong type")
        } catch {
            throw AppError.input("the body is not valid JSON")
        }
    }
}
