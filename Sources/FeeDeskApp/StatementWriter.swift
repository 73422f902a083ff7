import BankStatements
import FeeDeskCore
import FeeDeskStore

/// One thing an import stores, in file order: the first pass yields statements and lines (see
/// `StatementImporter`), the second the credits of new credit lines (see `StatementWriter`).
enum ImportWriteOp {
    /// A statement of the file begins (its lines follow; its row is stored at its end).
    case beginStatement(accountID: String)
    /// A new line.
    case line(ImportedLineRow)
    /// A new credit line that confirms the callback credit of `claim`: stored as a line, no new credit.
    case confirmation(ImportedLineRow, claim: CallbackCandidates.Claim)
    /// The statement ends: store its balances.
    case endStatement(StatementImporter.Plan)
    /// The credit of a line stored in the first pass, with its automatic allocations.
    case credit(ImportedCreditRow, of: ImportedLineRow, allocations: [MatchDecision.Allocation])
}

/// The second pass of a statement import: turns the file, read again, into the credits of its new
/// credit lines, in file order, without touching the database (so it runs on its own thread, see
/// `ImportWritePipeline`). The lines themselves were stored by the first pass.
///
/// Each credit has its outcome (decided by `CreditMatching` in matching order and repeated here) and
/// its automatic allocations, and points at its line: line ids are given again exactly as the first
/// pass gave them (file order from the same first id), credit ids in file order from the first free one.
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
    private var lineIndex = 0, newIndex = 0, creditIndex = 0
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
    }

    mutating func visit(_ line: StatementLine) throws {
        defer { lineIndex += 1 }
        if (lineIndex + 1) % 50_000 == 0 { progress?(lineIndex + 1) }
        guard plan >= 0, lineIndex < lineIsNew.count else { throw changed }
        guard lineIsNew[lineIndex] else { return }
        guard newIndex < newIdentities.count else { throw changed }
        let bookingDate = try StatementImporter.date(line.bookingDate, line, fileName)
        let id = nextLineID
        nextLineID += 1
        newIndex += 1
        guard line.direction == .credit, links[newIndex - 1] == nil else { return }
        let row = try StatementImporter.row(of: line, id: id, identity: newIdentities[newIndex - 1],
                                            accountID: plans[plan].accountID, bookingDate: bookingDate, fileName: fileName)
        guard creditIndex < matching.credits.count else { throw changed }
        let decision = matching.decision(for: creditIndex)
        let creditID = firstCreditID + Int64(creditIndex)
        creditIndex += 1
        try emit(.credit(ImportedCreditRow(id: creditID, outcome: decision.outcome, owedBack: decision.owedBack, note: decision.note),
                         of: row, allocations: decision.allocations))
    }

    mutating func endStatement(_ trailer: StatementTrailer) throws {
        guard plan >= 0 else { throw changed }
    }

    /// Checks that this pass met every line the first one did.
    func finish() throws {
        guard lineIndex == lineIsNew.count, newIndex == newIdentities.count,
              creditIndex == matching.credits.count else { throw changed }
    }

    private var changed: CoreError { CoreError(.invalid, "\(fileName): the file changed while it was imported") }
}

/// A callback credit confirmed by a statement line of this import.
struct StatementConfirmation {
    let claim: CallbackCandidates.Claim
    let line: ImportedLineRow
}
