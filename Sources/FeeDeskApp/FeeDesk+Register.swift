import FeeDeskCore
import FeeDeskCrypto
import FeeDeskStore
import Foundation

/// What a register import did (stable JSON: read, new, updated, unchanged, refused[{line, reason}]).
public struct RegisterImportReport: Sendable, Equatable, Encodable {
    public let read: Int
    public let new: Int
    public let updated: Int
    public let unchanged: Int
    /// Rows not applied because they would change a dossier that has payments or is cancelled.
    public let refused: [RegisterProblem]
    /// Waiting credits matched once the new dossiers were known.
    public let rematched: Int
}

/// The format of a dossier register file.
public enum RegisterFormat: String, Sendable, CaseIterable {
    case csv, json

    /// Parses a `--format` value.
    public init(parsing text: String) throws(AppError) {
        guard let format = RegisterFormat(rawValue: text) else { throw AppError.input("format '\(text)' is not csv or json") }
        self = format
    }
}

extension FeeDesk {
    /// Imports a dossier register in ONE transaction. Rows that are malformed (bad code, unknown
    /// procedure, bad amount, a code twice in the file, a missing column) refuse the whole file, listing
    /// up to 50 of them. Otherwise each row is new (registered with a payment reference), identical
    /// (skipped), changed on an unpaid dossier (updated, audited), or a change to a dossier with payments
    /// (refused, listed). Waiting credits are matched once at the end.
    ///
    /// A CSV register is read twice, row by row, without keeping its rows: once to check every row,
    /// then, when all are good, to write them; memory then holds only the codes seen (for duplicates).
    public func importDossiers(_ data: Data, fileName: String, format: RegisterFormat, by actor: String) throws -> RegisterImportReport {
        let sha256 = Hex.encode(Digest.sha256(data))
        guard format == .json else {
            return try importRows(source: fileName, sha256: sha256, by: actor) { problems, visit in
                try DossierRegister.forEachCSVRow(data, fileName: fileName, problems: &problems, visit)
            }
        }
        var parseProblems: [RegisterProblem] = []
        let rows = try DossierRegister.jsonRows(data, fileName: fileName, problems: &parseProblems)
        return try importRows(source: fileName, sha256: sha256, by: actor) { problems, visit in
            problems += parseProblems
            for row in rows { try visit(row) }
        }
    }

    /// Checks every row `forEachRow` gives (first call), then writes them (second call) in one transaction.
    func importRows(source: String, sha256: String, by actor: String,
                    forEachRow: (inout [RegisterProblem], (RegisterRow) throws -> Void) throws -> Void) throws -> RegisterImportReport {
        var problems: [RegisterProblem] = []
        var read = 0
        let fees = Dictionary(try self.fees().map { ($0.procedure, $0) }, uniquingKeysWith: { first, _ in first })
        do {
            var seen: [String: Int] = [:]
            var unreadable: [RegisterProblem] = []
            defer { problems += unreadable }
            try forEachRow(&unreadable) { row in
                read += 1
                let code: String
                do throws(CoreError) { code = try DossierCode.validate(row.code, policy: config.dossierCodePolicy) } catch {
                    problems.append(RegisterProblem(line: row.line, reason: error.message))
                    return
                }
                if let first = seen[code] {
                    problems.append(RegisterProblem(line: row.line, reason: "dossier '\(code)' already appears on line \(first)"))
                    return
                }
                seen[code] = row.line
                if fees[row.procedure] == nil {
                    problems.append(RegisterProblem(line: row.line, reason: "procedure '\(row.procedure)' is not in the fee schedule"))
                }
            }
        }
        guard problems.isEmpty else {
            let listed = problems.sorted { $0.line < $1.line }.prefix(50).map { "line \($0.line): \($0.reason)" }
            throw CoreError(.invalid, "\(source) was not imported: \(problems.count) bad row(s) — " + listed.joined(separator: "; "))
        }
        return try database.write { connection in
            let stamp = nowStamp()
            var counts = (new: 0, updated: 0, unchanged: 0)
            var refused: [RegisterProblem] = []
            let dossiers = DossierRepository(connection, calendar: calendar)
            var ignored: [RegisterProblem] = []
            // The write lock is held: the import takes its reference numbers itself and records the last one at the end.
            var sequence = try dossiers.lastReferenceSequence()
            try forEachRow(&ignored) { row in
                // Every row passed the first reading; a row that no longer does means the input changed.
                guard let code = try? DossierCode.validate(row.code, policy: config.dossierCodePolicy), let fee = fees[row.procedure] else {
                    throw CoreError(.invalid, "\(source) changed while it was imported (line \(row.line))")
                }
                let amount = row.amount ?? fee.amount
                guard let stored = try dossiers.registerState(code: code) else {
                    sequence += 1
                    let reference = try PaymentReference(sequence: sequence, format: config.referenceFormat)
                    try dossiers.insert(Dossier(code: code, procedure: fee.procedure, applicant: row.applicant, amountDue: amount, desk: row.desk,
                                                reference: reference, registeredAt: row.receivedAt ?? clock.now()))
                    counts.new += 1
                    return
                }
                if stored.procedure == fee.procedure && stored.amountDue == amount && stored.applicant == row.applicant
                    && (row.desk == nil || stored.desk == row.desk) {
                    counts.unchanged += 1
                } else if stored.cancelled {
                    refused.append(RegisterProblem(line: row.line, reason: "dossier '\(code)' is cancelled"))
                } else if stored.paid.isPositive {
                    refused.append(RegisterProblem(line: row.line, reason: "dossier '\(code)' already has payments of \(stored.paid.formatted); it cannot change"))
                } else {
                    try dossiers.update(id: stored.id, procedure: fee.procedure, applicant: row.applicant, amountDue: amount, desk: row.desk ?? stored.desk)
                    try AuditJournal.append(connection, at: stamp, actor: actor, action: "dossier.update", entity: "dossier", entityID: code,
                                            details: ["amount": String(amount.dong), "before": String(stored.amountDue.dong), "source": source])
                    counts.updated += 1
                }
            }
            if counts.new > 0 { try dossiers.setLastReferenceSequence(sequence) }
            let rematched = try rematchWaitingCredits(connection: connection, at: stamp)
            try AuditJournal.append(connection, at: stamp, actor: actor, action: "dossier.import", entity: "register", entityID: sha256,
                                    details: ["source": source, "read": String(read), "new": String(counts.new),
                                              "updated": String(counts.updated), "refused": String(refused.count)])
            return RegisterImportReport(read: read, new: counts.new, updated: counts.updated, unchanged: counts.unchanged,
                                        refused: refused, rematched: rematched)
        }
    }
}
