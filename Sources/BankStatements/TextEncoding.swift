import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The character encoding of a text export.
public enum TextEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// Windows-1258 (Vietnamese code page, combining tone marks), decoded with iconv.
    case windows1258 = "windows-1258"
    /// UTF-8 when the bytes are valid UTF-8, Windows-1258 otherwise.
    case auto
}

/// Turns file bytes into UTF-8 text, refusing binary data.
enum TextDecoder {
    /// Calls `body` with UTF-8 bytes (BOM removed, Windows-1258 converted). Tone marks are left as the
    /// source has them; fields are NFC-normalised when they are turned into Strings.
    static func withUTF8<R>(
        _ data: Data, encoding: TextEncoding, fileName: String,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) throws -> R {
        try data.withUnsafeBytes { raw -> R in
            let all = raw.bindMemory(to: UInt8.self)
            var start = 0
            if all.count >= 3, all[0] == 0xEF, all[1] == 0xBB, all[2] == 0xBF { start = 3 }
            let bytes = UnsafeBufferPointer(rebasing: all[start...])
            try refuseUTF16(all, fileName: fileName)
            let scan = scanText(bytes)
            if let offset = scan.controlByteOffset {
                _ = offset
                throw StatementError(.binary, file: fileName, "binary data, not a bank statement")
            }
            let useUTF8: Bool
            switch encoding {
            case .utf8:
                if let offset = scan.invalidUTF8Offset {
                    let line = lineNumber(bytes, offset)
                    throw StatementError(.encoding, file: fileName, at: .line(line),
                                         "byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) is not valid UTF-8 (the bank profile says utf-8; is the file windows-1258?)")
                }
                useUTF8 = true
            case .windows1258:
                useUTF8 = start == 3 || !scan.hasNonASCII
            case .auto:
                useUTF8 = scan.invalidUTF8Offset == nil
            }
            if useUTF8 { return try body(bytes) }
            if let offset = firstUndefinedWindows1258Byte(bytes) {
                if encoding == .windows1258 {
                    throw StatementError(.encoding, file: fileName, at: .line(lineNumber(bytes, offset)),
                                         "byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) is not defined in windows-1258")
                }
                throw StatementError(.binary, file: fileName, "binary data, not a bank statement")
            }
            let converted = try convertWindows1258(bytes, fileName: fileName)
            return try converted.withUnsafeBufferPointer { try body($0) }
        }
    }

    struct Scan {
        var invalidUTF8Offset: Int?
        var controlByteOffset: Int?
        var hasNonASCII = false
    }

    /// One pass over the bytes: UTF-8 validity and control characters that text never contains.
    static func scanText(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        var scan = Scan()
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return scan }
        while index < count {
            if index + 8 <= count {
                // Fast path: eight ASCII bytes, none a control character.
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0,
                   (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C, byte != 0x0B, byte != 0x1A {
                    scan.controlByteOffset = index
                    return scan
                }
                index += 1
                continue
            }
            scan.hasNonASCII = true
            let length = sequenceLength(bytes, index)
            if length == 0 {
                if scan.invalidUTF8Offset == nil { scan.invalidUTF8Offset = index }
                index += 1
            } else {
                index += length
            }
        }
        return scan
    }

    /// Length of the valid UTF-8 sequence at `index`, 0 when invalid.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let lead = bytes[index]
        let count = bytes.count
        func continuation(_ offset: Int) -> Bool {
            index + offset < count && bytes[index + offset] & 0xC0 == 0x80
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard continuation(1), continuation(2) else { return 0 }
            let second = bytes[index + 1]
            if lead == 0xE0 && second < 0xA0 { return 0 }
            if lead == 0xED && second > 0x9F { return 0 }
            return 3
        case 0xF0...0xF4:
            guard continuation(1), continuation(2), continuation(3) else { return 0 }
            let second = bytes[index + 1]
            if lead == 0xF0 && second < 0x90 { return 0 }
            if lead == 0xF4 && second > 0x8F { return 0 }
            return 4
        default:
            return 0
        }
    }

    /// Windows-1258 leaves 0x81, 0x8A, 0x8D–0x90, 0x9A, 0x9D and 0x9E undefined.
    private static func firstUndefinedWindows1258Byte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for index in bytes.indices {
            switch bytes[index] {
            case 0x81, 0x8A, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9D, 0x9E: return index
            default: continue
            }
        }
        return nil
    }

    /// UTF-16 files start with FF FE or FE FF; they would look binary, so say what they are.
    private static func refuseUTF16(_ bytes: UnsafeBufferPointer<UInt8>, fileName: String) throws {
        guard bytes.count >= 2 else { return }
        if (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw StatementError(.encoding, file: fileName, "the file is UTF-16 text; save it as UTF-8 or windows-1258")
        }
    }

    /// Converts Windows-1258 to UTF-8 with glibc iconv, 64 KiB at a time (memory stays near the
    /// size of the result).
    static func convertWindows1258(_ bytes: UnsafeBufferPointer<UInt8>, fileName: String) throws -> [UInt8] {
        let converter = iconv_open("UTF-8", "WINDOWS-1258")
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw StatementError(.encoding, file: fileName, "iconv cannot convert from windows-1258 (errno \(errno))")
        }
        defer { iconv_close(converter) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 4 + 16)
        guard let inBase = bytes.baseAddress else { return output }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase).assumingMemoryBound(to: CChar.self)
        var inLeft = bytes.count
        var flushed = false
        while !flushed {
            let finalCall = inLeft == 0
            let (produced, failure): (Int, Int32?) = chunk.withUnsafeMutableBufferPointer { out in
                guard let outBase = out.baseAddress else { return (0, nil) }
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                var outLeft = out.count
                let result: Int
                if finalCall {
                    // Flush any pending base letter waiting for a combining mark.
                    var noInput: UnsafeMutablePointer<CChar>? = nil
                    var zero = 0
                    result = iconv(converter, &noInput, &zero, &outPointer, &outLeft)
                } else {
                    result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                }
                let code = errno
                return (out.count - outLeft, result == -1 && code != E2BIG ? code : nil)
            }
            output.append(contentsOf: chunk[0..<produced])
            if let failure {
                let offset = bytes.count - inLeft
                throw StatementError(.encoding, file: fileName, at: .line(lineNumber(bytes, offset)),
                                     "windows-1258 text cannot be converted (errno \(failure))")
            }
            flushed = finalCall
        }
        return output
    }

    /// 1-based line number of a byte offset.
    static func lineNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        var line = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] == ByteText.newline { line += 1 }
        return line
    }
}
