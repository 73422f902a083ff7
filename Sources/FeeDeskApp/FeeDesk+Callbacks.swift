import BankCallbacks
import FeeDeskCore
import FeeDeskStore
import Foundation

/// What happened to an accepted callback.
public struct CallbackResult: Sendable {
    /// The answer the partner expects (sent only after the commit).
    public let ack: CallbackAck
    /// True when this delivery or transaction was already stored: nothing changed.
    public let duplicate: Bool
    /// The credit it created or confirmed (nil for test and debit notices).
    public let creditID: Int64?
    /// The matcher's outcome for a new credit.
    public let outcome: CreditOutcome?
}

extension FeeDesk {
    /// The secrets configured for `partner`: `FEEDESK_SECRET_<ID>` (upper case, `-` as `_`), several
    /// separated by spaces while a secret is being rotated.
    public static func secrets(for partner: String, environment: [String: String]) -> [String] {
        let name = "FEEDESK_SECRET_" + partner.uppercased().replacingOccurrences(of: "-", with: "_")
        return (environment[name] ?? "").split(separator: " ").map(String.init)
    }

    /// Checks a partner's callback on its raw bytes: known partner with a secret, genuine signature
    /// within the time window, the partner's own collection account. Stores nothing; only what passes
    /// may go on to `submitCallback`. Runs on the request's thread, outside any transaction.
    public func verifyCallback(partner id: String, headers: [(name: String, value: String)], body: [UInt8],
                               secrets: [String]) throws(CallbackRefusal) -> VerifiedDelivery {
        guard let partner = config.partners.first(where: { $0.id == id }), let scheme = CallbackScheme(rawValue: partner.scheme) else {
            throw CallbackRefusal(status: 404, reason: "unknown_partner", message: "no callback partner is called '\(id.prefix(40))'")
        }
        guard !secrets.isEmpty else {
            throw CallbackRefusal(status: 503, reason: "no_secret",
                                  message: "partner '\(partner.id)' has no secret: set FEEDESK_SECRET_\(partner.id.uppercased().replacingOccurrences(of: "-", with: "_"))")
        }
        let verified: VerifiedCallback
        do {
            verified = try scheme.verify(CallbackRequest(headers: headers, body: body), secrets: secrets, now: clock.now())
        } catch {
            throw CallbackRefusal(error)
        }
        guard let account = config.account(id: partner.account) else {
            throw CallbackRefusal(status: 503, reason: "no_account", message: "partner '\(partner.id)' pays into an unknown account")
        }
        let notice = verified.notice
        if let number = notice.accountNumber, StatementImporter.number(number) != account.number {
            throw CallbackRefusal(status: 422, reason: "unknown_account",
                                  message: "account \(number.prefix(40)) is not partner '\(partner.id)''s collection account")
        }
        let headerObject = Dictionary(headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { first, second in first + ", " + second })
        return VerifiedDelivery(verified: verified, partner: partner.id, account: account, headersJSON: CanonicalJSON.object(headerObject), body: body)
    }
}

/// A callback whose signature, window and account have been checked: the only thing that may be
/// stored (`FeeDesk.submitCallback`). Carries the raw delivery for the callback journal.
public struct VerifiedDelivery: Sendable {
    /// What the partner's scheme verified.
    public let verified: VerifiedCallback
    /// The configured partner id.
    public let partner: String
    /// The collection account the partner pays into.
    public let account: CollectionAccount
    /// The request headers as received, as canonical JSON (names lower-cased, repeats joined by
    /// `, `), made here so the shared transaction does not spend its time on it.
    public let headersJSON: String
    /// The raw body as received (and signed).
    public let body: [UInt8]
}
