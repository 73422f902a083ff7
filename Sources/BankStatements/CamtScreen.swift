import Foundation

/// What a camt file must not contain before Foundation's `XMLParser` may read it.
///
/// swift-corelibs-foundation's `XMLParser` stops the process on some inputs that libxml2 itself
/// handles: it force-unwraps a `String` made from every element and attribute name, which fails when
/// libxml2, recovering from an encoding error, reports a name that is not UTF-8; and it reads the
/// data of a processing instruction, and several pointers of DTD declarations, without checking them
/// for NULL (`<?x?>` dereferences a null pointer). All found by `make fuzz` (target camt). ISO 20022
/// messages are UTF-8, are described by XML Schemas and carry neither a DTD nor processing
/// instructions, so refusing these up front loses no real statement. It also rules out entity
/// expansion and external entities.
enum CamtScreen {
    /// Refuses control bytes, bytes that are not UTF-8, document type declarations and processing
    /// instructions other than a well-formed XML declaration at the start (after an optional UTF-8
    /// byte-order mark), wherever they are, comments and CDATA sections included.
    static func check(_ data: Data, fileName: String) throws(StatementError) {
        let problem: StatementError? = data.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            let hasBOM = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF
            let bytes = UnsafeBufferPointer(rebasing: all[(hasBOM ? 3 : 0)...])
            let scan = TextDecoder.scanText(bytes)
            let line = { (offset: Int) in SourceLocation.line(TextDecoder.lineNumber(bytes, offset)) }
            if let offset = scan.controlByteOffset {
                return StatementError(.binary, file: fileName, at: line(offset),
                                      "control byte 0x\(hex(bytes[offset])) is not allowed in XML")
            }
            if let offset = scan.invalidUTF8Offset {
                return StatementError(.encoding, file: fileName, at: line(offset),
                                      "byte 0x\(hex(bytes[offset])) is not valid UTF-8 (camt files are UTF-8)")
            }
            if let (offset, what) = forbiddenMarkup(bytes) {
                return StatementError(.syntax, file: fileName, at: line(offset), "\(what) is not allowed in a camt file")
            }
            return nil
        }
        if let problem { throw problem }
    }

    /// The first document type declaration, or processing instruction other than a well-formed XML
    /// declaration at the very start: its offset and a description naming it.
    ///
    /// Comments and CDATA sections are not skipped: libxml2 recovers from errors inside them in its
    /// own way, and a screen that skipped them could disagree with it about where they end. Text
    /// cannot hold a raw `<`, so this refuses nothing a bank writes in a memo.
    static func forbiddenMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, String)? {
        var index = 0
        if matches(bytes, Markup.declaration, at: 0), bytes.count > 5, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[5]) {
            let close = end(of: Markup.instructionEnd, in: bytes, from: 5)
            let inside = bytes[5..<max(5, close - 2)]
            guard close <= bytes.count, matches(bytes, Markup.instructionEnd, at: close - 2),
                  !inside.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else {
                let shown = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }.prefix(30)
                return (0, "a malformed XML declaration ('\(String(decoding: shown, as: UTF8.self))')")
            }
            index = close
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if matches(bytes, Markup.doctype, at: index, ignoringCase: true) {
                return (index, "a document type declaration ('<!DOCTYPE')")
            }
            if matches(bytes, Markup.instruction, at: index) {
                let name = bytes[(index + 2)...].prefix { $0 > 0x20 && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: ">") }.prefix(20)
                return (index, "a processing instruction ('<?\(String(decoding: name, as: UTF8.self))')")
            }
            index += 1
        }
        return nil
    }

    /// The markup the screen looks for, as bytes.
    private enum Markup {
        static let doctype = Array("<!DOCTYPE".utf8)
        static let instruction = Array("<?".utf8)
        static let declaration = Array("<?xml".utf8)
        static let instructionEnd = Array("?>".utf8)
    }

    /// True when `pattern` (ASCII) occurs at `index`; letters match either case with `ignoringCase`.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], at index: Int, ignoringCase: Bool = false) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for (offset, expected) in pattern.enumerated() {
            let byte = bytes[index + offset]
            guard byte == expected || (ignoringCase && byte | 0x20 == expected | 0x20 && expected >= UInt8(ascii: "A")) else { return false }
        }
        return true
    }

    /// The offset just after the first `terminator` at or after `start`, or the end of the bytes.
    private static func end(of terminator: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if matches(bytes, terminator, at: index) { return index + terminator.count }
            index += 1
        }
        return bytes.count
    }

    /// Two upper-case hex digits.
    private static func hex(_ byte: UInt8) -> String {
        (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }
}
