import FeeDeskCrypto
import Foundation

/// `payos`: payOS payment webhooks (https://payos.vn/docs/du-lieu-tra-ve/webhook/).
///
/// **Body**: `{"code":"00","desc":"success","success":true,"data":{…},"signature":"<hex>"}`; no
/// signature header and no timestamp, so replays are stopped only by deduplication on
/// `data.reference` (the storage layer's unique constraint).
///
/// **Signature**: lower-case hex HMAC-SHA256, keyed with the checksum key's UTF-8 bytes, over the
/// `data` object written as `k1=v1&k2=v2…` (see `PayOSSignedData` for the exact rules, which follow
/// the official SDKs `payos-lib-node` `createSignatureFromObj` and `payos-lib-python`
/// `create_signature_from_object`, pinned by the SDKs' own test vectors).
///
/// **Notice**: provider id `data.reference`; amount `data.amount` (positive, whole đồng);
/// `data.currency` must be VND when present; memo `data.description`; account `data.accountNumber`;
/// time `data.transactionDateTime` (`YYYY-MM-DD HH:MM:SS`, Vietnam local time, UTC+7);
/// counterparty `counterAccountName`, `counterAccountNumber`, `counterAccountBankId`; extra ids
/// `paymentLinkId`, `orderCode` and `virtualAccountNumber`. Every notice is a credit (payOS only
/// reports money in). A body whose top-level `code` is not `"00"` or whose `success` is false is
/// refused with `not_successful` after its signature is verified.
///
/// **Test delivery**: when a webhook URL is registered (`confirm-webhook`), payOS posts the sample
/// of its documentation (`orderCode` 123, `description` `VQRIO123`, `reference` `TF230204212323`,
/// 3 000 đồng), signed with the merchant's checksum key; it is verified and flagged `isTest`.
///
/// **Answer**: `200 application/json {"success":true}`, as documented.
enum PayOSScheme {
    static let scheme = CallbackScheme.payos

    static func verify(_ request: CallbackRequest, secrets: [String]) throws(CallbackError) -> VerifiedCallback {
        let (_, fields) = try FieldReader.parse(request.body, scheme: scheme)
        guard let signatureValue = fields.raw("signature"), signatureValue != .null else {
            throw CallbackError(.missingSignature, scheme, "field 'signature' is missing.")
        }
        guard case .string(let signatureText) = signatureValue, let signature = Hex.decode(signatureText),
              signature.count == HMAC.Algorithm.sha256.length else {
            throw CallbackError(.malformedSignature, scheme, "field 'signature' is not 64 hexadecimal digits.")
        }
        let data = try fields.object("data")
        let message = Array(try PayOSSignedData.canonical(data.members).utf8)
        let keys = secrets.map { Array($0.utf8) }
        guard let secretIndex = CallbackSecrets.firstMatch(keys: keys, message: message, candidates: [signature], algorithm: .sha256) else {
            throw CallbackError(.badSignature, scheme,
                                "field 'signature' does not match 'data' under any of the \(keys.count) configured checksum key(s).")
        }
        try requireSuccess(fields)
        let (notice, isTest) = try notice(from: data)
        return VerifiedCallback(scheme: scheme, deliveryID: nil, signedAt: nil, secretIndex: secretIndex,
                                notice: notice, isTest: isTest)
    }

    /// The body with its `signature` field set (added at the end when absent); numbers keep their
    /// source text and the output is compact.
    static func sign(body: [UInt8], secret: String) throws(CallbackError) -> SignedCallback {
        let (root, fields) = try FieldReader.parse(body, scheme: scheme)
        let data = try fields.object("data")
        let mac = HMAC.authenticate(.sha256, key: Array(secret.utf8), message: Array(try PayOSSignedData.canonical(data.members).utf8))
        guard case .object(var members) = root else { return SignedCallback(headers: [], body: body) }
        let signature = JSONMember(key: "signature", value: .string(Hex.encode(mac)))
        if let position = members.firstIndex(where: { $0.key == "signature" }) {
            members[position] = signature
        } else {
            members.append(signature)
        }
        return SignedCallback(headers: [("content-type", "application/json")],
                              body: JSONWriter.bytes(.object(members), style: .preserving))
    }

    private static func requireSuccess(_ fields: FieldReader) throws(CallbackError) {
        var desc = ""
        if case .string(let text)? = fields.raw("desc") { desc = text }
        if let code = try fields.optionalText("code"), code != "00" {
            throw CallbackError(.notSuccessful, scheme,
                                "field 'code' value '\(Quote.untrusted(code))' (desc '\(Quote.untrusted(desc))') reports an unsuccessful payment.")
        }
        if case .bool(false)? = fields.raw("success") {
            throw CallbackError(.notSuccessful, scheme, "field 'success' is false (desc '\(Quote.untrusted(desc))').")
        }
    }

    private static func notice(from data: FieldReader) throws(CallbackError) -> (CreditNotice, Bool) {
        let reference = try data.identifier("reference")
        let amount = try data.amount("amount", allowZeroFraction: true, allowNegative: false)
        try data.requireVND("currency", required: false)
        let memo = try data.string("description")
        let bookedAtText = try data.optionalText("transactionDateTime")
        var extraIDs: [String: String] = [:]
        for key in ["paymentLinkId", "orderCode", "virtualAccountNumber"] {
            if let value = try data.optionalText(key) { extraIDs[key] = value }
        }
        let notice = CreditNotice(
            providerTransactionID: reference, direction: .credit, amount: amount,
            accountNumber: try data.optionalText("accountNumber"),
            bookedAt: bookedAtText.flatMap(BookingTime.vietnamLocal), bookedAtText: bookedAtText, memo: memo,
            counterpartyName: try data.optionalText("counterAccountName"),
            counterpartyAccount: try data.optionalText("counterAccountNumber"),
            counterpartyBankBIN: try data.optionalText("counterAccountBankId"),
            extraIDs: extraIDs)
        let isTest = extraIDs["orderCode"] == "123" && reference == "TF230204212323" && memo == "VQRIO123"
        return (notice, isTest)
    }
}
