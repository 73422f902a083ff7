import Foundation
import Testing
@testable import BankCallbacks

/// A small deterministic generator (SplitMix64) for property-style tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A request from literal headers and a UTF-8 body.
func request(_ headers: [(String, String)], _ body: String) -> CallbackRequest {
    CallbackRequest(headers: headers.map { (name: $0.0, value: $0.1) }, body: Array(body.utf8))
}

/// The error `verify` throws, or nil when it succeeds.
func verifyError(_ scheme: CallbackScheme, _ request: CallbackRequest, secrets: [String], now: Date) -> CallbackError? {
    do {
        _ = try scheme.verify(request, secrets: secrets, now: now)
        return nil
    } catch {
        return error
    }
}

/// Replaces the value of header `name` (case-insensitive), or removes it when `value` is nil.
func replacingHeader(_ request: CallbackRequest, _ name: String, with value: String?) -> CallbackRequest {
    var headers = request.headers.filter { $0.name.lowercased() != name.lowercased() }
    if let value { headers.append((name: name, value: value)) }
    return CallbackRequest(headers: headers, body: request.body)
}

/// `request` with one body byte changed.
func flippingByte(_ request: CallbackRequest, at index: Int) -> CallbackRequest {
    var body = request.body
    body[index] ^= 0x01
    return CallbackRequest(headers: request.headers, body: body)
}

/// Random printable text, sometimes with Vietnamese letters, `/`, quotes, emoji and controls.
func randomText(_ generator: inout SplitMix64, maxLength: Int = 24) -> String {
    let alphabet: [String] = ["a", "B", "7", " ", "/", "\"", "\\", ".", "-", "đ", "Ư", "ễ", "á", "🙂", "\n", "\t", "&", "=", "€"]
    let length = Int(generator.next() % UInt64(maxLength + 1))
    return (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
}

/// `text` as a JSON string literal (JavaScript escaping).
func jsonString(_ text: String) -> String {
    JSONWriter.write(.string(text), style: .javascript)
}
