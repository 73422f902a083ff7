import BankStatements
import FeeDeskCore
import FeeDeskStore

/// The second pass of a statement import: stores what `StatementImporter` decided, in file order.
///
/// For each statement it stores the statement row; for each new line the line, and for each new credit
/// line the credit with its outcome (decided by `CreditMatching` in matching order and repeated here)
/// and its automatic allocations. Everything goes through one `ImportRowWriter`, so each credit is
/// inserted once, complete, with multi-row INSERTs; lines and credits get ids in file order.
struct StatementWriter: StatementVisitor {
    let connection: SQLiteConnection
    let fileID: Int64
    let fileName: String
    let plans: [StatementImporter.Plan]
    let lineIsNew: [Bool]
    let newIdentities: [LineIdentity]
    let links: [Int: CallbackCandidates.Claim]
    /// The callback credits this import's lines confirm, with what the statement says (applied once the
    /// lines are written: a credit then points at its stored line).
    private(set) var confirmations: [StatementConfirmation] = []
    let matching: CreditMatching
    let rows: ImportRowWriter
    let progress: (@Sendable (Int) -> Void)?
    private var plan = -1
    private var statementID: Int64 = 0
    private var lineIndex = 0, newIndex = 0, creditIndex = 0
    private var nextLineID: Int64
    private let firstCreditID: Int64

    init(connection: SQLiteConnection, fileID: Int64, fileName: String, reading: StatementImporter, matching: CreditMatching,
         stamp: String, progress: (@Sendable (Int) -> Void)?) throws {
        self.connection = connection
        self.fileID = fileID
        self.fileName = fileName
        plans = reading.plans
        lineIsNew = reading.lineIsNew
        newIdentities = reading.newIdentities
        links = reading.links
        self.matching = matching
        self.progress = progress
        rows = ImportRowWriter(connection: connection, createdAt: stamp)
        nextLineID = try StatementRepository(connection).nextLineID()
        firstCreditID = try CreditRepository(connection).nextCreditID()
    }

    mutating func beginStatement(_ header: StatementHeader) throws {
        plan += 1
        guard plan < plans.count else { throw CoreError(.invalid, "\(fileName): the file changed while it was imported") }
        // Foreign keys are not enforced during an import (see `Database.writeWithoutForeignKeyChecks`).
        guard try connection.queryOne("SELECT 1 FROM bank_account WHERE id = ?", plans[plan].accountID, transform: { _ in true }) == true else {
            throw CoreError(.notFound, "\(fileName): account '\(plans[plan].accountID)' is not stored in the database; nothing was imported")
        }
        statementID = try StatementRepository(connection).insertStatement(fileID: fileID, accountID: plans[plan].accountID,
                                                                           reference: header.reference, sequence: header.sequence)
    }

    mutating func visit(_ line: StatementLine) throws {
        defer { lineIndex += 1 }
        if (lineIndex + 1) % 50_000 == 0 { progress?(lineIndex + 1) }
        guard plan >= 0, lineIndex < lineIsNew.count else { throw CoreError(.invalid, "\(fileName): the file changed while it was imported") }
        guard lineIsNew[lineIndex] else { return }
        guard newIndex < newIdentities.count else { throw CoreError(.invalid, "\(fileName): the file changed while it was imported") }
        let bookingDate = try StatementImporter.date(line.bookingDate, line, fileName)
        let row = ImportedLineRow(
            id: nextLineID, statementID: statementID, identity: newIdentities[newIndex], accountID: plans[plan].accountID,
            bookingDate: bookingDate, valueDate: try StatementImporter.date(line.valueDate, line, fileName),
            bookedAt: line.bookingTime.map { StatementImporter.timestamp(line.bookingDate, $0) }, amount: line.amount,
            isCredit: line.direction == .credit, reversal: line.reversal, bankReference: line.bankReference,
            endToEnd: line.endToEndReference, counterpartyName: line.counterpartyName, counterpartyAccount: line.counterpartyAccount,
            memo: line.memo, raw: line.raw)
        nextLineID += 1
        newIndex += 1
        guard row.isCredit else { return try rows.add(line: row, credit: nil) }
        if let claim = links[newIndex - 1] {
            confirmations.append(StatementConfirmation(claim: claim, line: row))
            return try rows.add(line: row, credit: nil)
        }
        guard creditIndex < matching.credits.count else { throw CoreError(.invalid, "\(fileName): the file changed while it was imported") }
        let decision = matching.decision(for: creditIndex)
        let creditID = firstCreditID + Int64(creditIndex)
        creditIndex += 1
        try rows.add(line: row, credit: ImportedCreditRow(id: creditID, outcome: decision.outcome, owedBack: decision.owedBack,
                                                          note: decision.note))
        for allocation in decision.allocations {
            rows.addAllocation(creditID: creditID, dossierID: allocation.dossierID, amount: allocation.amount)
        }
    }

    mutating func endStatement(_ trailer: StatementTrailer) throws {
        guard plan >= 0 else { throw CoreError(.invalid, "\(fileName): the file changed while it was imported") }
        let plan = plans[plan]
        try StatementRepository(connection).finishStatement(
            id: statementID, opening: plan.opening, closing: plan.closing, firstDate: plan.firstDate, lastDate: plan.lastDate,
            balance: plan.balance, note: plan.note)
    }

    /// Writes what is still queued and checks that the second pass met every line the first one did.
    func finish() throws {
        try rows.flush()
        guard lineIndex == lineIsNew.count, confirmations.count == links.count, newIndex == newIdentities.count, creditIndex == matching.credits.count else {
            throw CoreError(.invalid, "\(fileName): the file changed while it was imported")
        }
    }
}

/// A callback credit confirmed by a statement line of this import.
struct StatementConfirmation {
    let claim: CallbackCandidates.Claim
    let line: ImportedLineRow
}
