import FeeDeskHTTP

extension FeeDeskServer {
    static func callbackRoutes(_ context: ServerContext) -> [APIRoute] {
        [
            APIRoute(.post, "/api/v1/callbacks/{partner}", "callback", access: .partner,
                     bodyLimit: context.options.callbackBodyLimit) { request, _ in
                let partner = request.pathParameters["partner"] ?? ""
                let secrets = FeeDesk.secrets(for: partner, environment: context.options.environment)
                let headers = request.headers.fields.map { (name: $0.name, value: $0.value) }
                do throws(CallbackRefusal) {
                    let result = try context.app.acceptCallback(partner: partner, headers: headers, body: request.body,
                                                                secrets: secrets, committer: context.committer)
                    context.metrics.callback(partner: partner, result: result.duplicate ? "duplicate" : "accepted")
                    return HTTPResponse.bytes(result.ack.body, contentType: result.ack.contentType,
                                              status: HTTPStatus(rawValue: result.ack.status))
                } catch {
                    let known = context.app.config.partners.contains { $0.id == partner } ? partner : "unknown"
                    context.metrics.callback(partner: known, result: error.reason)
                    context.rejections.write("callback refused: partner=\(partner.prefix(40)) status=\(error.status) "
                                             + "reason=\(error.reason) from=\(request.remoteAddress) req=\(request.requestID): \(error.message)")
                    var response = HTTPErrorMapping.response(for: error)
                    if error.status == 503 { response = response.withRetryAfter(seconds: 5) }
                    return response
                }
            },
        ]
    }
}
