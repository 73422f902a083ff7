import FeeDeskCore
import Foundation

extension Benchmarks {
    /// Imports a synthetic register of `rows` new dossiers with `importDossiers` (the path of
    /// `feedesk dossier import`) into a fresh database, then the same file again (every row unchanged).
    /// Issue target: 1,000,000 rows in ≤ 15 s with bounded memory.
    public static func register(config: FeeDeskConfig, rows: Int, folder: String) throws -> [BenchResult] {
        let databasePath = folder + "/bench-register-\(UUID().uuidString).sqlite"
        let registerPath = folder + "/bench-register-\(UUID().uuidString).csv"
        defer {
            for path in [databasePath, databasePath + "-wal", databasePath + "-shm", registerPath] { try? FileManager.default.removeItem(atPath: path) }
        }
        let app = try FeeDesk(config: config, databasePath: databasePath)
        try app.setUp(by: "bench")
        guard let fee = config.feeSchedule.fees.first else { throw AppError.input("the fee schedule is empty") }
        try writeRegister(rows: rows, procedure: fee.procedure, to: registerPath)
        let data = try Data(contentsOf: URL(fileURLWithPath: registerPath), options: .alwaysMapped)
        var report: RegisterImportReport?
        let first = try BenchResult.time(runs: 1) {
            report = try app.importDossiers(data, fileName: "register.csv", format: .csv, by: "bench")
        }
        let firstResult = BenchResult(name: "dossier import (\(report?.new ?? 0) new of \(rows) rows)", items: rows, times: first,
                                      target: "1M rows ≤ 15 s, bounded memory")
        let again = try BenchResult.time(runs: 1) {
            report = try app.importDossiers(data, fileName: "register.csv", format: .csv, by: "bench")
        }
        return [firstResult, BenchResult(name: "dossier import again (\(report?.unchanged ?? 0) unchanged)", items: rows, times: again, target: "—")]
    }

    /// Writes a register CSV of `rows` synthetic dossiers (the ledger's codes, applicants and amounts).
    static func writeRegister(rows: Int, procedure: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw AppError.file(path: path, message: "cannot be written")
        }
        defer { try? handle.close() }
        let ledger = SyntheticLedger(format: .standard, firstDay: LocalDate(daysSinceEpoch: 20_780))
        var buffer = "Mã hồ sơ,Mã thủ tục,Người nộp,Số tiền,Quầy,Ngày tiếp nhận\r\n"
        for index in 0..<rows {
            let seed = ledger.dossier(index)
            buffer += "\(seed.code),\(procedure),\(seed.applicant),\(seed.amount.dong),Q\(index % 7 + 1),\(ledger.firstDay.adding(days: index / 20_000))T08:00:00+07:00\r\n"
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
    }
}
