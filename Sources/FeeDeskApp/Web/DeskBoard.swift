import Synchronization

/// Which dossier each desk is showing right now, so that the citizen-facing display of that desk
/// (`/display/<desk>`) can show the same QR code. Kept in memory: after a restart the clerk shows
/// the dossier again.
final class DeskBoard: Sendable {
    private let current = Mutex<[String: String]>([:])
    /// Desks remembered at most (a desk id is chosen by the clerk's browser).
    private let capacity: Int

    init(capacity: Int = 1_000) {
        self.capacity = capacity
    }

    /// The dossier code desk `desk` shows, or nil.
    func dossier(at desk: String) -> String? {
        current.withLock { $0[desk] }
    }

    /// Makes `desk` show `code` (nil: nothing). Refused (false) when the board is full of other desks.
    @discardableResult
    func show(_ code: String?, at desk: String) -> Bool {
        current.withLock { current in
            guard let code else {
                current.removeValue(forKey: desk)
                return true
            }
            guard current[desk] != nil || current.count < capacity else { return false }
            current[desk] = code
            return true
        }
    }

    /// True when `desk` is 1–32 letters, digits and `. _ - @`: safe in a URL path and in HTML.
    static func isValidDesk(_ desk: String) -> Bool {
        (1...32).contains(desk.utf8.count) && desk.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || ".-_@".utf8.contains(byte)
        }
    }
}
