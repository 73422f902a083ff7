/// A callback delivery already in the journal.
public struct StoredCallback: Sendable, Equatable {
    public let id: Int64
    public let deliveryID: String?
    public let providerTransactionID: String
    public let kind: String
    public let creditID: Int64?
}

/// The journal of accepted partner callbacks, raw headers and body included.
public struct CallbackRepository {
    private let connection: SQLiteConnection

    /// Callbacks read and written through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// The earlier delivery of `partner` with this delivery id or provider transaction id, if any.
    /// (Two lookups, one per unique index: an OR across both would scan the table.)
    public func find(partner: String, deliveryID: String?, providerTransactionID: String) throws -> StoredCallback? {
        let select = "SELECT id, delivery_id, provider_txn, kind, credit_id FROM callback WHERE partner = ? AND "
        let read: (SQLiteRow) throws(StoreError) -> StoredCallback = { row throws(StoreError) in
            StoredCallback(id: row.int64(0), deliveryID: row.text(1), providerTransactionID: try row.requiredText(2),
                           kind: try row.requiredText(3), creditID: row.optionalInt64(4))
        }
        if let found = try connection.queryOne(select + "provider_txn = ?", partner, providerTransactionID, transform: read) {
            return found
        }
        guard let deliveryID else { return nil }
        return try connection.queryOne(select + "delivery_id = ?", partner, deliveryID, transform: read)
    }

    /// Appends a delivery; the unique indexes refuse a second copy of the same delivery or transaction.
    public func insert(partner: String, deliveryID: String?, providerTransactionID: String, kind: String, receivedAt: String,
                       headersJSON: String, body: [UInt8], creditID: Int64?) throws -> Int64 {
        try connection.run("""
            INSERT INTO callback (partner, delivery_id, provider_txn, kind, received_at, headers, body, credit_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, partner, deliveryID, providerTransactionID, kind, receivedAt, headersJSON, body, creditID)
        return connection.lastInsertRowID
    }

    /// Number of deliveries in the journal.
    public func count() throws -> Int64 {
        try connection.queryOne("SELECT COUNT(*) FROM callback") { $0.int64(0) } ?? 0
    }
}
