import FeeDeskCore

/// What loading a fee schedule into the database changed.
public struct FeeSyncResult: Sendable, Equatable {
    /// Procedures that were not stored before.
    public var added: [String] = []
    /// Procedures whose name, field, kind or amount changed.
    public var changed: [String] = []
    /// Procedures no longer in the schedule, kept inactive because dossiers may refer to them.
    public var deactivated: [String] = []

    /// True when nothing changed.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && deactivated.isEmpty }
}

/// The fee schedule in the database.
public struct FeeRepository {
    private let connection: SQLiteConnection

    /// Fees read and written through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// The active fees, ordered by field then procedure code.
    public func active() throws -> [Fee] {
        try connection.query("SELECT procedure, name, field, kind, amount FROM fee WHERE active = 1 ORDER BY field, procedure") { row throws(StoreError) in
            try FeeRepository.fee(from: row)
        }
    }

    /// Every fee ever loaded, active or not (dossiers may name a deactivated one).
    public func all() throws -> [Fee] {
        try connection.query("SELECT procedure, name, field, kind, amount FROM fee ORDER BY field, procedure") { row throws(StoreError) in
            try FeeRepository.fee(from: row)
        }
    }

    /// The fee for `procedure`, active or not.
    public func find(procedure: String) throws -> (fee: Fee, active: Bool)? {
        try connection.queryOne("SELECT procedure, name, field, kind, amount, active FROM fee WHERE procedure = ?", procedure) { row throws(StoreError) in
            (try FeeRepository.fee(from: row), row.int64(5) == 1)
        }
    }

    /// Makes the stored schedule equal `schedule`: adds, updates and deactivates rows as needed.
    public func sync(to schedule: FeeSchedule) throws -> FeeSyncResult {
        var result = FeeSyncResult()
        var stored: [String: (fee: Fee, active: Bool)] = [:]
        try connection.forEach("SELECT procedure, name, field, kind, amount, active FROM fee") { row throws(StoreError) in
            let fee = try FeeRepository.fee(from: row)
            stored[fee.procedure] = (fee, row.int64(5) == 1)
        }
        for fee in schedule.fees {
            if let existing = stored[fee.procedure] {
                if existing.fee != fee || !existing.active {
                    try connection.run("UPDATE fee SET name = ?, field = ?, kind = ?, amount = ?, active = 1 WHERE procedure = ?",
                                       fee.name, fee.field, fee.kind.rawValue, fee.amount.dong, fee.procedure)
                    result.changed.append(fee.procedure)
                }
            } else {
                try connection.run("INSERT INTO fee (procedure, name, field, kind, amount) VALUES (?, ?, ?, ?, ?)",
                                   fee.procedure, fee.name, fee.field, fee.kind.rawValue, fee.amount.dong)
                result.added.append(fee.procedure)
            }
        }
        for (procedure, existing) in stored.sorted(by: { $0.key < $1.key })
        where existing.active && schedule.fee(for: procedure) == nil {
            try connection.run("UPDATE fee SET active = 0 WHERE procedure = ?", procedure)
            result.deactivated.append(procedure)
        }
        return result
    }

    static func fee(from row: SQLiteRow) throws(StoreError) -> Fee {
        let procedure = try row.requiredText(0)
        guard let kind = FeeKind(rawValue: try row.requiredText(3)) else {
            throw StoreError.corrupt("fee \(procedure) has an unknown kind")
        }
        let name = try row.requiredText(1)
        let field = try row.requiredText(2)
        do {
            return try Fee(procedure: procedure, name: name, field: field, kind: kind, amount: Money(dong: row.int64(4)))
        } catch {
            throw StoreError.corrupt("fee \(procedure): \(error.message)")
        }
    }
}
