/// Failures of the storage layer. SQLite failures keep SQLite's extended result code and message.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// SQLite refused an operation; `code` is the extended result code.
    case sqlite(code: Int32, message: String, context: String)
    /// The database file's schema is newer than this program knows.
    case schemaTooNew(found: Int, known: Int, path: String)
    /// The audit journal's hash chain is broken at `row`.
    case auditBroken(row: Int64, reason: String)
    /// A stored value cannot be read back as the domain type it should be.
    case corrupt(String)
    /// Writes are no longer taken (the group committer was closed at shutdown); retry later.
    case unavailable(String)

    /// True when the database was locked by another writer for longer than the busy timeout.
    public var isBusy: Bool {
        if case let .sqlite(code, _, _) = self { return code & 0xFF == 5 || code & 0xFF == 6 }
        return false
    }

    /// True for a UNIQUE, CHECK, NOT NULL or FOREIGN KEY violation.
    public var isConstraintViolation: Bool {
        if case let .sqlite(code, _, _) = self { return code & 0xFF == 19 }
        return false
    }

    public var description: String {
        switch self {
        case let .sqlite(code, message, context):
            "SQLite error \(code) (\(message)) while \(context)."
        case let .schemaTooNew(found, known, path):
            "Database \(path) has schema version \(found), newer than this feedesk understands (\(known)); use a newer feedesk."
        case let .auditBroken(row, reason):
            "Audit journal broken at row \(row): \(reason)."
        case let .corrupt(message):
            "Stored data is unreadable: \(message)."
        case let .unavailable(reason):
            "The database takes no more writes: \(reason)."
        }
    }
}
