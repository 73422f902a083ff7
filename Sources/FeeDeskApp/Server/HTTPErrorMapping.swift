import BankStatements
import FeeDeskCore
import FeeDeskHTTP
import FeeDeskStore
import QRRender
import VietQR

/// Turns any error a use case throws into the JSON error answer of the API.
enum HTTPErrorMapping {
    /// `{"error": "...", "code": "..."}` with the status that fits the error.
    static func response(for error: any Error) -> HTTPResponse {
        let message = sentence("\(error)")
        switch error {
        case let error as CoreError:
            switch error.kind {
            case .invalid: return .error(status: .unprocessableContent, code: "invalid", message: message)
            case .notFound: return .error(status: .notFound, code: "not_found", message: message)
            case .conflict: return .error(status: .conflict, code: "conflict", message: message)
            }
        case let error as AppError:
            switch error {
            case .input: return .error(status: .badRequest, code: "bad_request", message: message)
            case .config, .file: return .error(status: .unprocessableContent, code: "invalid", message: message)
            }
        case is StatementError, is VietQRError, is QRRenderError:
            return .error(status: .unprocessableContent, code: "invalid", message: message)
        case let error as StoreError where error.isBusy:
            return HTTPResponse.error(status: .serviceUnavailable, code: "busy", message: "The database is busy; retry shortly.")
                .withRetryAfter(seconds: 1)
        case let error as CallbackRefusal:
            return .error(status: HTTPStatus(rawValue: error.status), code: error.reason, message: message)
        default:
            return .error(status: .internalServerError, code: "internal_error", message: "An internal error occurred; it has been logged.")
        }
    }

    private static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }
}
