import FeeDeskCore
import FeeDeskStore
import Foundation

/// Reads every dossier into a `DossierBook` on a thread of its own, through a connection of its own,
/// while a large import's first pass reads the file, so that matching can start as soon as that pass
/// ends.
///
/// Start it inside the import's write transaction: nothing else can commit then, so the scan sees the
/// dossiers, allocations and cash payments as they were when the import began. What the import itself
/// changes before matching (callback allocations it releases) must be applied to the book after
/// (`DossierBook.subtract(_:fromDossier:)`).
final class DossierScan: @unchecked Sendable { // `result` is written before `ended` is signalled, read after
    private var result: Result<DossierBook, any Error> = .failure(CancellationError())
    private let ended = DispatchSemaphore(value: 0)

    /// Starts a scan when a file of `fileBytes` bytes may name at least one in `scanShare` of the
    /// `dossiers` dossiers, counting a line for every `StatementImporter.minimumBytesPerLine` bytes;
    /// nil otherwise (the import then reads only the dossiers its memos name, after the first pass).
    static func startIfLarge(fileBytes: Int, dossiers: Int64, databasePath: String, format: PaymentReferenceFormat,
                             scanShare: Int64 = 3) -> DossierScan? {
        guard dossiers > 0, Int64(fileBytes / StatementImporter.minimumBytesPerLine) * scanShare >= dossiers else { return nil }
        return DossierScan(databasePath: databasePath, format: format)
    }

    private init(databasePath: String, format: PaymentReferenceFormat) {
        // Not on the import's critical path: it has the whole first pass to finish.
        ImportThread.start("feedesk-import-dossiers", background: true) { [self] in
            result = Result {
                let connection = try SQLiteConnection(path: databasePath, create: false)
                try connection.execute("PRAGMA cache_size=-4096") // one pass in table order: a small cache will do
                return try connection.readTransaction { try DossierBook.everyDossier(format: format, from: CreditRepository($0)) }
            }
            ended.signal()
        }
    }

    /// Waits for the scan to end (again at once after the first call); the book, or the scan's error.
    func book() throws -> DossierBook {
        ended.wait()
        ended.signal()
        return try result.get()
    }
}
