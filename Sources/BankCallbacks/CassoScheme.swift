import FeeDeskCrypto
import Foundation

/// `casso-v2`: Casso webhook v2 (https://developer.casso.vn, "Xử lý sự kiện Webhook").
///
/// **Header**: `X-Casso-Signature: t=<Unix time in milliseconds>,v1=<hex HMAC-SHA512>` (other
/// `key=value` entries are ignored; several `v1` entries may be given). FeeDesk applies its own
/// window: `t` more than 300 000 ms from the server clock is refused.
///
/// **Signed content**: `<t as an integer>.<canonical JSON of the whole body>`, keyed with the
/// secret's UTF-8 bytes. The canonical JSON is what Casso's PHP sample computes:
/// `json_encode(sortObjDataByKey(json_decode($body, true)))`: object keys sorted recursively
/// (byte order), also inside arrays; no whitespace; `/` written `\/`; non-ASCII written `\uXXXX`
/// (UTF-16, lower-case hex, surrogate pairs); numbers as PHP prints them (integers as is; others
/// shortest round-trip, `1.0e+25` beyond 17 digits, no `.0` on integral floats); `{}` written `[]`.
/// Casso's docs also publish Python (`json.dumps(…, separators=(',', ':'))`: no `\/`, DEL escaped,
/// no recursion into arrays) and Java/Node-style samples (no escaping at all) which agree with PHP
/// on ASCII bodies but not on Vietnamese text or `/`; FeeDesk therefore accepts a signature over
/// any of the three forms (each is an injective encoding of the same parsed body, so this does
/// not let a forger change the content), and signs in the PHP form. The published sample vector
/// (`t=1727948258788`) is in the tests.
///
/// **Body**: `{"error":0,"data":{…}}` with `data` one transaction object (an array means Casso
/// webhook v1, which is refused). `error` other than 0 is refused as `not_successful`.
///
/// **Notice**: provider id `data.id`; amount `data.amount`, negative for money out (reported as a
/// debit of the absolute value); memo `data.description`; account `data.accountNumber`; time
/// `data.transactionDateTime` (`YYYY-MM-DD HH:MM:SS`, Vietnam local time); counterparty
/// `counterAccountName`, `counterAccountNumber`, `counterAccountBankId`; extra ids `reference`,
/// `virtualAccountNumber`. Casso v2 carries no currency: VND.
///
/// **Test delivery**: Casso's "gọi thử" posts `id` 0 with `reference` `MA_GIAO_DICH_THU_NGHIEM`
/// (`giao dich thu nghiem`, 599 000 đồng); it is verified and flagged `isTest`.
///
/// **Answer**: `200 application/json {"success":true}` (Casso treats any 2xx as delivered).
enum CassoScheme {
    static let scheme = CallbackScheme.cassoV2
    static let header = "X-Casso-Signature"

    /// The canonical forms tried, primary first.
    enum Dialect: CaseIterable {
        case php, python, javascript

        func canonical(_ body: JSONValue) -> [UInt8] {
            switch self {
            case .php: JSONWriter.bytes(body.sortingKeys(intoArrays: true), style: .php)
            case .python: JSONWriter.bytes(body.sortingKeys(intoArrays: false), style: .python)
            case .javascript: JSONWriter.bytes(body.sortingKeys(intoArrays: false), style: .javascript)
            }
        }
    }

    static func verify(_ request: CallbackRequest, secrets: [String], now: Date) throws(CallbackError) -> VerifiedCallback {
        guard let headerText = try request.singleValue(of: header, scheme: scheme), !headerText.isEmpty else {
            throw CallbackError(.missingSignature, scheme, "header '\(header)' is missing.")
        }
        let (timestamp, candidates) = try parseHeader(headerText)
        try SignedTimestamp.check(timestamp, unitsPerSecond: 1000, now: now, header: header, shown: "t=\(timestamp)", scheme: scheme)
        let (body, fields) = try FieldReader.parse(request.body, scheme: scheme)
        let keys = secrets.map { Array($0.utf8) }
        let prefix = Array("\(timestamp).".utf8)
        var seen: [[UInt8]] = []
        var secretIndex: Int?
        for dialect in Dialect.allCases where secretIndex == nil {
            let canonical = dialect.canonical(body)
            guard !seen.contains(canonical) else { continue }
            seen.append(canonical)
            secretIndex = CallbackSecrets.firstMatch(keys: keys, message: prefix + canonical, candidates: candidates, algorithm: .sha512)
        }
        guard let secretIndex else {
            throw CallbackError(.badSignature, scheme,
                                "no v1 signature in header '\(header)' matches the body under any of the \(keys.count) configured secret(s).")
        }
        let (notice, isTest) = try notice(from: fields)
        return VerifiedCallback(scheme: scheme, deliveryID: nil,
                                signedAt: Date(timeIntervalSince1970: TimeInterval(timestamp) / 1000),
                                secretIndex: secretIndex, notice: notice, isTest: isTest)
    }

