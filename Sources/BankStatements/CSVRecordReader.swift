/// One field of a CSV record: the byte range of its content (without quotes).
struct CSVField {
    var range: Range<Int>
    /// True when the content holds doubled quotes (`""`) that stand for one quote.
    var escaped: Bool
}

/// RFC 4180 record reader over bytes: quoted fields may hold delimiters, quotes (`""`) and line
/// breaks. Excel's `="0123"` text cells are unwrapped.
struct CSVRecordReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let fileName: String
    private(set) var position = 0
    private(set) var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, fileName: String) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.fileName = fileName
    }

    /// Reads the next record into `fields`; returns its first line and byte range, nil at the end.
    mutating func next(into fields: inout [CSVField]) throws -> (line: Int, range: Range<Int>)? {
        let count = bytes.count
        guard position < count else { return nil }
        fields.removeAll(keepingCapacity: true)
        let recordStart = position
        let startLine = line
        var index = position
        while true {
            while index < count, bytes[index] == ByteText.space, delimiter != ByteText.space { index += 1 }
            if index < count, bytes[index] == ByteText.quote {
                index += 1
                let contentStart = index
                var escaped = false
                while true {
                    while index < count, bytes[index] != ByteText.quote {
                        if bytes[index] == ByteText.newline { line += 1 }
                        index += 1
                    }
                    guard index < count else {
                        throw StatementError(.syntax, file: fileName, at: .line(startLine), "a quoted field is never closed")
                    }
                    if index + 1 < count, bytes[index + 1] == ByteText.quote {
                        escaped = true
                        index += 2
                        continue
                    }
                    break
                }
                fields.append(CSVField(range: contentStart..<index, escaped: escaped))
                index += 1
                while index < count, ByteText.isBlank(bytes[index]), bytes[index] != delimiter { index += 1 }
                if index < count, bytes[index] != delimiter, bytes[index] != ByteText.newline, bytes[index] != ByteText.carriageReturn {
                    throw StatementError(.syntax, file: fileName, at: .line(line), "unexpected text after a closing quote")
                }
            } else {
                let fieldStart = index
                while index < count {
                    let byte = bytes[index]
                    if byte == delimiter || byte == ByteText.newline || byte == ByteText.carriageReturn { break }
                    index += 1
                }
                fields.append(unwrapped(fieldStart..<index))
            }
            if index >= count {
                position = count
                return (startLine, recordStart..<count)
            }
            let byte = bytes[index]
            if byte == delimiter {
                index += 1
                continue
            }
            let recordEnd = index
            index += 1
            if byte == ByteText.carriageReturn, index < count, bytes[index] == ByteText.newline { index += 1 }
            line += 1
            position = index
            return (startLine, recordStart..<recordEnd)
        }
    }

    /// `="0071001234567"` → `0071001234567` (Excel keeps leading zeros that way).
    private func unwrapped(_ range: Range<Int>) -> CSVField {
        let inner = ByteText.trimmed(bytes, range)
        if inner.count >= 3, bytes[inner.lowerBound] == UInt8(ascii: "="), bytes[inner.lowerBound + 1] == ByteText.quote,
           bytes[inner.upperBound - 1] == ByteText.quote {
            return CSVField(range: (inner.lowerBound + 2)..<(inner.upperBound - 1), escaped: false)
        }
        return CSVField(range: range, escaped: false)
    }

    /// The field as a String: quotes unescaped, trimmed, CR LF folded, NFC-normalised.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> String {
        guard field.escaped else { return ByteText.string(bytes, ByteText.trimmed(bytes, field.range)) }
        var copy: [UInt8] = []
        copy.reserveCapacity(field.range.count)
        var index = field.range.lowerBound
        while index < field.range.upperBound {
            copy.append(bytes[index])
            index += bytes[index] == ByteText.quote ? 2 : 1
        }
        return copy.withUnsafeBufferPointer { ByteText.string($0, ByteText.trimmed($0, 0..<$0.count)) }
    }
}
