extension SQLiteConnection {
    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE`): all of it is committed, or, when
    /// `body` throws or the commit fails, none of it.
    @discardableResult
    public func writeTransaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body(self)
            try execute("COMMIT")
            return result
        } catch {
            if inTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` in a read transaction, so that several queries see one snapshot.
    public func readTransaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        defer { if inTransaction { try? execute("COMMIT") } }
        return try body(self)
    }
}
