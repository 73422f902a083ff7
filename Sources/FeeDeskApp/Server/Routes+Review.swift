import FeeDeskCore
import FeeDeskHTTP
import Foundation

extension FeeDeskServer {
    /// The JSON body of the credit actions: `{dossier?, amount?, reason}`.
    struct ReviewBody: Decodable {
        let dossier: String?
        let amount: Int64?
        let reason: String
    }

    /// The JSON body of `POST /api/v1/days/{date}/close`: `{force?, reason?}`.
    struct CloseBody: Decodable {
        let force: Bool?
        let reason: String?
    }

    static func reviewRoutes(_ context: ServerContext) -> [APIRoute] {
        let app = context.app
        let accountants: APIRoute.Access = .staff([.accountant])
        @Sendable func credit(_ request: HTTPRequest) throws -> Int64 {
            guard let id = Int64(request.pathParameters["id"] ?? ""), id > 0 else {
                throw AppError.input("credit number '\(request.pathParameters["id"] ?? "")' is not a positive whole number")
            }
            return id
        }
        @Sendable func day(_ request: HTTPRequest) throws -> LocalDate { try LocalDate(parsing: request.pathParameters["date"] ?? "") }
        return [
            APIRoute(.get, "/api/v1/review", "review.list", access: accountants) { request, _ in
                let items = try app.reviewQueue(date: try request.query["date"].map { try LocalDate(parsing: $0) })
                switch request.query["format"] ?? "json" {
                case "json": return .json(items)
                case "csv":
                    return HTTPResponse.bytes(ReviewQueueCSV.render(items), contentType: ReportFormat.csv.contentType)
                        .withHeader("Content-Disposition", "attachment; filename=\"review-queue.csv\"")
                case let other: throw AppError.input("format '\(other)' is not one of json, csv for the review queue")
                }
            },
            APIRoute(.post, "/api/v1/credits/{id}/assign", "review.assign", access: accountants) { request, principal in
                let body = try decode(ReviewBody.self, from: request)
                guard let dossier = body.dossier else { throw AppError.input("the JSON body lacks the field 'dossier'") }
                return .json(try app.assign(credit: try credit(request), to: dossier, amount: body.amount.map { Money(dong: $0) },
                                            reason: body.reason, by: actor(principal)))
            },
            APIRoute(.post, "/api/v1/credits/{id}/refund", "review.refund", access: accountants) { request, principal in
                let body = try decode(ReviewBody.self, from: request)
                return .json(try app.markRefund(credit: try credit(request), reason: body.reason, by: actor(principal)))
            },
            APIRoute(.post, "/api/v1/credits/{id}/ignore", "review.ignore", access: accountants) { request, principal in
                let body = try decode(ReviewBody.self, from: request)
                return .json(try app.ignore(credit: try credit(request), reason: body.reason, by: actor(principal)))
            },
            APIRoute(.post, "/api/v1/review-actions/{id}/undo", "review.undo", access: accountants) { request, principal in
                let body = try decode(ReviewBody.self, from: request)
                return .json(try app.undoReview(action: try credit(request), reason: body.reason, by: actor(principal)))
            },
            APIRoute(.get, "/api/v1/days/{date}/reconciliation", "day.reconcile", access: accountants) { request, _ in
                .json(try app.reconcile(date: try day(request), account: request.query["account"]))
            },
            APIRoute(.post, "/api/v1/days/{date}/close", "day.close", access: accountants) { request, principal in
                let body = request.body.isEmpty ? CloseBody(force: nil, reason: nil) : try decode(CloseBody.self, from: request)
                return .json(try app.closeDay(date: try day(request), account: request.query["account"], force: body.force ?? false,
                                              reason: body.reason, by: actor(principal)))
            },
        ]
    }
}
