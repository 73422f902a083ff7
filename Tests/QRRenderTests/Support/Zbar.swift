import Foundation

/// Runs ZBar's `zbarimg` (Debian package zbar-tools) to scan PNG bytes the way a phone would.
enum Zbar {
    /// The `zbarimg` executable on `PATH`, or `nil` when zbar-tools is not installed.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("zbarimg") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Whether scan-back tests can run.
    static var isInstalled: Bool { executable != nil }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes `png` to a temporary file and returns what `zbarimg --raw -q` reads from it, without the
    /// line feed zbarimg adds after each symbol.
    static func scan(png: [UInt8]) throws -> String {
        guard let executable else { throw Failure(description: "zbarimg is not installed") }
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("qrrender-\(UUID().uuidString).png")
        try Data(png).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = executable
        process.arguments = ["--raw", "-q", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "zbarimg exited with status \(process.terminationStatus) (4 = no symbol found)")
        }
        guard data.last == UInt8(ascii: "\n") else {
            throw Failure(description: "zbarimg output does not end with a line feed")
        }
        return String(decoding: data.dropLast(), as: UTF8.self)
    }
}
