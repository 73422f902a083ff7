import FeeDeskCore
import FeeDeskStore

/// Stores what an import's passes yield (`ImportWriteOp`) in its transaction: statement rows, then
/// lines, credits and allocations through one `ImportRowWriter` (multi-row INSERTs).
struct StatementRowStore {
    let connection: SQLiteConnection
    let fileID: Int64
    let fileName: String
    let rows: ImportRowWriter
    /// The callback credits this import's lines confirm, with what the statement says (applied once the
    /// lines are written: a credit then points at its stored line).
    private(set) var confirmations: [StatementConfirmation] = []
    private var statementID: Int64 = 0

    init(connection: SQLiteConnection, fileID: Int64, fileName: String, stamp: String) {
        self.connection = connection
        self.fileID = fileID
        self.fileName = fileName
        rows = ImportRowWriter(connection: connection, createdAt: stamp)
    }

    mutating func apply(_ op: ImportWriteOp) throws {
        switch op {
        case let .beginStatement(accountID, reference, sequence):
            // Foreign keys are not enforced during an import (see `Database.writeWithoutForeignKeyChecks`).
            guard try connection.queryOne("SELECT 1 FROM bank_account WHERE id = ?", accountID, transform: { _ in true }) == true else {
                throw CoreError(.notFound, "\(fileName): account '\(accountID)' is not stored in the database; nothing was imported")
            }
            statementID = try StatementRepository(connection).insertStatement(fileID: fileID, accountID: accountID,
                                                                               reference: reference, sequence: sequence)
        case var .line(row):
            row.statementID = statementID
            try rows.add(line: row, credit: nil)
        case .confirmation(var row, let claim):
            row.statementID = statementID
            confirmations.append(StatementConfirmation(claim: claim, line: row))
            try rows.add(line: row, credit: nil)
        case let .endStatement(plan):
            try StatementRepository(connection).finishStatement(
                id: statementID, opening: plan.opening, closing: plan.closing, firstDate: plan.firstDate, lastDate: plan.lastDate,
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
