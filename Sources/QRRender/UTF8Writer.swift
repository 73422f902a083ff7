/// Appends UTF-8 bytes into a buffer whose size was computed up front (the renderers' hot path).
///
/// Every write checks the remaining room with a `precondition`, so a wrong size estimate stops the
/// process instead of writing past the buffer; the renderers size their buffers from exact worst cases.
struct UTF8Writer: ~Copyable {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// Bytes written so far.
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Builds a `String` of at most `capacity` UTF-8 bytes written by `body`.
    static func string(capacity: Int, _ body: (inout UTF8Writer) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var writer = UTF8Writer(buffer)
            body(&writer)
            return writer.count
        }
    }

    /// Writes one byte.
    @inline(__always)
    mutating func write(_ byte: UInt8) {
        precondition(count < buffer.count, "UTF8Writer buffer too small")
        buffer[count] = byte
        count += 1
    }

    /// Writes the bytes of a string (typically a literal).
    mutating func write(_ text: StaticString) {
        text.withUTF8Buffer { bytes in
            precondition(count + bytes.count <= buffer.count, "UTF8Writer buffer too small")
            for byte in bytes {
                buffer[count] = byte
                count += 1
            }
        }
    }

    /// Writes the decimal digits of a non-negative integer (at most 19 bytes).
    mutating func writeDecimal(_ value: Int) {
        precondition(value >= 0, "writeDecimal takes a non-negative value")
        // Fast path for one and two digits, most module coordinates and run widths.
        if value < 10 {
            write(UInt8(truncatingIfNeeded: 48 + value))
            return
        }
        if value < 100 {
            write(UInt8(truncatingIfNeeded: 48 + value / 10))
            write(UInt8(truncatingIfNeeded: 48 + value % 10))
            return
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            write(UInt8(truncatingIfNeeded: 48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Writes `text` as XML character data, growing it by at most 6 bytes per input byte.
    ///
    /// `&`, `<`, `>`, `"` and `'` are escaped; the control characters XML 1.0 forbids (below U+0020
    /// except tab, line feed and carriage return) are left out.
    mutating func writeEscapedXMLText(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): write("&amp;")
            case UInt8(ascii: "<"): write("&lt;")
            case UInt8(ascii: ">"): write("&gt;")
            case UInt8(ascii: "\""): write("&quot;")
            case UInt8(ascii: "'"): write("&apos;")
            case 0x09, 0x0A, 0x0D: write(byte)
            case 0..<0x20: continue
            default: write(byte)
            }
        }
    }
}
