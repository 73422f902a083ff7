import FeeDeskCore
import FeeDeskStore
import Foundation

/// The callback-only credits a statement import may confirm (the callback came first), read once per
/// import and claimed by the import's new credit lines under `CreditLinkRule`.
///
/// There are few of them (a callback is confirmed by the next statement), so they are kept in memory
/// with two indexes: by reference (the callback's transaction id and bank reference) and by account,
/// amount and compact memo. Each callback credit is claimed by at most one line.
struct CallbackCandidates {
    /// What a new statement line claimed.
    struct Claim {
        let credit: CallbackCredit
        /// True when the statement line disagrees with the callback on amount or account.
        let conflicting: Bool
    }

    private struct Fingerprint: Hashable {
        let account: String
        let amount: Int64
        let memo: String
    }

    private var credits: [CallbackCredit]
    private var times: [Date?]
    private var taken: [Bool]
    private var byReference: [String: Int] = [:]
    private var byFingerprint: [Fingerprint: [Int]] = [:]

    /// The open callback credits stored through `connection`.
    init(connection: SQLiteConnection) throws {
        credits = try CreditLinkRepository(connection).openCallbackCredits()
        times = credits.map { CreditLinkRule.instant($0.bookedAt) }
        taken = Array(repeating: false, count: credits.count)
        for (index, credit) in credits.enumerated() {
            for reference in [credit.providerReference, credit.bankReference].compactMap({ $0 }) where !reference.isEmpty {
                if byReference[reference] == nil { byReference[reference] = index }
            }
            byFingerprint[Fingerprint(account: credit.accountID, amount: credit.amount.dong, memo: MemoText(credit.memo).compact), default: []]
                .append(index)
        }
    }

    var isEmpty: Bool { credits.isEmpty }

    /// The callback credit a new statement credit line confirms, if any (then it is taken).
    /// `references` are the line's bank and end-to-end references; `compactMemo` its memo's compact view.
    mutating func claim(account: String, amount: Money, day: LocalDate, time: Date?, references: [String?],
                        compactMemo: () -> String) -> Claim? {
        for case let reference? in references where !reference.isEmpty {
            if let index = byReference[reference], !taken[index] {
                taken[index] = true
                let credit = credits[index]
                return Claim(credit: credit, conflicting: credit.amount != amount || credit.accountID != account)
            }
        }
        guard let indexes = byFingerprint[Fingerprint(account: account, amount: amount.dong, memo: compactMemo())] else { return nil }
        var best: (index: Int, distance: TimeInterval)?
        for index in indexes where !taken[index] {
            guard let distance = CreditLinkRule.distance((day, time), (credits[index].bookingDate, times[index])) else { continue }
            if let current = best, current.distance <= distance { continue }
            best = (index, distance)
        }
        guard let best else { return nil }
        taken[best.index] = true
        return Claim(credit: credits[best.index], conflicting: false)
    }
}
