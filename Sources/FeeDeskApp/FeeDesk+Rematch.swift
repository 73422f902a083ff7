import FeeDeskCore
import FeeDeskStore

extension FeeDesk {
    /// Runs the matcher again over unmatched credits no accountant has touched, after dossiers were
    /// registered (a citizen may pay before the clerk registers the fee). Only credits that now find a
    /// dossier change; returns how many did.
    @discardableResult
    func rematchWaitingCredits(connection: SQLiteConnection, at stamp: String) throws -> Int {
        let waiting = try ReviewRepository(connection).waitingForDossier()
        guard !waiting.isEmpty else { return 0 }
        let scanner = matcher.scanner
        let candidates = waiting.compactMap { credit -> StoredCredit? in
            let pending = StoredCredit(id: credit.id, day: credit.day, time: nil, amount: credit.amount, bankReference: nil,
                                        memo: credit.memo, scanner: scanner)
            return pending.namesADossier ? pending : nil
        }
        guard !candidates.isEmpty else { return 0 }
        let outcomes = try match(candidates, connection: connection, at: stamp)
        return outcomes.filter { $0.key != .unmatched }.values.map(\.count).reduce(0, +)
    }
}
