import FeeDeskCore
import FeeDeskStore

/// What `statement import` did; the keys of ARCHITECTURE.md are stable.
public struct ImportReport: Sendable, Equatable, Encodable {
    /// A statement's balance check.
    public struct BalanceResult: Sendable, Equatable, Encodable {
        public let account: String
        /// `balanced`, `unbalanced` (imported flagged) or `unchecked` (no balances in the file).
        public let status: String
        public let note: String?
    }

    /// Outcome counts in the stable shape: every outcome key present.
    public struct Outcomes: Sendable, Equatable, Encodable {
        public let matched: Int, underpaid: Int, overpaid: Int, duplicate: Int, unmatched: Int
    }

    public let file: String
    public let alreadyImported: Bool
    public let format: String?
    public let lines: Int
    public let credits: Int
    public let debits: Int
    public let creditTotal: Int64
    public let debitTotal: Int64
    public let new: Int
    public let known: Int
    public let outcomes: Outcomes
    /// Sums per outcome, đồng.
    public let outcomeAmounts: [String: Int64]
    public let balances: [BalanceResult]
    /// When the file was imported before: when.
    public let importedBefore: String?
    /// New credit lines that confirmed a credit a callback had reported first (no second credit).
    public let confirmedCallbacks: Int
    /// Of those, the ones whose callback disagreed on amount or account (listed at day reconcile).
    public let callbackConflicts: Int

    init(file: String, format: String, importer: StatementImporter, outcomes: [CreditOutcome: OutcomeTotal], callbackConflicts: Int = 0) {
        self.file = file
        alreadyImported = false
        self.format = format
        lines = importer.lines
        credits = importer.credits
        debits = importer.debits
        creditTotal = importer.creditTotal
        debitTotal = importer.debitTotal
        new = importer.newLines
        known = importer.knownLines
        self.outcomes = Outcomes(matched: outcomes[.matched]?.count ?? 0, underpaid: outcomes[.underpaid]?.count ?? 0,
                                 overpaid: outcomes[.overpaid]?.count ?? 0, duplicate: outcomes[.duplicate]?.count ?? 0,
                                 unmatched: outcomes[.unmatched]?.count ?? 0)
        outcomeAmounts = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.key.rawValue, $0.value.amount.dong) })
        balances = importer.balances
        importedBefore = nil
        confirmedCallbacks = importer.links.count
        self.callbackConflicts = callbackConflicts
    }

    init(alreadyImported file: String, earlier: ImportedFile) {
        self.file = file
        alreadyImported = true
        format = nil
        lines = earlier.lines
        credits = 0
        debits = 0
        creditTotal = earlier.creditTotal
        debitTotal = earlier.debitTotal
        new = 0
        known = earlier.lines
        outcomes = Outcomes(matched: 0, underpaid: 0, overpaid: 0, duplicate: 0, unmatched: 0)
        outcomeAmounts = [:]
        balances = []
        importedBefore = earlier.importedAt
        confirmedCallbacks = 0
        callbackConflicts = 0
    }

    func auditDetails(sha256: String) -> [String: String] {
        ["file": file, "sha256": sha256, "lines": String(lines), "new": String(new), "known": String(known),
         "creditTotal": String(creditTotal), "debitTotal": String(debitTotal),
         "matched": String(outcomes.matched), "unmatched": String(outcomes.unmatched),
         "confirmedCallbacks": String(confirmedCallbacks), "callbackConflicts": String(callbackConflicts)]
    }
}
