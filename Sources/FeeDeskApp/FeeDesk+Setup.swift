import FeeDeskCore
import FeeDeskStore

/// What `feedesk init` did.
public struct SetupReport: Sendable, Equatable, Encodable {
    /// The database file.
    public let database: String
    /// Schema version after migration.
    public let schemaVersion: Int
    /// Fees added, changed or deactivated.
    public let feesAdded: [String], feesChanged: [String], feesDeactivated: [String]
    /// Accounts added or updated.
    public let accountsChanged: [String]
    /// Fees in force after the sync.
    public let feesInForce: Int
}

extension FeeDesk {
    /// Loads the configured accounts and fee schedule into the database (one transaction, audited).
    @discardableResult
    public func setUp(by actor: String) throws -> SetupReport {
        let (fees, accounts, count) = try database.write { connection in
            try syncConfiguration(connection, by: actor)
        }
        return SetupReport(database: database.path, schemaVersion: try database.schemaVersion(),
                           feesAdded: fees.added, feesChanged: fees.changed, feesDeactivated: fees.deactivated,
                           accountsChanged: accounts, feesInForce: count)
    }

    /// Applies the configuration inside an open write transaction; returns fee changes, changed accounts
    /// and the number of fees in force.
    func syncConfiguration(_ connection: SQLiteConnection, by actor: String) throws -> (FeeSyncResult, [String], Int) {
        let at = nowStamp()
        var changedAccounts: [String] = []
        let accounts = AccountRepository(connection)
        for account in config.accounts where try accounts.upsert(account) {
            changedAccounts.append(account.id)
            try AuditJournal.append(connection, at: at, actor: actor, action: "account.set", entity: "bank_account",
                                    entityID: account.id, details: ["bin": account.bin, "number": account.number, "holder": account.holder])
        }
        let result = try FeeRepository(connection).sync(to: config.feeSchedule)
        for (action, procedures) in [("fee.add", result.added), ("fee.change", result.changed), ("fee.deactivate", result.deactivated)] {
            for procedure in procedures {
                var details: [String: String] = ["file": config.feeScheduleFile]
                if let fee = config.feeSchedule.fee(for: procedure) {
                    details["amount"] = String(fee.amount.dong)
                    details["kind"] = fee.kind.rawValue
                }
                try AuditJournal.append(connection, at: at, actor: actor, action: action, entity: "fee", entityID: procedure, details: details)
            }
        }
        if try ReceiptIssuer(connection).setSettings(config.receipts) {
            try AuditJournal.append(connection, at: at, actor: actor, action: "receipts.set", entity: "receipt_setting", entityID: "1",
                                    details: ["form": config.receipts.form, "cashSymbol": config.receipts.cashSymbol,
                                              "cashlessSymbol": config.receipts.cashlessSymbol])
        }
        return (result, changedAccounts, config.feeSchedule.fees.count)
    }

    /// The fees in force, as stored.
    public func fees() throws -> [Fee] {
        try database.read { connection in try FeeRepository(connection).active() }
    }
}
