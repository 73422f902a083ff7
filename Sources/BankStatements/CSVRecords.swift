import Foundation

/// Generic RFC 4180 reading for other CSV files FeeDesk accepts (the one-stop system's dossier
/// register): the same decoding (UTF-8 with or without BOM, Windows-1258, NFC) and quoting rules as
/// bank exports, one record at a time.
public enum CSVRecords {
    /// Calls `visit` with each record's first line number and its fields (trimmed, NFC), in order.
    /// The delimiter is `,`, or `;`/tab when the first record holds more of those.
    public static func forEach(data: Data, fileName: String, encoding: TextEncoding = .auto,
                               visit: (_ line: Int, _ fields: [String]) throws -> Void) throws {
        do {
            try TextDecoder.withUTF8(data, encoding: encoding, fileName: fileName) { bytes in
                var reader = CSVRecordReader(bytes: bytes, delimiter: delimiter(of: bytes), fileName: fileName)
                var fields: [CSVField] = []
                while let record = try reader.next(into: &fields) {
                    let values = fields.map { CSVRecordReader.string(bytes, $0) }
                    if values.allSatisfy(\.isEmpty) { continue }
                    try visit(record.line, values)
                }
            }
        } catch let error as StatementError where error.kind == .binary {
            throw StatementError(.binary, file: fileName, "binary data, not a CSV text file")
        }
    }

    /// The delimiter the first line uses most among `,`, `;` and tab.
    private static func delimiter(of bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        for byte in bytes.prefix(while: { $0 != ByteText.newline }) where counts[byte] != nil { counts[byte, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? UInt8(ascii: ",")
    }
}
