import BankStatements
import FeeDeskCore
import FeeDeskStore

/// One thing the write pass of an import stores, in file order (see `StatementWriter`).
enum ImportWriteOp {
    /// Statement `plan` of the file begins: store its row.
    case beginStatement(plan: Int, reference: String?, sequence: String?)
    /// A new line; for a new credit line its credit and automatic allocations.
    case line(ImportedLineRow, credit: ImportedCreditRow?, allocations: [MatchDecision.Allocation])
    /// A new credit line that confirms the callback credit of `claim` (stored as a line, no new credit).
    case confirmation(ImportedLineRow, claim: CallbackCandidates.Claim)
    /// Statement `plan` ends: store its balances.
    case endStatement(plan: Int)
}

/// The second pass of a statement import: turns the file, read again, into what to store, in file
/// order, without touching the database (so it can run on its own thread, see `ImportWritePipeline`).
///
/// For each new line it builds the line row, and for each new credit line the credit with its
/// outcome (decided by `CreditMatching` in matching order and repeated here) and its automatic
/// allocations. Lines and credits get ids in file order, from the first free ones read before.
struct StatementWriter: StatementVisitor {
    let fileName: String
    let plans: [StatementImporter.Plan]
    let lineIsNew: [Bool]
    let newIdentities: [LineIdentity]
    let links: [Int: CallbackCandidates.Claim]
    let matching: CreditMatching
    let progress: (@Sendable (Int) -> Void)?
    /// Where each op goes.
    private let emit: (ImportWriteOp) throws -> Void
    private var plan = -1
    private var lineIndex = 0, newIndex = 0, creditIndex = 0, confirmations = 0
    private var nextLineID: Int64
    private let firstCreditID: Int64

    init(fileName: String, reading: StatementImporter, matching: CreditMatching, firstLineID: Int64, firstCreditID: Int64,
         progress: (@Sendable (Int) -> Void)?, emit: @escaping (ImportWriteOp) throws -> Void) {
        self.fileName = fileName
        plans = reading.plans
        lineIsNew = reading.lineIsNew
        newIdentities = reading.newIdentities
        links = reading.links
        self.matching = matching
        self.progress = progress
        self.emit = emit
        nextLineID = firstLineID
        self.firstCreditID = firstCreditID
    }

    mutating func beginStatement(_ header: StatementHeader) throws {
        plan += 1
        guard plan < plans.count else { throw changed }
        try emit(.beginStatement(plan: plan, reference: header.reference, sequence: header.sequence))
    }

    mutating func visit(_ line: StatementLine) throws {
        defer { lineIndex += 1 }
        if (lineIndex + 1) % 50_000 == 0 { progress?(lineIndex + 1) }
        guard plan >= 0, lineIndex < lineIsNew.count else { throw changed }
        guard lineIsNew[lineIndex] else { return }
        guard newIndex < newIdentities.count else { throw changed }
        let bookingDate = try StatementImporter.date(line.bookingDate, line, fileName)
        let row = ImportedLineRow(
            id: nextLineID, statementID: 0, identity: newIdentities[newIndex], accountID: plans[plan].accountID,
            bookingDate: bookingDate, valueDate: try StatementImporter.date(line.valueDate, line, fileName),
            bookedAt: line.bookingTime.map { StatementImporter.timestamp(line.bookingDate, $0) }, amount: line.amount,
            isCredit: line.direction == .credit, reversal: line.reversal, bankReference: line.bankReference,
            endToEnd: line.endToEndReference, counterpartyName: line.counterpartyName, counterpartyAccount: line.counterpartyAccount,
            memo: line.memo, raw: line.raw)
        nextLineID += 1
        newIndex += 1
        guard row.isCredit else { return try emit(.line(row, credit: nil, allocations: [])) }
        if let claim = links[newIndex - 1] {
            confirmations += 1
            return try emit(.confirmation(row, claim: claim))
        }
        guard creditIndex < matching.credits.count else { throw changed }
        let decision = matching.decision(for: creditIndex)
        let creditID = firstCreditID + Int64(creditIndex)
        creditIndex += 1
        try emit(.line(row, credit: ImportedCreditRow(id: creditID, outcome: decision.outcome, owedBack: decision.owedBack,
                                                      note: decision.note),
                       allocations: decision.allocations))
    }

    mutating func endStatement(_ trailer: StatementTrailer) throws {
        guard plan >= 0 else { throw changed }
        try emit(.endStatement(plan: plan))
    }

    /// Checks that this pass met every line the first one did.
    func finish() throws {
        guard lineIndex == lineIsNew.count, confirmations == links.count, newIndex == newIdentities.count,
              creditIndex == matching.credits.count else { throw changed }
    }

    private var changed: CoreError { CoreError(.invalid, "\(fileName): the file changed while it was imported") }
}

/// A callback credit confirmed by a statement line of this import.
struct StatementConfirmation {
    let claim: CallbackCandidates.Claim
    let line: ImportedLineRow
}
