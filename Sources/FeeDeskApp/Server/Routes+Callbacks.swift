import FeeDeskHTTP

extension FeeDeskServer {
    /// `POST /api/v1/callbacks/{partner}`: verified on the request's thread, then handed to the group
    /// committer; the answer goes out from the committer thread after the commit, while the connection
    /// waits suspended and the worker thread serves others. A refusal stores nothing.
    static func callbackRoutes(_ context: ServerContext) -> [APIRoute] {
        // The environment is read once, when the server starts: secrets per configured partner.
        let secretsByPartner = Dictionary(
            context.app.config.partners.map { ($0.id, FeeDesk.secrets(for: $0.id, environment: context.options.environment)) },
            uniquingKeysWith: { first, _ in first })
        return [
            APIRoute(deferred: .post, "/api/v1/callbacks/{partner}", "callback", access: .partner,
                     bodyLimit: context.options.callbackBodyLimit) { request, responder in
                let partner = request.pathParameters["partner"] ?? ""
                let secrets = secretsByPartner[partner] ?? []
                let headers = request.headers.fields.map { (name: $0.name, value: $0.value) }
                let delivery: VerifiedDelivery
                do throws(CallbackRefusal) {
                    delivery = try context.app.verifyCallback(partner: partner, headers: headers, body: request.body, secrets: secrets)
                } catch {
                    responder.respond(refused(error, partner: partner, request: request, context: context))
                    return
                }
                context.app.submitCallback(delivery, committer: context.committer) { result in
                    switch result {
                    case let .success(stored):
                        context.metrics.callback(partner: partner, result: stored.duplicate ? "duplicate" : "accepted")
                        responder.respond(HTTPResponse.bytes(stored.ack.body, contentType: stored.ack.contentType,
                                                             status: HTTPStatus(rawValue: stored.ack.status)))
                    case let .failure(error):
                        responder.respond(refused(error, partner: partner, request: request, context: context))
                    }
                }
            },
        ]
    }

    /// The answer to a refused callback, counted in the metrics and the rate-limited rejection log.
    private static func refused(_ error: CallbackRefusal, partner: String, request: HTTPRequest, context: ServerContext) -> HTTPResponse {
        let known = context.app.config.partners.contains { $0.id == partner } ? partner : "unknown"
        context.metrics.callback(partner: known, result: error.reason)
        context.rejections.write("callback refused: partner=\(partner.prefix(40)) status=\(error.status) "
                                 + "reason=\(error.reason) from=\(request.remoteAddress) req=\(request.requestID): \(error.message)")
        var response = HTTPErrorMapping.response(for: error)
        if error.status == 503 { response = response.withRetryAfter(seconds: 5) }
        return response
    }
}
