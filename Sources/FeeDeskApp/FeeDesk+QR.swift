import FeeDeskCore
import FeeDeskStore
import VietQR

/// The VietQR code that pays one dossier's outstanding fee.
public struct DossierPaymentCode: Sendable {
    /// The dossier.
    public let dossier: DossierDetail
    /// The collection account it pays into.
    public let account: CollectionAccount
    /// The account's bank, when the BIN is in the directory.
    public let bank: BankInfo?
    /// The amount the code asks for: what is still due.
    public let amount: Money
    /// Tag 62.08: the payment reference first, so banks put it at the start of the memo.
    public let purpose: String
    /// The EMVCo payload text.
    public let payload: String
}

extension FeeDesk {
    /// The collection account codes pay into: the first configured account.
    public var collectionAccount: CollectionAccount? { config.accounts.first }

    /// A dynamic VietQR payload for the dossier's outstanding amount to the collection account.
    ///
    /// Refused for an unknown, cancelled or fully paid dossier.
    public func paymentCode(forDossier code: String) throws -> DossierPaymentCode {
        let detail = try dossier(code: code)
        guard !detail.cancelled else { throw CoreError(.conflict, "dossier '\(detail.code)' is cancelled") }
        guard detail.outstanding.isPositive else {
            throw CoreError(.conflict, "dossier '\(detail.code)' is already paid; there is nothing left to pay")
        }
        guard let account = collectionAccount else { throw AppError.input("no collection account is configured") }
        let purpose = "\(detail.reference) nop phi"
        let payload = try VietQR.encode(VietQRRequest(bin: account.bin, account: account.number, amount: detail.outstanding.dong,
                                                      purpose: purpose))
        return DossierPaymentCode(dossier: detail, account: account, bank: BankDirectory.bank(bin: account.bin),
                                  amount: detail.outstanding, purpose: purpose, payload: payload)
    }

    /// The printable payment slip (HTML, A5) for the dossier's outstanding fee.
    public func paymentSlip(forDossier code: String) throws -> String {
        let paymentCode = try paymentCode(forDossier: code)
        return try PaymentSlip(unit: config.unit, code: paymentCode, printedAt: calendar.timestamp(clock.now())).html()
    }
}
