import BankStatements
import FeeDeskHTTP
import Foundation

extension FeeDeskServer {
    static func statementRoutes(_ context: ServerContext) -> [APIRoute] {
        [
            APIRoute(.post, "/api/v1/statements", "statement.import", access: .staff([.accountant]),
                     bodyLimit: context.options.statementUploadLimit) { request, principal in
                let formatText = request.query["format"] ?? "auto"
                guard let format = StatementFormatChoice(argument: formatText) else {
                    throw AppError.input("format '\(formatText)' is not one of auto, mt940, camt, csv")
                }
                let upload = StatementUpload(data: Data(request.body), fileName: request.query["name"] ?? "upload", format: format,
                                             profile: request.query["profile"], accountID: request.query["account"],
                                             allowUnbalanced: request.query["allowUnbalanced"] == "true")
                let report = try context.app.importStatement(upload, by: actor(principal))
                return .json(report, status: report.alreadyImported ? .ok : .created)
            },
        ]
    }
}
