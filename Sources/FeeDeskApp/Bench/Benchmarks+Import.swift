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

    /// Registers `lines` dossiers, then imports and matches a statement of `lines` credits into a fresh
    /// database, end to end (issue targets: ≥ 200,000 lines/s; 1,000,000 lines in ≤ 10 s; < 400 MB).
    ///
    /// After the import figure come its phases and the SQLite floor for what it wrote: the rows and
    /// index entries it added (counted with `StorageCensus`) at the rates `SQLiteFloor` measures with
    /// `floorRows` rows.
    public static func importStatement(config: FeeDeskConfig, format: SyntheticFormat, lines: Int, folder: String,
                                       floorRows: Int = 1_000_000,
                                       progress: (@Sendable (Int) -> Void)? = nil) throws -> [BenchResult] {
        let databasePath = folder + "/bench-import-\(UUID().uuidString).sqlite"
        let statementPath = folder + "/bench-import-\(UUID().uuidString).\(format.rawValue)"
        defer {
            for path in [databasePath, databasePath + "-wal", databasePath + "-shm", statementPath] {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        let app = try FeeDesk(config: config, databasePath: databasePath)
        try app.setUp(by: "bench")
        // Each figure's peak memory is read when its phase ends, so setup does not hide in the import's.
        let register = BenchResult(name: "register \(lines) dossiers (setup, bulk)", items: lines,
                                   times: try BenchResult.time(runs: 1) { try registerDossiers(app, count: lines) }, target: "—")
        try writeStatement(format: format, lines: lines, dossiers: lines, to: statementPath)
        let upload = StatementUpload(data: try Data(contentsOf: URL(fileURLWithPath: statementPath), options: .alwaysMapped),
                                     fileName: "bench.\(format.rawValue)", format: format == .csv ? .csv : .mt940,
                                     accountID: config.accounts.first?.id)
        var report: ImportReport?
        let before = try census(databasePath)
        let timing = ImportTiming()
        let times = try BenchResult.time(runs: 1) {
            report = try app.importStatement(upload, by: "bench", progress: progress, timing: timing)
        }
        let matched = report.map { $0.outcomes.matched + $0.outcomes.underpaid + $0.outcomes.overpaid + $0.outcomes.duplicate } ?? 0
        let result = BenchResult(name: "import+match \(format.rawValue) (\(matched) auto of \(report?.credits ?? 0))", items: lines,
                                 times: times, target: "≥ 200,000 lines/s; 1M in ≤ 10 s; < 400 MB")
        // Where the time went, and the least time SQLite alone needs for what the import wrote.
        let phaseSeconds = timing.phases.map(\.seconds).reduce(0, +)
        var anatomy = timing.phases.map { BenchResult(name: "· \($0.name)", items: lines, times: [$0.seconds], target: "—") }
        anatomy.append(BenchResult(name: "· commit (fsync)", items: lines, times: [max(0, result.seconds - phaseSeconds)], target: "—"))
        anatomy += timing.asides.map { BenchResult(name: "· (\($0.name))", items: lines, times: [$0.seconds], target: "—") }
        // After the import returned: the WAL checkpoint it left to a connection of its own.
        anatomy.append(BenchResult(name: "· WAL checkpoint, after the import returned", items: lines,
                                   times: BenchResult.time(runs: 1) { app.database.waitForCheckpoints() }, target: "—"))
        let written = try census(databasePath).added(since: before)
        let floor = try SQLiteFloor.measure(rows: floorRows, folder: folder)
        let perLine = { (count: Int) in String(format: "%.1f", Double(count) / Double(max(1, lines))) }
        anatomy.append(BenchResult(
            name: "· SQLite floor: \(perLine(written.rows)) rows + \(perLine(written.indexEntries)) index entries a line",
            items: lines, times: [floor.seconds(rows: written.rows, indexEntries: written.indexEntries)],
            target: String(format: "lower bound (%.0f rows/s, %.0f entries/s)", floor.rowsPerSecond, floor.indexEntriesPerSecond)))
        return [register, result] + anatomy
    }

    /// A census of the database at `path` through its own small-cache connection, so that reading every
    /// page does not fill the application's caches (and its peak memory).
    private static func census(_ path: String) throws -> StorageCensus {
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
