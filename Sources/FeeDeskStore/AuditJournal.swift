import FeeDeskCrypto
import Foundation

/// One row of the audit journal.
public struct AuditEntry: Sendable, Equatable {
    /// Position in the journal, from 1.
    public let seq: Int64
    /// When, ISO 8601 with offset.
    public let at: String
    /// Who: `cli:<user>`, `user:<name>`, `partner:<id>`, `system`.
    public let actor: String
    /// What, as a dotted verb: `dossier.add`, `cash.void`, …
    public let action: String
    /// The kind of thing changed: `dossier`, `cash_payment`, `fee`, …
    public let entity: String
    /// Which one.
    public let entityID: String
    /// The change's details as canonical JSON (sorted keys).
    public let details: String
    /// Hash of the previous row (64 zeros for the first).
    public let previousHash: String
    /// SHA-256 over this row's fields and `previousHash`.
    public let hash: String
}

/// The result of walking the journal: how many rows and the hash of the last one.
public struct AuditVerification: Sendable, Equatable {
    /// Rows checked.
    public let rows: Int64
    /// The hash of the newest row: record it elsewhere to detect truncation of the journal's tail.
    public let head: String
}

/// The append-only, hash-chained journal of every state change.
///
/// Rows are appended inside the transaction that makes the change, so a change and its journal row
/// commit together. Triggers refuse UPDATE and DELETE; the chain reveals edits made to the file itself.
public enum AuditJournal {
    /// The previous-hash of the first row.
    public static let genesis = String(repeating: "0", count: 64)

    /// Appends a row; call inside the write transaction that makes the change.
    @discardableResult
    public static func append(_ connection: SQLiteConnection, at: String, actor: String, action: String,
                              entity: String, entityID: String, details: [String: String] = [:]) throws -> AuditEntry {
        let previous = try connection.queryOne("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1") { row throws(StoreError) in
            (row.int64(0), try row.requiredText(1))
        }
        let seq = (previous?.0 ?? 0) + 1
        let previousHash = previous?.1 ?? genesis
        let detailsText = CanonicalJSON.object(details)
        let hash = digest(seq: seq, at: at, actor: actor, action: action, entity: entity, entityID: entityID,
                          details: detailsText, previousHash: previousHash)
        try connection.run("""
            INSERT INTO audit (seq, at, actor, action, entity, entity_id, details, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, seq, at, actor, action, entity, entityID, detailsText, previousHash, hash)
        return AuditEntry(seq: seq, at: at, actor: actor, action: action, entity: entity, entityID: entityID,
                          details: detailsText, previousHash: previousHash, hash: hash)
    }

    /// Walks the whole journal and throws `StoreError.auditBroken` at the first broken link.
    public static func verify(_ connection: SQLiteConnection) throws(StoreError) -> AuditVerification {
        var expectedSeq: Int64 = 1
        var previousHash = genesis
        try connection.forEach("SELECT seq, at, actor, action, entity, entity_id, details, prev_hash, hash FROM audit ORDER BY seq") { row throws(StoreError) in
            let seq = row.int64(0)
            guard seq == expectedSeq else {
                throw StoreError.auditBroken(row: seq, reason: "row \(expectedSeq) is missing")
            }
            let storedPrevious = try row.requiredText(7)
            guard storedPrevious == previousHash else {
                throw StoreError.auditBroken(row: seq, reason: "its previous-hash does not match the hash of row \(seq - 1)")
            }
            let computed = digest(seq: seq, at: try row.requiredText(1), actor: try row.requiredText(2),
                                  action: try row.requiredText(3), entity: try row.requiredText(4),
                                  entityID: try row.requiredText(5), details: try row.requiredText(6),
                                  previousHash: storedPrevious)
            guard computed == (try row.requiredText(8)) else {
                throw StoreError.auditBroken(row: seq, reason: "its contents do not match its hash")
            }
            previousHash = computed
            expectedSeq += 1
        }
        return AuditVerification(rows: expectedSeq - 1, head: previousHash)
    }

    /// Rows for `entity`/`entityID`, oldest first.
    public static func entries(_ connection: SQLiteConnection, entity: String, entityID: String) throws(StoreError) -> [AuditEntry] {
        try connection.query("""
            SELECT seq, at, actor, action, entity, entity_id, details, prev_hash, hash FROM audit
            WHERE entity = ? AND entity_id = ? ORDER BY seq
            """, entity, entityID) { row throws(StoreError) in
            AuditEntry(seq: row.int64(0), at: try row.requiredText(1), actor: try row.requiredText(2),
                       action: try row.requiredText(3), entity: try row.requiredText(4), entityID: try row.requiredText(5),
                       details: try row.requiredText(6), previousHash: try row.requiredText(7), hash: try row.requiredText(8))
        }
    }

    /// SHA-256 over the row's fields, each length-prefixed so that no two rows hash the same text.
    static func digest(seq: Int64, at: String, actor: String, action: String, entity: String, entityID: String,
                       details: String, previousHash: String) -> String {
        var text = ""
        for field in [previousHash, String(seq), at, actor, action, entity, entityID, details] {
            text += "\(field.utf8.count):\(field)\n"
        }
        return Digest.sha256Hex(text)
    }
}