    static func sign(body: [UInt8], secret: String, now: Date) throws(CallbackError) -> SignedCallback {
        let (value, _) = try FieldReader.parse(body, scheme: scheme)
        let timestamp = SignedTimestamp.units(now, perSecond: 1000)
        let message = Array("\(timestamp).".utf8) + Dialect.php.canonical(value)
        let mac = HMAC.authenticate(.sha512, key: Array(secret.utf8), message: message)
        return SignedCallback(headers: [(header, "t=\(timestamp),v1=\(Hex.encode(mac))"), ("content-type", "application/json")],
                              body: body)
    }

    /// The millisecond timestamp and the decoded v1 signatures.
    static func parseHeader(_ text: String) throws(CallbackError) -> (Int64, [[UInt8]]) {
        var timestamp: Int64?
        var signatures: [[UInt8]] = []
        for entry in text.split(separator: ",") {
            let pair = CallbackRequest.trimmed(String(entry))
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let key = pair[..<equals]
            let value = String(pair[pair.index(after: equals)...])
            if key == "t" {
                guard timestamp == nil, let parsed = SignedTimestamp.digits(value, maxDigits: 15) else {
                    throw CallbackError(.malformedSignature, scheme, "header '\(header)' has a missing, repeated or non-numeric t= value '\(Quote.untrusted(value))'.")
                }
                timestamp = parsed
            } else if key == "v1" {
                guard let bytes = Hex.decode(value), bytes.count == HMAC.Algorithm.sha512.length else {
                    throw CallbackError(.malformedSignature, scheme, "header '\(header)' v1= value is not 128 hexadecimal digits.")
                }
                signatures.append(bytes)
            }
        }
        guard let timestamp else {
            throw CallbackError(.malformedSignature, scheme, "header '\(header)' has no t= entry.")
        }
        guard !signatures.isEmpty else {
            throw CallbackError(.malformedSignature, scheme, "header '\(header)' has no v1= entry.")
        }
        return (timestamp, signatures)
    }

    private static func notice(from fields: FieldReader) throws(CallbackError) -> (CreditNotice, Bool) {
        let errorCode = try fields.optionalText("error")
        if let errorCode, errorCode != "0" {
            throw CallbackError(.notSuccessful, scheme, "field 'error' value \(Quote.untrusted(errorCode)) is not 0.")
        }
        if case .array? = fields.raw("data") {
            throw CallbackError(.malformedBody, scheme, "field 'data' is an array (Casso webhook v1); configure a Casso webhook v2, which sends one transaction object.")
        }
        let data = try fields.object("data")
        let id = try data.identifier("id")
        let signedAmount = try data.amount("amount", allowZeroFraction: true, allowNegative: true)
        let bookedAtText = try data.optionalText("transactionDateTime")
        let reference = try data.optionalText("reference")
        var extraIDs: [String: String] = [:]
        if let reference { extraIDs["reference"] = reference }
        if let virtual = try data.optionalText("virtualAccountNumber") { extraIDs["virtualAccountNumber"] = virtual }
        let notice = CreditNotice(
            providerTransactionID: id, direction: signedAmount < 0 ? .debit : .credit, amount: abs(signedAmount),
            accountNumber: try data.optionalText("accountNumber"),
            bookedAt: bookedAtText.flatMap(BookingTime.vietnamLocal), bookedAtText: bookedAtText,
            memo: try data.string("description"),
            counterpartyName: try data.optionalText("counterAccountName"),
            counterpartyAccount: try data.optionalText("counterAccountNumber"),
            counterpartyBankBIN: try data.optionalText("counterAccountBankId"),
            extraIDs: extraIDs)
        return (notice, id == "0" && reference == "MA_GIAO_DICH_THU_NGHIEM")
    }
}
