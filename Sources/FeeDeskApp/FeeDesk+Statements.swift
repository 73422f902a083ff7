import BankStatements
import FeeDeskCore
import FeeDeskCrypto
import FeeDeskStore
import Foundation

/// A statement file to import.
public struct StatementUpload: Sendable {
    /// The file's bytes (memory-mapped for large files).
    public var data: Data
    /// The name used in messages and the import record.
    public var fileName: String
    /// `auto`, `mt940`, `camt` or `csv`.
    public var format: StatementFormatChoice
    /// The bank profile for CSV exports (a file name in `config/bank-profiles`), nil for the generic one.
    public var profile: String?
    /// The collection account id, when the file does not name it or to insist on one.
    public var accountID: String?
    /// Import a statement whose balances do not add up, flagged, instead of refusing it.
    public var allowUnbalanced: Bool

    /// An upload with every field.
    public init(data: Data, fileName: String, format: StatementFormatChoice = .auto, profile: String? = nil,
                accountID: String? = nil, allowUnbalanced: Bool = false) {
        self.data = data
        self.fileName = fileName
        self.format = format
        self.profile = profile
        self.accountID = accountID
        self.allowUnbalanced = allowUnbalanced
    }
}

extension FeeDeskConfig {
    /// Parses a statement without a database (any currency), for `statement parse`.
    public func parseStatement(_ upload: StatementUpload) throws -> ParsedStatementFile {
        try StatementReader.parseAll(data: upload.data, format: upload.format, profile: try bankProfile(upload.profile),
                                     fileName: upload.fileName)
    }

    /// The bank profile named `name` from the configured profile folder, or the generic one for nil.
    func bankProfile(_ name: String?) throws -> BankProfile? {
        guard let name else { return nil }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw AppError.input("bank profile name '\(name)' may hold only letters, digits, - and _")
        }
        let path = bankProfilesPath + "/\(name).json"
        guard FileManager.default.fileExists(atPath: path) else {
            let known = (try? FileManager.default.contentsOfDirectory(atPath: bankProfilesPath))?
                .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted() ?? []
            throw AppError.input("bank profile '\(name)' does not exist; known profiles: \(known.joined(separator: ", "))")
        }
        return try BankProfile.load(from: FeeDeskConfig.readFile(path), name: path)
    }
}

extension FeeDesk {
    /// Imports a statement file in ONE transaction: every line lands, or (on any error, including an
    /// unbalanced statement) nothing does. A file imported before is recognised by its SHA-256 and
    /// changes nothing; lines already known from an overlapping statement are skipped. New credits
    /// are matched in a fixed order, so the same lines always give the same allocations. A line for a
    /// transfer a callback reported first confirms that credit instead of making a second one
    /// (`CreditLinkRule`); a disagreement on amount or account is recorded as a conflict.
    ///
    /// Two passes over the file, each read on a thread of its own while this one stores what it yields
    /// (`ImportWritePipeline`, `StatementRowStore`). The first (`StatementImporter`) checks the file and
    /// yields its statements and new lines, reading the stored identities through a connection of its
    /// own. `CreditMatching` then decides the new credits in memory against the dossiers they name
    /// (read in one go), on a thread of its own, while the second pass (`StatementWriter`) yields the
    /// credits with their outcomes and allocations in file order, each once it is decided.
    /// `progress` is called every 50,000 lines of each pass (lines read, then lines written); `timing`,
    /// when given, records how long each phase took.
    public func importStatement(_ upload: StatementUpload, by actor: String, progress: (@Sendable (Int) -> Void)? = nil,
                                timing: ImportTiming? = nil) throws -> ImportReport {
        let sha256 = upload.data.withUnsafeBytes { Hex.encode(Digest.sha256(UnsafeRawBufferPointer($0))) }
        let profile = try config.bankProfile(upload.profile)
        // Every parent row of what the import inserts is written or read by the import itself, in this
        // transaction; the one it does not (the account of each statement) is checked by `StatementRowStore`.
        return try database.writeWithoutForeignKeyChecks { connection in
            let statements = StatementRepository(connection)
            if let earlier = try statements.file(sha256: sha256) {
                return ImportReport(alreadyImported: upload.fileName, earlier: earlier)
            }
            let stamp = nowStamp()
            let ids = try statements.nextIDs() // the file's row is written last (see `StatementRowStore`)
            let firstLineID = try statements.nextLineID()
            // A smaller page cache for the import's bulk writes: as fast (the pages spill to the WAL in
            // order anyway) and 20 MB less at the peak of a million-line import. Restored after.
            let cacheSize = try connection.queryOne("PRAGMA cache_size") { $0.int64(0) } ?? -65_536
            try connection.execute("PRAGMA cache_size=-32768")
            defer { try? connection.execute("PRAGMA cache_size=\(cacheSize)") }
            var store = StatementRowStore(connection: connection, fileID: ids.file, firstStatementID: ids.statement,
                                          fileName: upload.fileName, stamp: stamp)
            // A large import reads every dossier on a thread of its own while the first pass runs.
            let scan = DossierScan.startIfLarge(fileBytes: upload.data.count, dossiers: try CreditRepository(connection).dossierCountEstimate(),
                                                databasePath: database.path, format: config.referenceFormat)
            defer { _ = try? scan?.book() } // the scan's thread ends before the transaction does
            let (reading, summary) = try firstPass(upload, profile: profile, firstLineID: firstLineID, store: &store, progress: progress)
            timing?.mark("read pass")
            let released = try releaseConflictingCallbacks(reading.links, connection: connection, at: stamp)
            let matching = try creditMatching(reading.pending, scan: scan, released: released.allocations, connection: connection)
            timing?.mark("read dossiers")
            // The credits are decided on a thread of their own while the second pass writes them.
            let matchingThread = MatchingThread(matching)
            defer { matchingThread.join() }
            try secondPass(upload, profile: profile, reading: reading, matching: matching, firstLineID: firstLineID,
                           firstCreditID: try CreditRepository(connection).nextCreditID(), store: &store, progress: progress)
            var (outcomes, matchSeconds) = matchingThread.join()
            timing?.mark("write pass, matching alongside")
            timing?.aside("match, on its own thread during the write pass", seconds: matchSeconds)
            let confirmed = try applyConfirmations(store.confirmations, released: released.credits, connection: connection, at: stamp)
            outcomes.merge(confirmed.outcomes) { OutcomeTotal(count: $0.count + $1.count, amount: $0.amount + $1.amount) }
            try statements.insertFile(id: ids.file, sha256: sha256, fileName: upload.fileName, format: summary.format.rawValue, at: stamp,
                                      by: actor, lines: reading.lines, newLines: reading.newLines, creditTotal: reading.creditTotal,
                                      debitTotal: reading.debitTotal)
            try explainMoneyOut(connection: connection)
            let report = ImportReport(file: upload.fileName, format: summary.format.rawValue, importer: reading, outcomes: outcomes,
                                      callbackConflicts: confirmed.conflicts)
            try AuditJournal.append(connection, at: stamp, actor: actor, action: "statement.import", entity: "statement_file",
                                    entityID: String(ids.file), details: report.auditDetails(sha256: sha256))
            return report
        }
    }
}

