import FeeDeskApp
import FeeDeskCore
import Foundation
import Synchronization

private let fixtureFolders = Mutex<[String]>([])

private func removeFixtureFolders() {
    for folder in fixtureFolders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
}

/// A fixed clock for tests.
struct FixedClock: WallClock {
    let instant: Date
    func now() -> Date { instant }
}

/// A temporary FeeDesk installation: a config folder with the repository's fee schedule and a database.
final class AppFixture: @unchecked Sendable { // immutable after init
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let folder: String

    init(config: String = AppFixture.standardConfig, fees: String? = nil) throws {
        folder = NSTemporaryDirectory() + "feedesk-app-tests-" + UUID().uuidString
        AppFixture.cleanup
        fixtureFolders.withLock { $0.append(folder) }
        try FileManager.default.createDirectory(atPath: folder + "/config", withIntermediateDirectories: true)
        let feeText = try fees ?? String(contentsOf: AppFixture.repository.appendingPathComponent("config/fees.json"), encoding: .utf8)
        try feeText.write(toFile: folder + "/config/fees.json", atomically: true, encoding: .utf8)
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/config/bank-profiles",
                                                   withDestinationPath: AppFixture.repository.appendingPathComponent("config/bank-profiles").path)
        try FileManager.default.createSymbolicLink(atPath: folder + "/Samples",
                                                   withDestinationPath: AppFixture.repository.appendingPathComponent("Samples").path)
    }

    /// Folders are removed when the test process exits, not when the fixture is released: a test may
    /// keep using the application (and its files) after its last use of the fixture.
    private static let cleanup: Void = {
        atexit(removeFixtureFolders)
    }()

    /// A sample statement file's bytes.
    static func sample(_ name: String) throws -> Data {
        try Data(contentsOf: repository.appendingPathComponent("Samples/statements/\(name)"))
    }

    var configPath: String { folder + "/config/feedesk.json" }

    /// The application at 2026-11-22 09:00 in Hanoi.
    func app(at time: String = "2026-11-22T09:00:00+07:00") throws -> FeeDesk {
        try FeeDesk(config: FeeDeskConfig.load(path: configPath), clock: FixedClock(instant: Timestamp.parse(time)))
    }

    static let standardConfig = """
    {
      "unit": {"name": "Trung tâm Phục vụ Hành chính công (thử nghiệm)", "code": "000.06.16.G09"},
      "database": "../var/test.sqlite",
      "paymentReference": {"prefix": "HS", "sequenceDigits": 6},
      "accounts": [{"id": "main", "bin": "970436", "number": "0071000123456", "holder": "TRUNG TAM PVHCC"}],
      "partners": [{"id": "bank", "scheme": "standard-webhooks", "account": "main"}]
    }
    """
}
