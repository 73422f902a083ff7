import Foundation

/// Entry point: detects the format of a statement file and streams it to a ``StatementVisitor``.
public enum StatementReader {
    /// Parses `data` and calls `visitor` for every statement header, line and trailer, in file order.
    ///
    /// Memory stays bounded by the size of `data` (plus one converted copy for Windows-1258 text):
    /// lines are delivered one at a time and never collected.
    /// - Parameters:
    ///   - format: `.auto` detects MT940, camt or CSV from the content.
    ///   - profile: the bank profile for CSV; nil uses ``BankProfile/generic``. Ignored for MT940/camt.
    ///   - fileName: used verbatim in error messages.
    /// - Throws: ``StatementError`` for bad input, or whatever the visitor throws.
    public static func read<V: StatementVisitor>(
        data: Data, format: StatementFormatChoice = .auto, profile: BankProfile? = nil, fileName: String,
        visitor: inout V
    ) throws -> StatementReadSummary {
        let family = format == .auto ? try detectFormat(data: data, fileName: fileName) : nil
        switch (format, family) {
        case (.mt940, _), (_, .mt940?):
            return try TextDecoder.withUTF8(data, encoding: .auto, fileName: fileName) { bytes in
                var parser = MT940Parser(bytes: bytes, fileName: fileName)
                return try parser.run(visitor: &visitor)
            }
        case (.camt, _), (_, .camt053?), (_, .camt054?):
            return try CamtReader.read(data: data, fileName: fileName, visitor: &visitor)
        default:
            let chosen = profile ?? BankProfile.generic
            return try TextDecoder.withUTF8(data, encoding: chosen.encoding, fileName: fileName) { bytes in
                let parser = CSVStatementParser(bytes: bytes, profile: chosen, fileName: fileName)
                return try parser.run(visitor: &visitor)
            }
        }
    }

    /// Parses a whole file into memory. For small files, previews and tests.
    public static func parseAll(
        data: Data, format: StatementFormatChoice = .auto, profile: BankProfile? = nil, fileName: String
    ) throws(StatementError) -> ParsedStatementFile {
        var collector = CollectingVisitor()
        do {
            let summary = try read(data: data, format: format, profile: profile, fileName: fileName, visitor: &collector)
            return ParsedStatementFile(format: summary.format, statements: collector.statements)
        } catch let error as StatementError {
            throw error
        } catch {
            throw StatementError(.syntax, file: fileName, "\(error)")
        }
    }

    /// Detects the format from the content: `{1:` or a line starting with `:20:` → MT940; XML whose
    /// root is a camt.053/054 `Document` → camt; any other text → CSV.
    /// - Throws: ``StatementError`` for binary data, an empty file, or XML that is not camt.053/054.
    public static func detectFormat(data: Data, fileName: String) throws(StatementError) -> StatementFormat {
        let prefix = data.prefix(65_536)
        var bytes = [UInt8](prefix)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw StatementError(.encoding, file: fileName, "the file is UTF-16 text; save it as UTF-8 or windows-1258")
        }
        let sample = bytes.withUnsafeBufferPointer { TextDecoder.scanText($0) }
        if sample.controlByteOffset != nil {
            throw StatementError(.binary, file: fileName, "binary data, not a bank statement")
        }
        guard let first = bytes.firstIndex(where: { !ByteText.isBlankOrNewline($0) }) else {
            throw StatementError(.syntax, file: fileName, "the file is empty")
        }
        if bytes[first] == UInt8(ascii: "<") {
            return try CamtReader.detect(data: data, fileName: fileName)
        }
        if bytes[first...].starts(with: Array("{1:".utf8)) || bytes[first...].starts(with: Array(":20:".utf8)) {
            return .mt940
        }
        let tag20 = Array(":20:".utf8)
        for index in first..<bytes.count where bytes[index] == ByteText.newline {
            if bytes[(index + 1)...].starts(with: tag20) { return .mt940 }
        }
        return .csv
    }
}
