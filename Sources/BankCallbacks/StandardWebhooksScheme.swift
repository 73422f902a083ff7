import FeeDeskCrypto
import Foundation

/// `standard-webhooks`: FeeDesk's published callback contract, Standard Webhooks v1
/// (https://www.standardwebhooks.com, reference libraries in github.com/standard-webhooks).
///
/// **Headers** (names case-insensitive):
/// - `webhook-id`: the delivery id, the same on every retry of one notice (visible ASCII, ≤ 255).
/// - `webhook-timestamp`: Unix time in whole seconds when the delivery was signed; refused when
///   more than 300 s before (`stale_timestamp`) or after (`future_timestamp`) the server clock.
/// - `webhook-signature`: space-separated `v1,<base64 HMAC-SHA256>` entries; entries of other
///   versions are ignored; any v1 entry that matches under any configured secret passes (that is
///   how secrets rotate).
///
/// **Signed content**: the bytes `<webhook-id>.<webhook-timestamp>.<raw body>`, exactly as sent.
///
/// **Secret**: `whsec_<base64>`; the HMAC key is the decoded bytes, at least 24 of them. As in the
/// reference libraries (Python `standardwebhooks`, JavaScript, Go) the prefix is optional and
/// missing base64 padding is tolerated; FeeDesk's decoder is strict about the alphabet.
///
/// **Body**: one JSON object (UTF-8, no duplicate keys):
/// `{"id":"<provider transaction id>","account":"<collection account number>","amount":75000,
/// "currency":"VND","bookedAt":"2026-11-22T09:15:00+07:00","description":"<memo>",
/// "counterpartyName":"…","counterpartyAccount":"…","counterpartyBankBin":"…"}`.
/// `id`, `account`, `amount`, `currency`, `bookedAt` and `description` are required; `amount` is a
/// JSON integer literal from 1 to 13 digits (not `75000.0`, not `"75000"`); `currency` must be
/// `VND`; `bookedAt` is RFC 3339 with an offset; the counterparty fields are optional strings;
/// unknown fields are ignored. Every notice is a credit.
///
/// **Answer**: `200 application/json {"success":true}` once stored, and the same for a duplicate.
enum StandardWebhooksScheme {
    static let scheme = CallbackScheme.standardWebhooks
    static let idHeader = "webhook-id"
    static let timestampHeader = "webhook-timestamp"
    static let signatureHeader = "webhook-signature"

