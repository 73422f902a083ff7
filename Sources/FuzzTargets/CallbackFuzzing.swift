import BankCallbacks
import Foundation

/// The fixed secrets and clocks of the callback targets and their shared checks.
///
/// The secrets and clocks are those of the BankCallbacks test vectors, so the signed requests of
/// those tests, copied into `Tests/Fuzz/corpus/`, verify as seeds.
public enum CallbackFuzzing {
    /// A scheme's current secret, a previous one (verification tries both, as during a rotation)
    /// and the server clock.
    public struct Key: Sendable {
        /// The secret the harness signs with.
        public let secret: String
        /// An older secret, configured first.
        public let previous: String
        /// The fixed server clock.
        public let now: Date
    }

    /// The key of `scheme`.
    public static func key(_ scheme: CallbackScheme) -> Key {
        switch scheme {
        case .standardWebhooks:
            Key(secret: "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",
                previous: "whsec_ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q=",
                now: Date(timeIntervalSince1970: 1_795_313_700))
        case .payos:
            Key(secret: "payos-checksum-key-for-tests-2026", previous: "previous-secret",
                now: Date(timeIntervalSince1970: 1_795_313_700))
        case .cassoV2:
            Key(secret: "casso-checksum-key-for-tests-2026", previous: "previous-secret",
                now: Date(timeIntervalSince1970: 1_795_396_500.123))
        case .sepay:
            Key(secret: "sepay-hmac-secret-for-tests-2026", previous: "previous-secret",
                now: Date(timeIntervalSince1970: 1_795_396_500))
        }
    }

    /// Refusals that mean the signature, a signed header or the configuration was not accepted.
    static let signatureReasons: Set<CallbackError.Reason> = [
        .missingSignature, .malformedSignature, .missingHeader, .malformedHeader, .badSignature,
        .staleTimestamp, .futureTimestamp, .noSecret, .badSecret,
    ]

    /// Runs one callback input against `scheme`.
    static func run(_ scheme: CallbackScheme, _ input: CallbackFuzzInput) -> FuzzOutcome {
        if input.sign {
            return signAndVerify(scheme, body: input.body)
        }
        return verify(scheme, CallbackRequest(headers: input.headers, body: input.body))
    }

    /// Verifies `request` with the scheme's secrets and clock and checks an accepted notice.
    static func verify(_ scheme: CallbackScheme, _ request: CallbackRequest) -> FuzzOutcome {
        let key = key(scheme)
        do {
            let verified = try scheme.verify(request, secrets: [key.previous, key.secret], now: key.now)
            check(verified, scheme: scheme)
            return .accepted("\(verified.notice.direction.rawValue) \(verified.notice.amount) \(verified.notice.currency)")
        } catch {
            FuzzInvariant.require(!error.message.isEmpty, "a refusal without a message")
            return .rejected(error.description)
        }
    }

    /// Signs `body` as the partner would and verifies it: a body the harness signed must never be
    /// refused for its signature or headers, and a body that signing could read (payOS and Casso
    /// parse it to sign) must read again.
    @discardableResult
    static func signAndVerify(_ scheme: CallbackScheme, body: [UInt8]) -> FuzzOutcome {
        let key = key(scheme)
        let signed: SignedCallback
        do {
            signed = try scheme.sign(body: body, secret: key.secret, now: key.now)
        } catch {
            return verify(scheme, CallbackRequest(headers: [], body: body))
        }
        let parsedToSign = scheme == .payos || scheme == .cassoV2
        do {
            let verified = try scheme.verify(signed.request, secrets: [key.previous, key.secret], now: key.now)
            FuzzInvariant.require(verified.secretIndex == 1, "\(scheme.rawValue): signed with secret #2, verified under #\(verified.secretIndex + 1)")
            check(verified, scheme: scheme)
            return .accepted("\(verified.notice.direction.rawValue) \(verified.notice.amount) \(verified.notice.currency)")
        } catch {
            FuzzInvariant.require(!signatureReasons.contains(error.reason), "a body the harness signed was refused: \(error)")
            FuzzInvariant.require(!(parsedToSign && error.reason == .malformedBody && error.message.contains("not valid JSON")),
                                  "a body that signing read does not read again: \(error)")
            return .rejected(error.description)
        }
    }

    /// Checks what `CreditNotice` promises: a positive amount in đồng.
    static func check(_ verified: VerifiedCallback, scheme: CallbackScheme) {
        let notice = verified.notice
        FuzzInvariant.require(verified.scheme == scheme, "verified by \(verified.scheme.rawValue), not \(scheme.rawValue)")
        FuzzInvariant.require(notice.amount > 0, "\(scheme.rawValue): notice amount \(notice.amount) is not positive")
        FuzzInvariant.require(notice.currency == "VND", "\(scheme.rawValue): notice currency \(notice.currency) is not VND")
        FuzzInvariant.require(!notice.providerTransactionID.isEmpty, "\(scheme.rawValue): notice without a transaction id")
        FuzzInvariant.require(!verified.ack.body.isEmpty, "\(scheme.rawValue): empty acknowledgement")
    }
}
