import FeeDeskCore

/// Collection accounts in the database.
public struct AccountRepository {
    private let connection: SQLiteConnection

    /// Accounts read and written through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Inserts or updates `account`; returns true when something changed.
    @discardableResult
    public func upsert(_ account: CollectionAccount) throws -> Bool {
        if let existing = try find(id: account.id), existing == account { return false }
        try connection.run("""
            INSERT INTO bank_account (id, bin, number, holder, currency) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET bin = excluded.bin, number = excluded.number,
                holder = excluded.holder, currency = excluded.currency
            """, account.id, account.bin, account.number, account.holder, account.currency)
        return true
    }

    /// The account with `id`, or nil.
    public func find(id: String) throws -> CollectionAccount? {
        try connection.queryOne("SELECT id, bin, number, holder, currency FROM bank_account WHERE id = ?", id) { row throws(StoreError) in
            try AccountRepository.account(from: row)
        }
    }

    /// Every account, by id.
    public func all() throws -> [CollectionAccount] {
        try connection.query("SELECT id, bin, number, holder, currency FROM bank_account ORDER BY id") { row throws(StoreError) in
            try AccountRepository.account(from: row)
        }
    }

    private static func account(from row: SQLiteRow) throws(StoreError) -> CollectionAccount {
        let fields = (try row.requiredText(0), try row.requiredText(1), try row.requiredText(2),
                      try row.requiredText(3), try row.requiredText(4))
        do {
            return try CollectionAccount(id: fields.0, bin: fields.1, number: fields.2, holder: fields.3, currency: fields.4)
        } catch {
            throw StoreError.corrupt("bank account \(fields.0): \(error.message)")
        }
    }
}