    static func verify(_ request: CallbackRequest, secrets: [String], now: Date) throws(CallbackError) -> VerifiedCallback {
        var keys: [[UInt8]] = []
        for (index, secret) in secrets.enumerated() {
            keys.append(try StandardWebhooksSecret.key(from: secret, position: index + 1))
        }
        guard let id = try request.singleValue(of: idHeader, scheme: scheme), !id.isEmpty else {
            throw CallbackError(.missingHeader, scheme, "header '\(idHeader)' is missing.")
        }
        guard id.utf8.count <= 255, id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw CallbackError(.malformedHeader, scheme, "header '\(idHeader)' value '\(Quote.untrusted(id))' is not 1 to 255 visible ASCII characters.")
        }
        guard let timestampText = try request.singleValue(of: timestampHeader, scheme: scheme), !timestampText.isEmpty else {
            throw CallbackError(.missingHeader, scheme, "header '\(timestampHeader)' is missing.")
        }
        guard let timestamp = SignedTimestamp.digits(timestampText, maxDigits: 12) else {
            throw CallbackError(.malformedHeader, scheme, "header '\(timestampHeader)' value '\(Quote.untrusted(timestampText))' is not Unix time in whole seconds.")
        }
        guard let signatureText = try request.singleValue(of: signatureHeader, scheme: scheme), !signatureText.isEmpty else {
            throw CallbackError(.missingSignature, scheme, "header '\(signatureHeader)' is missing.")
        }
        let candidates = try signatures(signatureText)
        try SignedTimestamp.check(timestamp, unitsPerSecond: 1, now: now, header: timestampHeader,
                                  shown: Quote.untrusted(timestampText), scheme: scheme)
        let message = signedContent(id: id, timestamp: timestampText, body: request.body)
        guard let secretIndex = CallbackSecrets.firstMatch(keys: keys, message: message, candidates: candidates, algorithm: .sha256) else {
            throw CallbackError(.badSignature, scheme,
                                "no v1 signature in header '\(signatureHeader)' matches the body under any of the \(keys.count) configured secret(s).")
        }
        let notice = try notice(from: request.body)
        return VerifiedCallback(scheme: scheme, deliveryID: id, signedAt: SignedTimestamp.date(seconds: timestamp),
                                secretIndex: secretIndex, notice: notice)
    }

    static func sign(body: [UInt8], secret: String, now: Date, deliveryID: String?) throws(CallbackError) -> SignedCallback {
        let key = try StandardWebhooksSecret.key(from: secret, position: 1)
        let id = deliveryID ?? "msg_" + String(Hex.encode(Digest.sha256(body)).prefix(32))
        let timestamp = String(SignedTimestamp.units(now, perSecond: 1))
        let mac = HMAC.authenticate(.sha256, key: key, message: signedContent(id: id, timestamp: timestamp, body: body))
        return SignedCallback(headers: [
            (idHeader, id),
            (timestampHeader, timestamp),
            (signatureHeader, "v1," + Data(mac).base64EncodedString()),
            ("content-type", "application/json"),
        ], body: body)
    }

    static func signedContent(id: String, timestamp: String, body: [UInt8]) -> [UInt8] {
        Array(id.utf8) + [UInt8(ascii: ".")] + Array(timestamp.utf8) + [UInt8(ascii: ".")] + body
    }

    /// The decoded v1 signatures of the header; `malformed_signature` when there is none.
    static func signatures(_ header: String) throws(CallbackError) -> [[UInt8]] {
        var decoded: [[UInt8]] = []
        var sawV1 = false
        for entry in header.split(separator: " ", omittingEmptySubsequences: true) {
            guard let comma = entry.firstIndex(of: ","), entry[..<comma] == "v1" else { continue }
            sawV1 = true
            if let bytes = Base64Text.decode(String(entry[entry.index(after: comma)...])) { decoded.append(bytes) }
        }
        guard !decoded.isEmpty else {
            let problem = sawV1 ? "has no v1 entry in valid base64" : "has no v1 entry"
            throw CallbackError(.malformedSignature, scheme, "header '\(signatureHeader)' \(problem).")
        }
        return decoded
    }

    /// The notice in a verified body.
    static func notice(from body: [UInt8]) throws(CallbackError) -> CreditNotice {
        let (_, fields) = try FieldReader.parse(body, scheme: scheme)
        let id = try fields.identifier("id")
        let account = try fields.identifier("account")
        let amount = try fields.amount("amount", allowZeroFraction: false, allowNegative: false)
        try fields.requireVND("currency", required: true)
        let bookedAtText = try fields.string("bookedAt")
        guard let bookedAt = BookingTime.iso8601(bookedAtText) else {
            throw CallbackError(.badField, scheme, "field 'bookedAt' value '\(Quote.untrusted(bookedAtText))' is not an RFC 3339 time with an offset such as 2026-11-22T09:15:00+07:00.")
        }
        return CreditNotice(
            providerTransactionID: id, direction: .credit, amount: amount, accountNumber: account,
            bookedAt: bookedAt, bookedAtText: bookedAtText, memo: try fields.string("description"),
            counterpartyName: try fields.optionalText("counterpartyName"),
            counterpartyAccount: try fields.optionalText("counterpartyAccount"),
            counterpartyBankBIN: try fields.optionalText("counterpartyBankBin"))
    }
}
