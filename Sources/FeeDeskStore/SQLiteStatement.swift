import CSQLite

/// A prepared statement owned by a `SQLiteConnection`'s cache.
public final class SQLiteStatement {
    let handle: OpaquePointer
    private unowned let connection: SQLiteConnection
    private let sql: String
    private var finalized = false

    init(_ handle: OpaquePointer, connection: SQLiteConnection, sql: String) {
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    /// Binds `arguments` to parameters 1…n.
    public func bind(_ arguments: [any SQLBindable]) throws(StoreError) {
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch argument.sqlValue {
            case .null: rc = sqlite3_bind_null(handle, index)
            case let .integer(value): rc = sqlite3_bind_int64(handle, index, value)
            case let .real(value): rc = sqlite3_bind_double(handle, index, value)
            case let .text(value): rc = sqlite3_bind_text(handle, index, value, -1, feedesk_sqlite_transient())
            case let .blob(bytes):
                rc = bytes.withUnsafeBytes { buffer in
                    sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), feedesk_sqlite_transient())
                }
            }
            guard rc == SQLITE_OK else { throw failure(rc, "binding parameter \(index) of") }
        }
    }

    /// Binds an integer to parameter `index` (1-based).
    public func bind(_ value: Int64, at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_int64(handle, index, value), index)
    }

    /// Binds text (copied) to parameter `index`, or NULL for nil; no intermediate `SQLValue` or array.
    public func bind(_ value: String?, at index: Int32) throws(StoreError) {
        guard var text = value else { return try bindNull(at: index) }
        try check(text.withUTF8 { bindText($0, at: index) }, index)
    }

    private func bindText(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int32) -> Int32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            return sqlite3_bind_text(handle, index, "", 0, feedesk_sqlite_transient())
        }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
            sqlite3_bind_text(handle, index, pointer, Int32(bytes.count), feedesk_sqlite_transient())
        }
    }

    /// Binds `count` UTF-8 bytes at `pointer` as text WITHOUT copying them (`SQLITE_STATIC`): they must
    /// stay unchanged until the statement has run and its bindings were cleared (see `SQLiteTextArena`).
    func bind(noCopy pointer: UnsafeRawPointer, count: Int, at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_text(handle, index, pointer.assumingMemoryBound(to: CChar.self), Int32(count), nil), index)
    }

    /// Binds `count` bytes at `pointer` as a blob WITHOUT copying them, like `bind(noCopy:count:at:)`.
    func bind(noCopyBlob pointer: UnsafeRawPointer, count: Int, at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_blob(handle, index, pointer, Int32(count), nil), index)
    }

    /// Binds bytes (copied) as a blob to parameter `index`.
    public func bind(blob bytes: UnsafeRawBufferPointer, at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), feedesk_sqlite_transient()), index)
    }

    /// Binds NULL to parameter `index`.
    public func bindNull(at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_null(handle, index), index)
    }

    /// The number of `?` parameters.
    public var parameterCount: Int32 { sqlite3_bind_parameter_count(handle) }

    @inline(__always)
    private func check(_ rc: Int32, _ index: Int32) throws(StoreError) {
        guard rc == SQLITE_OK else { throw failure(rc, "binding parameter \(index) of") }
    }

    /// Advances to the next row; false when the statement is done.
    public func step() throws(StoreError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = failure(rc, "running")
            reset()
            throw error
        }
    }

    /// Steps until done, for statements that return no rows.
    public func runToEnd() throws(StoreError) {
        while try step() {}
        reset()
    }

    /// Resets for reuse and clears bindings.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func finalize() {
        guard !finalized else { return }
        finalized = true
        sqlite3_finalize(handle)
    }

    private func failure(_ rc: Int32, _ action: String) -> StoreError {
        .sqlite(code: rc, message: connection.lastErrorMessage, context: "\(action) \(SQLiteConnection.abbreviate(sql))")
    }
}

/// The current row of a stepping statement; valid only inside the closure it is passed to.
public struct SQLiteRow {
    let statement: OpaquePointer

    /// True when column `index` is NULL.
    public func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(statement, index) == SQLITE_NULL
    }

    /// Column `index` as an integer (0 for NULL).
    public func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(statement, index)
    }

    /// Column `index` as an integer, or nil for NULL.
    public func optionalInt64(_ index: Int32) -> Int64? {
        isNull(index) ? nil : int64(index)
    }

    /// Column `index` as text, or nil for NULL.
    public func text(_ index: Int32) -> String? {
        guard let pointer = sqlite3_column_text(statement, index) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Column `index` as text; a NULL is a corrupt-data error naming the column.
    public func requiredText(_ index: Int32) throws(StoreError) -> String {
        guard let value = text(index) else {
            let name = sqlite3_column_name(statement, index).map { String(cString: $0) } ?? "#\(index)"
            throw StoreError.corrupt("column \(name) is NULL")
        }
        return value
    }

    /// Calls `body` with the bytes of column `index` (empty for NULL), valid only inside `body`.
    public func withBlob<Result>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let count = Int(sqlite3_column_bytes(statement, index))
        return try body(UnsafeRawBufferPointer(start: count > 0 ? sqlite3_column_blob(statement, index) : nil, count: count))
    }

    /// Calls `body` with the UTF-8 bytes of text column `index` (empty for NULL), valid only inside `body`.
    public func withText<Result>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let pointer = sqlite3_column_text(statement, index)
        let count = pointer == nil ? 0 : Int(sqlite3_column_bytes(statement, index))
        return try body(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// Column `index` as bytes (empty for NULL).
    public func blob(_ index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, index))
        guard count > 0, let pointer = sqlite3_column_blob(statement, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
