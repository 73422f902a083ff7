import FeeDeskApp
import Foundation

/// Writes command output to a file without ever leaving a half-written one under the final name.
enum OutputFile {
    /// Writes `bytes` beside `path`, then renames the copy into place.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary), options: .atomic)
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw AppError.file(path: path, message: "cannot be written (\(error.localizedDescription))")
        }
    }
}

extension CommandContext {
    /// Sends rendered output to `--out FILE` when given, else to standard output (refusing binary data
    /// on a terminal).
    func deliver(_ bytes: [UInt8], binary: Bool = false) throws {
        if let path = arguments.option("out") {
            try OutputFile.write(bytes, to: path)
        } else if binary && isatty(STDOUT_FILENO) == 1 {
            throw AppError.input("a PNG image cannot be written to a terminal; use --out FILE")
        } else {
            console.outBytes(bytes)
        }
    }
}
