import Foundation

extension HTTPResponse {
    /// The `Content-Type` of JSON bodies.
    public static let jsonContentType = "application/json; charset=utf-8"

    /// A JSON body encoded with `encoder` (sorted keys, ISO 8601 dates by default).
    ///
    /// A value that cannot be encoded is a programming error; it is answered with
    /// `500 {"error": …, "code": "encoding_failed"}` rather than a crash.
    public static func json<Value: Encodable>(
        _ value: Value, status: HTTPStatus = .ok, encoder: JSONEncoder = HTTPResponse.makeJSONEncoder()
    ) -> HTTPResponse {
        do {
            let data = try encoder.encode(value)
            return HTTPResponse(status: status, headers: ["Content-Type": jsonContentType], body: Array(data))
        } catch {
            return .error(
                status: .internalServerError, code: "encoding_failed",
                message: "The response could not be encoded as JSON.")
        }
    }

    /// A JSON body from bytes that already are JSON.
    public static func json(bytes: [UInt8], status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": jsonContentType], body: bytes)
    }

    /// The encoder `json(_:status:encoder:)` uses by default: sorted keys, unescaped slashes, ISO 8601 dates.
    public static func makeJSONEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// A `text/plain; charset=utf-8` body.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// A `text/html; charset=utf-8` body.
    public static func html(_ html: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(html.utf8))
    }

    /// A body of any media type, e.g. `image/png` or `image/svg+xml`.
    public static func bytes(_ body: [UInt8], contentType: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": contentType], body: body)
    }

    /// The uniform error body `{"error": message, "code": code}`, optionally with `Retry-After`.
    ///
    /// `code` is a stable machine-readable token (`not_found`); `message` is for people.
    public static func error(
        status: HTTPStatus, code: String, message: String, retryAfterSeconds: Int? = nil
    ) -> HTTPResponse {
        var body = "{\"error\":"
        appendJSONString(message, to: &body)
        body += ",\"code\":"
        appendJSONString(code, to: &body)
        body += "}"
        let response = json(bytes: Array(body.utf8), status: status)
        return retryAfterSeconds.map { response.withRetryAfter(seconds: $0) } ?? response
    }

    /// A redirect to `location` (303 See Other by default: the answer to a form POST).
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Location": location])
    }

    /// An empty `204 No Content`.
    public static var noContent: HTTPResponse { HTTPResponse(status: .noContent) }
}

/// Appends `text` as a JSON string literal (RFC 8259 §7): quotes, backslash and controls escaped.
func appendJSONString(_ text: String, to output: inout String) {
    output.append("\"")
    let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != 0xE2 }
    if plain {  // the common case: nothing to escape (0xE2 starts U+2028/U+2029, checked below)
        output.append(text)
        output.append("\"")
        return
    }
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": output.append("\\\"")
        case "\\": output.append("\\\\")
        case "\n": output.append("\\n")
        case "\r": output.append("\\r")
        case "\t": output.append("\\t")
        case "\u{2028}": output.append("\\u2028")
        case "\u{2029}": output.append("\\u2029")
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
    }
    output.append("\"")
}
