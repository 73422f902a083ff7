import BankCallbacks
import Foundation

/// Fuzzes `CallbackScheme.standardWebhooks.verify` (headers and body; see ``CallbackFuzzInput``).
@discardableResult
public func fuzzStandardWebhooks(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    CallbackFuzzing.run(.standardWebhooks, CallbackFuzzInput(Array(data)))
}

/// Fuzzes `CallbackScheme.payos.verify` (the signature is in the body; see ``CallbackFuzzInput``).
@discardableResult
public func fuzzPayOS(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    CallbackFuzzing.run(.payos, CallbackFuzzInput(Array(data)))
}

/// Fuzzes `CallbackScheme.cassoV2.verify` (headers and body; see ``CallbackFuzzInput``).
@discardableResult
public func fuzzCasso(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    CallbackFuzzing.run(.cassoV2, CallbackFuzzInput(Array(data)))
}

/// Fuzzes `CallbackScheme.sepay.verify` (headers and body; see ``CallbackFuzzInput``).
@discardableResult
public func fuzzSePay(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    CallbackFuzzing.run(.sepay, CallbackFuzzInput(Array(data)))
}

/// Fuzzes the strict JSON reader of BankCallbacks and its canonical writers; the bytes are one
/// JSON document.
///
/// 1. As a Casso v2 body under a fresh, well-formed header whose signature cannot match: the body is
///    read strictly and written in the PHP, Python and JavaScript canonical forms, and the refusal
///    must be `malformed_body` or `bad_signature`.
/// 2. As a payOS body without a signature: read, and refused with a reason about the body.
/// 3. Wrapped as the `data` of a payOS notice, signed (which writes the body back out) and verified:
///    what the writer wrote must read back to the same signed content, so the only refusals left
///    are about the notice's fields.
@discardableResult
public func fuzzCallbackJSON(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    let document = Array(data)
    let casso = CallbackFuzzing.key(.cassoV2)
    let millis = Int64((casso.now.timeIntervalSince1970 * 1000).rounded())
    let header = ("X-Casso-Signature", "t=\(millis),v1=" + String(repeating: "0", count: 128))
    let cassoRequest = CallbackRequest(headers: [header], body: document)
    var outcome = FuzzOutcome.rejected("not a JSON object")
    do {
        _ = try CallbackScheme.cassoV2.verify(cassoRequest, secrets: [casso.secret], now: casso.now)
        FuzzInvariant.require(false, "a Casso body verified under an all-zero signature")
    } catch {
        FuzzInvariant.require(error.reason == .malformedBody || error.reason == .badSignature,
                              "Casso refused a well-signed-looking request for another reason: \(error)")
        if error.reason == .badSignature { outcome = .accepted("a JSON object") }
    }
    let payos = CallbackFuzzing.key(.payos)
    _ = try? CallbackScheme.payos.verify(CallbackRequest(headers: [], body: document), secrets: [payos.secret], now: payos.now)
    let envelope = Array(#"{"code":"00","success":true,"data":"#.utf8) + document + Array("}".utf8)
    CallbackFuzzing.signAndVerify(.payos, body: envelope)
    return outcome
}

/// A callback target's input: either a body for the harness to sign, or raw headers and a body.
///
/// - `!sign` and a newline, then the body: the harness signs the body with the scheme's fixed
///   secret at the fixed clock (`CallbackScheme.sign`) and verifies the result, so mutations reach
///   the body parser behind the signature check.
/// - otherwise, header lines `Name: value` up to the first empty line, then the body, verified as
///   given (signature and header parsing). Without an empty line the whole input is the body.
public struct CallbackFuzzInput: Sendable {
    /// True for the `!sign` form.
    public let sign: Bool
    /// The header fields, in order (empty in the `!sign` form).
    public let headers: [(name: String, value: String)]
    /// The body bytes.
    public let body: [UInt8]

    /// Splits a fuzz input.
    public init(_ bytes: [UInt8]) {
        let marker = Array("!sign\n".utf8)
        if bytes.starts(with: marker) {
            sign = true
            headers = []
            body = Array(bytes.dropFirst(marker.count))
            return
        }
        sign = false
        guard let blank = Self.blankLine(in: bytes) else {
            headers = []
            body = bytes
            return
        }
        headers = bytes[..<blank].split(separator: UInt8(ascii: "\n")).map { line in
            let text = String(decoding: line, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else { return (name: text, value: "") }
            return (name: String(text[..<colon]), value: String(text[text.index(after: colon)...]))
        }
        body = Array(bytes[(blank + 2)...])
    }

    /// The index of the first `\n\n`, if any.
    private static func blankLine(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for index in 0..<(bytes.count - 1) where bytes[index] == UInt8(ascii: "\n") && bytes[index + 1] == UInt8(ascii: "\n") {
            return index
        }
        return nil
    }
}
