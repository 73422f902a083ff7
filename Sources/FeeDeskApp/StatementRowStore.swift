import FeeDeskCore
import FeeDeskStore

/// Stores the write pass's ops (see `StatementWriter`) in the import's transaction: statement rows,
/// then lines, credits and allocations through one `ImportRowWriter` (multi-row INSERTs).
struct StatementRowStore {
    let connection: SQLiteConnection
    let fileID: Int64
    let fileName: String
    let plans: [StatementImporter.Plan]
    let rows: ImportRowWriter
    /// The callback credits this import's lines confirm, with what the statement says (applied once the
    /// lines are written: a credit then points at its stored line).
    private(set) var confirmations: [StatementConfirmation] = []
    private var statementID: Int64 = 0

    init(connection: SQLiteConnection, fileID: Int64, fileName: String, plans: [StatementImporter.Plan], stamp: String) {
        self.connection = connection
        self.fileID = fileID
        self.fileName = fileName
        self.plans = plans
        rows = ImportRowWriter(connection: connection, createdAt: stamp)
    }

    mutating func apply(_ op: ImportWriteOp) throws {
        switch op {
        case let .beginStatement(plan, reference, sequence):
            let accountID = plans[plan].accountID
            // Foreign keys are not enforced during an import (see `Database.writeWithoutForeignKeyChecks`).
            guard try connection.queryOne("SELECT 1 FROM bank_account WHERE id = ?", accountID, transform: { _ in true }) == true else {
                throw CoreError(.notFound, "\(fileName): account '\(accountID)' is not stored in the database; nothing was imported")
            }
            statementID = try StatementRepository(connection).insertStatement(fileID: fileID, accountID: accountID,
                                                                               reference: reference, sequence: sequence)
        case .line(var row, let credit, let allocations):
            row.statementID = statementID
            try rows.add(line: row, credit: credit)
            if let credit {
                for allocation in allocations {
                    rows.addAllocation(creditID: credit.id, dossierID: allocation.dossierID, amount: allocation.amount)
                }
            }
        case .confirmation(var row, let claim):
            row.statementID = statementID
            confirmations.append(StatementConfirmation(claim: claim, line: row))
            try rows.add(line: row, credit: nil)
        case let .endStatement(plan):
            let plan = plans[plan]
            try StatementRepository(connection).finishStatement(
                id: statementID, opening: plan.opening, closing: plan.closing, firstDate: plan.firstDate, lastDate: plan.lastDate,
                balance: plan.balance, note: plan.note)
        }
    }

    /// Writes what is still queued.
    func finish() throws {
        try rows.flush()
    }
}
