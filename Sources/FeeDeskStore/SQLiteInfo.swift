import CSQLite

/// The SQLite library this program runs against.
public enum SQLiteInfo {
    /// For example `3.40.1`.
    public static var version: String { String(cString: sqlite3_libversion()) }
}