extension FeeDesk {
    /// The first pass (`StatementImporter`) on a thread of its own, while `store` stores the statements
    /// and new lines it yields. It reads what is committed through a connection of its own (nothing
    /// else can commit while the import's transaction holds the write lock).
    private func firstPass(_ upload: StatementUpload, profile: BankProfile?, firstLineID: Int64, store: inout StatementRowStore,
                           progress: (@Sendable (Int) -> Void)?) throws -> (StatementImporter, StatementReadSummary) {
        let reader = try SQLiteConnection(path: database.path, create: false)
        try reader.execute("PRAGMA cache_size=-4096") // a day's identities at a time: a small cache will do
        let first = FirstPass(try StatementImporter(connection: reader, accounts: config.accounts, requestedAccount: upload.accountID,
                                                    fileName: upload.fileName, fileBytes: upload.data.count, allowUnbalanced: upload.allowUnbalanced,
                                                    scanner: matcher.scanner, firstLineID: firstLineID, progress: progress))
        try ImportWritePipeline.run(produce: { emit in
            first.reading.emit = emit
            first.summary = try StatementReader.read(data: upload.data, format: upload.format, profile: profile,
                                                     fileName: upload.fileName, visitor: &first.reading)
            first.reading.emit = { _ in }
            first.reading.finishReading()
        }, consume: { op in try store.apply(op) })
        try store.finish()
        guard let summary = first.summary else { throw CoreError(.invalid, "\(upload.fileName): the first pass ended without a summary") }
        return (first.reading, summary)
    }

    /// The matching of an import's new credits: against the book `scan` read (less the allocations
    /// released since it began), or, without a scan, against the dossiers they name, read now.
    private func creditMatching(_ credits: PendingCredits, scan: DossierScan?, released: [(dossierID: Int64, amount: Money)],
                                connection: SQLiteConnection) throws -> CreditMatching {
        guard let scan else { return try CreditMatching(matcher: matcher, credits: credits, dossiers: CreditRepository(connection)) }
        var book = try scan.book()
        for allocation in released { book.subtract(allocation.amount, fromDossier: allocation.dossierID) }
        return CreditMatching(matcher: matcher, credits: credits, book: book)
    }

    /// The second pass (`StatementWriter`) on a thread of its own, while `store` stores the credits,
    /// allocations and receipts it yields.
    private func secondPass(_ upload: StatementUpload, profile: BankProfile?, reading: StatementImporter, matching: CreditMatching,
                            firstLineID: Int64, firstCreditID: Int64, store: inout StatementRowStore,
                            progress: (@Sendable (Int) -> Void)?) throws {
        try ImportWritePipeline.run(produce: { emit in
            var writer = StatementWriter(fileName: upload.fileName, reading: reading, matching: matching, firstLineID: firstLineID,
                                         firstCreditID: firstCreditID, progress: progress, emit: emit)
            _ = try StatementReader.read(data: upload.data, format: upload.format, profile: profile, fileName: upload.fileName,
                                         visitor: &writer)
            try writer.finish()
        }, consume: { op in try store.apply(op) })
        try store.finish()
    }
}

/// The first pass's state, handed to its thread and read back here once that thread has ended.
private final class FirstPass: @unchecked Sendable { // touched by one thread at a time (see `ImportWritePipeline.run`)
    var reading: StatementImporter
    var summary: StatementReadSummary?

    init(_ reading: StatementImporter) {
        self.reading = reading
    }
}
