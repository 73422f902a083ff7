import FeeDeskCrypto
import Foundation

/// The signing schemes FeeDesk accepts callbacks in; raw values are the `scheme` ids of the
/// configuration (`config/feedesk.json` partners).
///
/// Each scheme's file documents its contract precisely: `StandardWebhooksScheme.swift` (FeeDesk's
/// published contract), `PayOSScheme.swift`, `CassoScheme.swift`, `SePayScheme.swift`.
///
/// The HTTP route calls `verify` with the raw request, the partner's secrets (several during a
/// rotation: any may verify) and the current time; on success it stores the notice durably and
/// answers `ack`; on failure it answers `error.httpStatus` and logs `error.description`, changing
/// no state keyed on the callback's claimed ids.
public enum CallbackScheme: String, Sendable, Hashable, CaseIterable {
    /// FeeDesk's own contract, Standard Webhooks v1 (`webhook-id`, `webhook-timestamp`,
    /// `webhook-signature`; HMAC-SHA256 over `id.timestamp.body` with a `whsec_` key).
    case standardWebhooks = "standard-webhooks"
    /// payOS payment webhooks (HMAC-SHA256 over the sorted `data` fields, in the body).
    case payos
    /// Casso webhook v2 (`X-Casso-Signature: t=<ms>,v1=<hex>`, HMAC-SHA512 over sorted JSON).
    case cassoV2 = "casso-v2"
    /// SePay webhooks in HMAC-SHA256 mode (`X-SePay-Signature`, `X-SePay-Timestamp`).
    case sepay

    /// How far a signed timestamp may be from the server clock, in seconds, either way.
    public static let timestampTolerance: Int64 = 300

    /// Verifies a callback and turns it into a normalised notice, or says precisely why not.
    ///
    /// - Parameters:
    ///   - request: headers and raw body as received.
    ///   - secrets: the partner's secrets; blank entries are ignored and entries containing spaces
    ///     are split (the `FEEDESK_SECRET_<ID>` convention), so the environment value may be passed
    ///     as one element.
    ///   - now: the server clock.
    public func verify(_ request: CallbackRequest, secrets: [String], now: Date) throws(CallbackError) -> VerifiedCallback {
        let usable = try CallbackSecrets.usable(secrets, scheme: self)
        switch self {
        case .standardWebhooks: return try StandardWebhooksScheme.verify(request, secrets: usable, now: now)
        case .payos: return try PayOSScheme.verify(request, secrets: usable)
        case .cassoV2: return try CassoScheme.verify(request, secrets: usable, now: now)
        case .sepay: return try SePayScheme.verify(request, secrets: usable, now: now)
        }
    }

    /// Signs `body` as the partner would, for tests, demos and `feedesk callback sign`.
    ///
    /// The body is not checked beyond what signing needs (payOS and Casso need a JSON object, payOS
    /// one with a `data` object), so that malformed notices can be signed to test their rejection.
    /// - Parameters:
    ///   - body: the body to send (for payOS, its `signature` field is added or replaced).
    ///   - secret: one secret (for standard-webhooks, written `whsec_<base64>`).
    ///   - now: the signing time.
    ///   - deliveryID: the standard-webhooks `webhook-id`; by default `msg_` and 32 hex digits of the
    ///     SHA-256 of the body, so a retry of the same body keeps its id. Ignored by other schemes.
    public func sign(body: [UInt8], secret: String, now: Date, deliveryID: String? = nil) throws(CallbackError) -> SignedCallback {
        let usable = try CallbackSecrets.usable([secret], scheme: self)
        switch self {
        case .standardWebhooks: return try StandardWebhooksScheme.sign(body: body, secret: usable[0], now: now, deliveryID: deliveryID)
        case .payos: return try PayOSScheme.sign(body: body, secret: usable[0])
        case .cassoV2: return try CassoScheme.sign(body: body, secret: usable[0], now: now)
        case .sepay: return SePayScheme.sign(body: body, secret: usable[0], now: now)
        }
    }

    /// The request headers the scheme reads (for documentation and error pages).
    public var signatureHeaders: [String] {
        switch self {
        case .standardWebhooks: ["webhook-id", "webhook-timestamp", "webhook-signature"]
        case .payos: []
        case .cassoV2: ["X-Casso-Signature"]
        case .sepay: ["X-SePay-Signature", "X-SePay-Timestamp"]
        }
    }
}

/// Secret handling shared by the schemes.
enum CallbackSecrets {
    /// The non-blank secrets, split at spaces; `no_secret` when none is left.
    static func usable(_ secrets: [String], scheme: CallbackScheme) throws(CallbackError) -> [String] {
        let usable = secrets.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) }.map(String.init)
        guard !usable.isEmpty else {
            throw CallbackError(.noSecret, scheme, "no secret is configured for this partner, so every callback is refused.")
        }
        return usable
    }

    /// The index of the first key under which `message` has one of `candidates` as its MAC.
    ///
    /// Every key is tried and every candidate compared in constant time (`ConstantTime.equals`),
    /// so the time taken does not depend on which one matched.
    static func firstMatch(keys: [[UInt8]], message: [UInt8], candidates: [[UInt8]],
                           algorithm: HMAC.Algorithm) -> Int? {
        var found: Int?
        for (index, key) in keys.enumerated() {
            let mac = HMAC.authenticate(algorithm, key: key, message: message)
            for candidate in candidates where ConstantTime.equals(mac, candidate) {
                if found == nil { found = index }
            }
        }
        return found
    }
}
