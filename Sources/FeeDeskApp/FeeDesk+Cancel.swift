import FeeDeskCore
import FeeDeskStore
import Foundation

extension FeeDesk {
    /// Cancels a dossier (audited): it stops accepting matches and is never suggested again. What bank
    /// credits counted for it is released and marked for refund; cash taken for it is listed as to be
    /// returned at the desk (void the receipt when it is).
    public func cancelDossier(code: String, reason: String, by actor: String) throws -> DossierDetail {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw CoreError(.invalid, "a reason is required to cancel a dossier") }
        return try database.write { connection in
            let dossiers = DossierRepository(connection, calendar: calendar)
            guard let stored = try dossiers.find(code: code.uppercased()) else { throw CoreError(.notFound, "no dossier has the code '\(code)'") }
            guard stored.dossier.cancellation == nil else { throw CoreError(.conflict, "dossier '\(stored.dossier.code)' is already cancelled") }
            let stamp = nowStamp()
            try dossiers.cancel(id: stored.id, at: clock.now(), reason: why)
            // Release cashless payments: the credits now owe that money back.
            var released: [Int64] = []
            try connection.forEach("SELECT DISTINCT credit_id FROM allocation WHERE dossier_id = ? AND reversed_at IS NULL", [stored.id]) { row in
                released.append(row.int64(0))
            }
            try connection.run("UPDATE allocation SET reversed_at = ? WHERE dossier_id = ? AND reversed_at IS NULL", stamp, stored.id)
            let reviews = ReviewRepository(connection)
            for creditID in released {
                guard let credit = try reviews.credit(id: creditID) else { continue }
                let owed = credit.amount - credit.allocated
                try reviews.setOutcome(creditID: creditID, outcome: credit.allocated.isPositive ? .overpaid : .refund, owedBack: owed,
                                       refundConfirmedAt: stamp, note: "dossier \(stored.dossier.code) cancelled: \(owed.formatted) to refund")
            }
            let cash = try connection.queryOne("SELECT COALESCE(SUM(amount), 0) FROM cash_payment WHERE dossier_id = ? AND voided_at IS NULL",
                                               stored.id) { $0.int64(0) } ?? 0
            try AuditJournal.append(connection, at: stamp, actor: actor, action: "dossier.cancel", entity: "dossier", entityID: stored.dossier.code,
                                    details: ["reason": why, "releasedCredits": released.map(String.init).joined(separator: ","),
                                              "cashToReturn": String(cash)])
            guard let after = try dossiers.find(code: stored.dossier.code) else { throw CoreError(.notFound, "dossier vanished") }
            return try detail(of: after, connection: connection)
        }
    }
}
