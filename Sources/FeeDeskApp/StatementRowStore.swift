import FeeDeskCore
import FeeDeskStore

/// Stores what an import's passes yield (`ImportWriteOp`) in its transaction: lines, credits and
/// allocations through one `ImportRowWriter` (multi-row INSERTs), and each statement's row.
///
/// A statement's row is written when the statement ends, complete, under the id its lines already
/// point at (given out from `firstStatementID`), never inserted first and updated at the end: in a
/// large import its page would have gone to the WAL long before, and changing a page already in the
/// WAL makes SQLite rewrite the checksum of every WAL frame after it at the commit (0.4 s for a
/// million lines). The file's row is written last for the same reason (`FeeDesk.importStatement`).
struct StatementRowStore {
    let connection: SQLiteConnection
    let fileID: Int64
    let fileName: String
    let rows: ImportRowWriter
    /// The callback credits this import's lines confirm, with what the statement says (applied once the
    /// lines are written: a credit then points at its stored line).
    private(set) var confirmations: [StatementConfirmation] = []
    private var statementID: Int64 = 0
    private var nextStatementID: Int64

    init(connection: SQLiteConnection, fileID: Int64, firstStatementID: Int64, fileName: String, stamp: String) {
        self.connection = connection
        self.fileID = fileID
        nextStatementID = firstStatementID
        self.fileName = fileName
        rows = ImportRowWriter(connection: connection, createdAt: stamp)
    }

    mutating func apply(_ op: ImportWriteOp) throws {
        switch op {
        case let .beginStatement(accountID):
            // Foreign keys are not enforced during an import (see `Database.writeWithoutForeignKeyChecks`).
            guard try connection.queryOne("SELECT 1 FROM bank_account WHERE id = ?", accountID, transform: { _ in true }) == true else {
                throw CoreError(.notFound, "\(fileName): account '\(accountID)' is not stored in the database; nothing was imported")
            }
            statementID = nextStatementID
            nextStatementID += 1
        case var .line(row):
            row.statementID = statementID
            try rows.add(line: row, credit: nil)
        case .confirmation(var row, let claim):
            row.statementID = statementID
            confirmations.append(StatementConfirmation(claim: claim, line: row))
            try rows.add(line: row, credit: nil)
        case let .endStatement(plan):
            try StatementRepository(connection).insertStatement(
                id: statementID, fileID: fileID, accountID: plan.accountID, reference: plan.reference, sequence: plan.sequence,
                opening: plan.opening, closing: plan.closing, firstDate: plan.firstDate, lastDate: plan.lastDate,
                balance: plan.balance, note: plan.note)
        case let .credit(credit, line, allocations):
            try rows.add(credit: credit, of: line)
            for allocation in allocations {
                rows.addAllocation(creditID: credit.id, dossierID: allocation.dossierID, amount: allocation.amount)
            }
        }
    }

    /// Writes what is still queued.
    func finish() throws {
        try rows.flush()
    }
}
