import BankStatements
import FeeDeskCore
import FeeDeskStore
import Foundation

extension Benchmarks {
    /// Statement formats the import benchmark can write.
    public enum SyntheticFormat: String, Sendable, CaseIterable {
        case csv
        case mt940
    }

    /// Parses a synthetic statement of `lines` lines without a database (issue target: well above
    /// 200,000 lines/s).
    public static func parse(format: SyntheticFormat, lines: Int, runs: Int = 3, folder: String) throws -> [BenchResult] {
        let path = folder + "/bench-parse-\(UUID().uuidString).\(format.rawValue)"
        try writeStatement(format: format, lines: lines, dossiers: lines, to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        struct Counter: StatementVisitor {
            var lines = 0
            mutating func beginStatement(_ header: StatementHeader) {}
            mutating func visit(_ line: StatementLine) { lines += 1 }
            mutating func endStatement(_ trailer: StatementTrailer) {}
        }
        let times = try BenchResult.time(runs: runs) {
            var counter = Counter()
            _ = try StatementReader.read(data: data, format: format == .csv ? .csv : .mt940, profile: nil,
                                         fileName: "bench", visitor: &counter)
        }
        return [BenchResult(name: "parse \(format.rawValue) (\(lines) lines, no database)", items: lines, times: times,
                            target: "≥ 200,000 lines/s")]
    }

    /// Registers `lines` dossiers, then imports and matches a statement of `lines` credits into a copy
    /// of that database, end to end, `runs` times (issue targets: ≥ 200,000 lines/s; 1,000,000 lines in
    /// ≤ 10 s; < 400 MB). Every figure is the median of the runs; the import's name lists each run. Every
    /// row under it gives the first run's peak memory (later runs add what glibc's allocator kept of the
    /// earlier runs' threads: 410–435 MB after three).
    ///
    /// After the import figure come its phases, a SQLite reference and the SQLite floor for what it
    /// wrote: the rows and index entries it added (counted with `StorageCensus`) at the rates
    /// `SQLiteFloor` measures with `floorRows` rows. The reference (`SQLiteFloor.reference`, timed
    /// before each run) tells a run that met a slow moment of the machine from a slow import.
    public static func importStatement(config: FeeDeskConfig, format: SyntheticFormat, lines: Int, runs: Int = 1, folder: String,
                                       floorRows: Int = 1_000_000,
                                       progress: (@Sendable (Int) -> Void)? = nil) throws -> [BenchResult] {
        let templatePath = folder + "/bench-import-\(UUID().uuidString).sqlite"
        let statementPath = folder + "/bench-import-\(UUID().uuidString).\(format.rawValue)"
        defer { removeDatabase(templatePath, also: [statementPath]) }
        // Set up once; each run imports into a fresh copy of the set-up database.
        let register = try setUpDossiers(config: config, count: lines, at: templatePath)
        try writeStatement(format: format, lines: lines, dossiers: lines, to: statementPath)
        let upload = StatementUpload(data: try Data(contentsOf: URL(fileURLWithPath: statementPath), options: .alwaysMapped),
                                     fileName: "bench.\(format.rawValue)", format: format == .csv ? .csv : .mt940,
                                     accountID: config.accounts.first?.id)
        var measured: [ImportRun] = []
        for _ in 0..<max(1, runs) {
            let path = folder + "/bench-import-\(UUID().uuidString).sqlite"
            try FileManager.default.copyItem(atPath: templatePath, toPath: path)
            defer { removeDatabase(path) }
            measured.append(try ImportRun.measure(config: config, databasePath: path, upload: upload, census: measured.isEmpty,
                                                  folder: folder, progress: progress))
        }
        let first = measured[0]
        // The same file into the same database: every run must decide the same (`Matcher` is deterministic).
        guard measured.allSatisfy({ $0.matched == first.matched && $0.credits == first.credits }) else {
            throw AppError.input("bench import: the runs matched \(measured.map(\.matched)) credits; the same statement must match the same")
        }
        let totals = measured.map(\.seconds)
        let listed = totals.map { String(format: "%.2f", $0) }.joined(separator: ", ")
        let result = BenchResult(name: "import+match \(format.rawValue) (\(first.matched) auto of \(first.credits)"
                                     + (measured.count > 1 ? "; runs \(listed) s)" : ")"),
                                 items: lines, times: totals, target: "≥ 200,000 lines/s; 1M in ≤ 10 s; < 400 MB",
                                 peakMemoryMB: first.peakMemoryMB)
        // Where the time went (each phase's median), and the least time SQLite alone needs for what the import wrote.
        let row = { (name: String, times: [Double]) in
            BenchResult(name: "· \(name)", items: lines, times: times, target: "—", peakMemoryMB: first.peakMemoryMB)
        }
        var anatomy = first.timing.phases.indices.map { index in
            row(first.timing.phases[index].name, measured.map { $0.timing.phases[index].seconds })
        }
        anatomy.append(row("commit (fsync)", measured.map(\.commitSeconds)))
        anatomy += first.timing.asides.indices.map { index in
            row("(\(first.timing.asides[index].name))", measured.map { $0.timing.asides[index].seconds })
        }
        anatomy.append(row("WAL checkpoint, after the import returned", measured.map(\.checkpointSeconds)))
        let references = measured.map { String(format: "%.3f", $0.referenceSeconds) }.joined(separator: ", ")
        anatomy.append(BenchResult(name: "· SQLite reference, before each run" + (measured.count > 1 ? " (\(references) s)" : ""),
                                   items: SQLiteFloor.referenceRows, times: measured.map(\.referenceSeconds),
                                   target: "slower than usual: the machine, not the import, was slow", peakMemoryMB: first.peakMemoryMB))
        let written = first.written ?? (rows: 0, indexEntries: 0)
        let floor = try SQLiteFloor.measure(rows: floorRows, folder: folder)
        let perLine = { (count: Int) in String(format: "%.1f", Double(count) / Double(max(1, lines))) }
        anatomy.append(BenchResult(
            name: "· SQLite floor: \(perLine(written.rows)) rows + \(perLine(written.indexEntries)) index entries a line",
            items: lines, times: [floor.seconds(rows: written.rows, indexEntries: written.indexEntries)],
            target: String(format: "lower bound (%.0f rows/s, %.0f entries/s)", floor.rowsPerSecond, floor.indexEntriesPerSecond),
            peakMemoryMB: first.peakMemoryMB))
        return [register, result] + anatomy
    }

    /// A set-up database at `path` with `count` synthetic dossiers, its WAL folded in so that a copy of
    /// the file is complete; returns the registration's figure.
    private static func setUpDossiers(config: FeeDeskConfig, count: Int, at path: String) throws -> BenchResult {
        let register: BenchResult
        do {
            let app = try FeeDesk(config: config, databasePath: path)
            try app.setUp(by: "bench")
            register = BenchResult(name: "register \(count) dossiers (setup, bulk)", items: count,
                                   times: try BenchResult.time(runs: 1) { try registerDossiers(app, count: count) }, target: "—")
        }
        try SQLiteConnection(path: path, create: false).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return register
    }

    /// Removes a database file with its WAL and shared-memory files, and `also`.
    private static func removeDatabase(_ path: String, also: [String] = []) {
        for file in [path, path + "-wal", path + "-shm"] + also { try? FileManager.default.removeItem(atPath: file) }
    }

    /// A census of the database at `path` through its own small-cache connection, so that reading every
    /// page does not fill the application's caches (and its peak memory).
    static func census(_ path: String) throws -> StorageCensus {
        let connection = try SQLiteConnection(path: path, create: false)
        try connection.execute("PRAGMA cache_size=-2048")
        return try connection.readTransaction { try StorageCensus.take($0) }
    }

    /// Inserts `count` synthetic dossiers in one transaction (no audit rows: benchmark setup only).
    static func registerDossiers(_ app: FeeDesk, count: Int) throws {
        let ledger = SyntheticLedger(format: app.config.referenceFormat, firstDay: LocalDate(daysSinceEpoch: 20_780))
        let procedure = app.config.feeSchedule.fees.first?.procedure ?? ""
        try app.database.write { connection in
            let dossiers = DossierRepository(connection, calendar: app.calendar)
            let start = app.calendar.startOfDay(ledger.firstDay)
            for index in 0..<count {
                let seed = ledger.dossier(index)
                try dossiers.insert(Dossier(code: seed.code, procedure: procedure, applicant: seed.applicant,
                                            amountDue: seed.amount, desk: "Q1", reference: seed.reference,
                                            registeredAt: start.addingTimeInterval(Double(index % 20_000))))
            }
            try connection.run("INSERT INTO counter (name, value) VALUES ('payment_reference', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value", count)
        }
    }

    /// Writes a synthetic statement of `lines` credits paying the first `dossiers` synthetic dossiers,
    /// `perDay` credits a day; returns the sum of the credits.
    @discardableResult
    static func writeStatement(format: SyntheticFormat, lines: Int, dossiers: Int, perDay: Int = 20_000, to path: String) throws -> Money {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw AppError.file(path: path, message: "cannot be written")
        }
        defer { try? handle.close() }
        var ledger = SyntheticLedger(format: .standard, firstDay: LocalDate(daysSinceEpoch: 20_780))
        ledger.perDay = perDay
        var generator = SplitMix64(seed: 42)
        var buffer = ""
        var total: Int64 = 0
        func flush(force: Bool = false) {
            if force || buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        let opening: Int64 = 1_000_000_000
        switch format {
        case .csv:
            buffer += "SAO KÊ TÀI KHOẢN\r\n\"Số tài khoản: 0071000123456\"\r\n\"Số dư đầu kỳ: \(opening)\"\r\n"
            buffer += "Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Nội dung\r\n"
        case .mt940:
            buffer += ":20:BENCH\r\n:25:0071000123456\r\n:28C:1/1\r\n:60F:C\(mt940Date(ledger.firstDay))VND\(opening),\r\n"
        }
        for index in 0..<lines {
            let line = ledger.credit(index % dossiers, count: dossiers, generator: &generator)
            total += line.amount.dong
            switch format {
            case .csv:
                let day = line.day
                buffer += "\(pad2(day.day))/\(pad2(day.month))/\(day.year),\(line.bankReference),,\(line.amount.dong),\""
                    + line.memo.replacingOccurrences(of: "\"", with: "\"\"") + "\"\r\n"
            case .mt940:
                let date = mt940Date(line.day)
                buffer += ":61:\(date)\(date.suffix(4))C\(line.amount.dong),NTRFNONREF//\(line.bankReference)\r\n:86:"
                    + line.memo.replacingOccurrences(of: "\n", with: " ") + "\r\n"
            }
            flush()
        }
        switch format {
        case .csv: buffer += "\"Số dư cuối kỳ: \(opening + total)\"\r\n"
        case .mt940:
            let last = ledger.firstDay.adding(days: max(0, lines - 1) / perDay)
            buffer += ":62F:C\(mt940Date(last))VND\(opening + total),\r\n-\r\n"
        }
        flush(force: true)
        return Money(dong: total)
    }

    private static func mt940Date(_ day: LocalDate) -> String {
        "\(pad2(day.year % 100))\(pad2(day.month))\(pad2(day.day))"
    }

    private static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
