import FeeDeskCrypto
import Foundation

/// `sepay`: SePay webhooks in HMAC-SHA256 mode (https://developer.sepay.vn/vi/sepay-webhooks/xac-thuc).
///
/// SePay's documentation names the HMAC-SHA256 mode, the `X-SePay-Timestamp` header and the
/// 5-minute replay rule; the rest of this contract (header syntax and signed string) is what three
/// independent public integrations implement, and is to be confirmed against a real SePay delivery
/// (`feedesk` logs the reason of every refusal):
///
/// **Headers**:
/// - `X-SePay-Timestamp`: Unix time in whole seconds; refused when more than 300 s from the clock.
/// - `X-SePay-Signature`: `sha256=<hex HMAC-SHA256>` (a bare 64-digit hex value is accepted too).
///
/// **Signed content**: `<X-SePay-Timestamp value>.<raw body>`, keyed with the secret's UTF-8
/// bytes. The body is verified as received, never re-serialised. (API-key mode, `Authorization:
/// Apikey …`, is deliberately not supported: it does not protect the content.)
///
/// **Body**: `{"id":92704,"gateway":"Vietcombank","transactionDate":"2023-03-25 14:02:37",
/// "accountNumber":"0123499999","code":null,"content":"chuyen tien mua iphone","transferType":"in",
/// "transferAmount":2277000,"accumulated":19077000,"subAccount":null,"referenceCode":"MBVCB.3278907687",
/// "description":""}`.
///
/// **Notice**: provider id `id`; `transferType` `in` is a credit and `out` a debit (anything else is
/// refused); amount `transferAmount` (positive, whole đồng); memo `content` (or `description` when
/// `content` is empty); account `accountNumber`; time `transactionDate` (`YYYY-MM-DD HH:MM:SS`,
/// Vietnam local time); extra ids `referenceCode`, `gateway`, `code`, `subAccount`. SePay carries no
/// currency and no counterparty: VND, and the counterparty fields are nil.
///
/// **Answer**: `200 application/json {"success":true}`, as SePay documents.
enum SePayScheme {
    static let scheme = CallbackScheme.sepay
    static let signatureHeader = "X-SePay-Signature"
    static let timestampHeader = "X-SePay-Timestamp"

    static func verify(_ request: CallbackRequest, secrets: [String], now: Date) throws(CallbackError) -> VerifiedCallback {
        guard let signatureText = try request.singleValue(of: signatureHeader, scheme: scheme), !signatureText.isEmpty else {
            throw CallbackError(.missingSignature, scheme, "header '\(signatureHeader)' is missing.")
        }
        let hex = signatureText.hasPrefix("sha256=") ? String(signatureText.dropFirst(7)) : signatureText
        guard let signature = Hex.decode(hex), signature.count == HMAC.Algorithm.sha256.length else {
            throw CallbackError(.malformedSignature, scheme, "header '\(signatureHeader)' is not 'sha256=' followed by 64 hexadecimal digits.")
        }
        guard let timestampText = try request.singleValue(of: timestampHeader, scheme: scheme), !timestampText.isEmpty else {
            throw CallbackError(.missingHeader, scheme, "header '\(timestampHeader)' is missing.")
        }
        guard let timestamp = SignedTimestamp.digits(timestampText, maxDigits: 12) else {
            throw CallbackError(.malformedHeader, scheme, "header '\(timestampHeader)' value '\(Quote.untrusted(timestampText))' is not Unix time in whole seconds.")
        }
        try SignedTimestamp.check(timestamp, unitsPerSecond: 1, now: now, header: timestampHeader,
                                  shown: Quote.untrusted(timestampText), scheme: scheme)
        let message = Array(timestampText.utf8) + [UInt8(ascii: ".")] + request.body
        let keys = secrets.map { Array($0.utf8) }
        guard let secretIndex = CallbackSecrets.firstMatch(keys: keys, message: message, candidates: [signature], algorithm: .sha256) else {
            throw CallbackError(.badSignature, scheme,
                                "header '\(signatureHeader)' does not match the body under any of the \(keys.count) configured secret(s).")
        }
        return VerifiedCallback(scheme: scheme, deliveryID: nil, signedAt: SignedTimestamp.date(seconds: timestamp),
                                secretIndex: secretIndex, notice: try notice(from: request.body))
    }

    static func sign(body: [UInt8], secret: String, now: Date) -> SignedCallback {
        let timestamp = String(SignedTimestamp.units(now, perSecond: 1))
        let mac = HMAC.authenticate(.sha256, key: Array(secret.utf8), message: Array(timestamp.utf8) + [UInt8(ascii: ".")] + body)
        return SignedCallback(headers: [
            (signatureHeader, "sha256=" + Hex.encode(mac)),
            (timestampHeader, timestamp),
            ("content-type", "application/json"),
        ], body: body)
    }

    static func notice(from body: [UInt8]) throws(CallbackError) -> CreditNotice {
        let (_, fields) = try FieldReader.parse(body, scheme: scheme)
        let id = try fields.identifier("id")
        let direction: CreditNotice.Direction
        switch try fields.string("transferType") {
        case "in": direction = .credit
        case "out": direction = .debit
        case let other:
            throw CallbackError(.badField, scheme, "field 'transferType' value '\(Quote.untrusted(other))' is neither 'in' nor 'out'.")
        }
        let amount = try fields.amount("transferAmount", allowZeroFraction: true, allowNegative: false)
        let content = try fields.string("content")
        let memo = content.isEmpty ? (try fields.optionalText("description") ?? "") : content
        let bookedAtText = try fields.optionalText("transactionDate")
        var extraIDs: [String: String] = [:]
        for key in ["referenceCode", "gateway", "code", "subAccount"] {
            if let value = try fields.optionalText(key) { extraIDs[key] = value }
        }
        return CreditNotice(
            providerTransactionID: id, direction: direction, amount: amount,
            accountNumber: try fields.optionalText("accountNumber"),
            bookedAt: bookedAtText.flatMap(BookingTime.vietnamLocal), bookedAtText: bookedAtText,
            memo: memo, extraIDs: extraIDs)
    }
}
