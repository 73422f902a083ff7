#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streaming SWIFT MT940 parser over UTF-8 bytes.
///
/// Accepts plain files, `-`-separated or separator-less statements, FIN envelopes
/// `{1:…}{2:…}{4: … -}`, bank preambles before the first `:20:`, `:28C:` paging (`:62M:` followed by
/// `:60M:` on the next page continues the same statement) and statement-level `:86:`.
struct MT940Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let fileName: String

    /// The fields of the page being read (`:20:` … `:60x:`).
    struct Page {
        var reference: String?
        var account: String?
        var sequence: String?
        var line: Int
    }

    /// The logical statement being delivered (one or more pages).
    struct Open {
        var header: StatementHeader
        var currency: StaticCode
        var closing: Balance?
        var totals = StatementTotals()
        var information: [String] = []
        var awaitingContinuation: Bool { closing?.isIntermediate == true }
    }

    /// A `:61:` waiting for its `:86:` lines.
    struct Pending {
        var line: StatementLine
        var details: [Range<Int>] = []
    }

    var page: Page?
    var open: Open?
    var pending: Pending?
    var tag: (name: UInt32, line: Int, lineStart: Int)?
    var tagLines: [Range<Int>] = []
    /// The source lines of the pending `:61:` and its `:86:`, tags included.
    var rawLines: [Range<Int>] = []
    var lineNumber = 0
    var insideEnvelope = false
    var envelopeLine = 0
    var summary = StatementReadSummary(format: .mt940)

    init(bytes: UnsafeBufferPointer<UInt8>, fileName: String) {
        self.bytes = bytes
        self.fileName = fileName
        tagLines.reserveCapacity(8)
    }

    /// Reads the whole buffer, calling the visitor as statements and lines complete.
    mutating func run<V: StatementVisitor>(visitor: inout V) throws -> StatementReadSummary {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else {
            throw StatementError(.syntax, file: fileName, "the file is empty")
        }
        var position = 0
        while position < count {
            let lineStart = position
            var lineEnd: Int
            if let found = memchr(base + position, Int32(ByteText.newline), count - position) {
                lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                position = lineEnd + 1
            } else {
                lineEnd = count
                position = count
            }
            while lineEnd > lineStart, ByteText.isBlankOrNewline(bytes[lineEnd - 1]) { lineEnd -= 1 }
            lineNumber += 1
            try handleLine(lineStart, lineEnd, visitor: &visitor)
        }
        try finishTag(visitor: &visitor)
        try flushPending(visitor: &visitor)
        if insideEnvelope {
            throw StatementError(.truncated, file: fileName, at: .line(envelopeLine),
                                 "the {4: block opened here has no closing '-}' (the file may be truncated)")
        }
        try endStatement(visitor: &visitor, reason: "the file ends")
        if summary.statements == 0 {
            throw StatementError(.syntax, file: fileName, "no MT940 statement found (no :20: tag)")
        }
        return summary
    }

    private mutating func handleLine<V: StatementVisitor>(_ start: Int, _ end: Int, visitor: inout V) throws {
        guard start < end else { return }
        let first = bytes[start]
        if first == UInt8(ascii: "{"), end - start >= 3, ByteText.isDigit(bytes[start + 1]), bytes[start + 2] == ByteText.colon {
            try handleEnvelope(start, end, visitor: &visitor)
            return
        }
        if first == UInt8(ascii: "-"), end - start == 1 || bytes[start + 1] == UInt8(ascii: "}") {
            try finishTag(visitor: &visitor)
            try flushPending(visitor: &visitor)
            if end - start > 1 { insideEnvelope = false }
            try endMessage(visitor: &visitor)
            if let next = findBlock4(start, end) { try handleLine(next, end, visitor: &visitor) }
            return
        }
        if first == ByteText.colon, let (name, contentStart) = tagName(start, end) {
            try finishTag(visitor: &visitor)
            tag = (name, lineNumber, start)
            tagLines.removeAll(keepingCapacity: true)
            tagLines.append(contentStart..<end)
            return
        }
        if tag != nil { tagLines.append(start..<end) }
    }

    /// `{1:…}{2:…}{4:` header lines; content after `{4:` on the same line is read as a line.
    private mutating func handleEnvelope<V: StatementVisitor>(_ start: Int, _ end: Int, visitor: inout V) throws {
        guard let next = findBlock4(start, end) else { return }
        try finishTag(visitor: &visitor)
        insideEnvelope = true
        envelopeLine = lineNumber
        if next < end { try handleLine(next, end, visitor: &visitor) }
    }

    /// The offset just after `{4:` in the line, if present.
    private func findBlock4(_ start: Int, _ end: Int) -> Int? {
        var index = start
        while index + 2 < end {
            if bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "4"), bytes[index + 2] == ByteText.colon {
                var next = index + 3
                while next < end, ByteText.isBlank(bytes[next]) { next += 1 }
                return next
            }
            index += 1
        }
        return nil
    }

    /// Recognises `:NN:` or `:NNa:` at `start`; returns the tag packed in a UInt32 and where content starts.
    private func tagName(_ start: Int, _ end: Int) -> (UInt32, Int)? {
        guard end - start >= 4, ByteText.isDigit(bytes[start + 1]), ByteText.isDigit(bytes[start + 2]) else { return nil }
        let packed = UInt32(bytes[start + 1]) << 16 | UInt32(bytes[start + 2]) << 8
        if bytes[start + 3] == ByteText.colon { return (packed, start + 4) }
        guard end - start >= 5, ByteText.isLetter(bytes[start + 3]), bytes[start + 4] == ByteText.colon else { return nil }
        return (packed | UInt32(bytes[start + 3]), start + 5)
    }

    static func packed(_ text: StaticString) -> UInt32 {
        let pointer = text.utf8Start
        var value = UInt32(pointer[0]) << 16 | UInt32(pointer[1]) << 8
        if text.utf8CodeUnitCount > 2 { value |= UInt32(pointer[2]) }
        return value
    }

    static let tag20 = packed("20"), tag25 = packed("25"), tag28 = packed("28"), tag28C = packed("28C")
    static let tag60F = packed("60F"), tag60M = packed("60M"), tag61 = packed("61"), tag86 = packed("86")
    static let tag62F = packed("62F"), tag62M = packed("62M")

    /// Acts on the tag whose content is complete.
    private mutating func finishTag<V: StatementVisitor>(visitor: inout V) throws {
        guard let current = tag else { return }
        tag = nil
        let name = current.name
        let location = SourceLocation.line(current.line)
        switch name {
        case Self.tag61:
            try flushPending(visitor: &visitor)
            guard let currency = open?.currency, open?.closing == nil else {
                let reason = open == nil ? ":61: comes before the opening balance :60F:" : ":61: comes after the closing balance"
                throw StatementError(.syntax, file: fileName, at: location, reason)
            }
            pending = try parseStatementLine(at: current.line, currency: currency)
            appendRawLines(tagStart: current.lineStart)
        case Self.tag86:
            if pending != nil {
                pending?.details.append(contentsOf: tagLines)
                appendRawLines(tagStart: current.lineStart)
            } else if open != nil {
                open?.information.append(MT940Details.join(bytes, tagLines))
            }
        case Self.tag20:
            try flushPending(visitor: &visitor)
            if let statement = open, statement.closing == nil {
                throw truncatedError(statement, reason: "a new statement starts at line \(current.line)")
            }
            if open?.awaitingContinuation == false { try endStatement(visitor: &visitor, reason: "") }
            page = Page(reference: firstLineString(), line: current.line)
        case Self.tag25:
            let account = MT940Fields.account(firstLineString())
            page?.account = account
        case Self.tag28, Self.tag28C:
            let sequence = firstLineString()
            page?.sequence = sequence
        case Self.tag60F, Self.tag60M:
            try startPage(intermediate: name == Self.tag60M, location: location, visitor: &visitor)
        case Self.tag62F, Self.tag62M:
            try flushPending(visitor: &visitor)
            guard let statementCurrency = open?.currency, open?.closing == nil else {
                throw StatementError(.syntax, file: fileName, at: location, "closing balance without an opening balance :60F:")
            }
            let what = name == Self.tag62F ? "closing balance :62F:" : "closing balance :62M:"
            let balance = try MT940Fields.balance(bytes, tagLines[0], what: what, intermediate: name == Self.tag62M,
                                                  file: fileName, location: location)
            guard balance.currency == statementCurrency.code else {
                throw StatementError(.syntax, file: fileName, at: location,
                                     "\(what) currency \(balance.currency) differs from the opening balance currency \(statementCurrency.code)")
            }
            open?.closing = balance
        default:
            break
        }
    }

    /// `:60F:` starts a statement; `:60M:` continues the previous one when it ended with `:62M:`.
    private mutating func startPage<V: StatementVisitor>(intermediate: Bool, location: SourceLocation, visitor: inout V) throws {
        guard let page else {
            throw StatementError(.syntax, file: fileName, at: location, "opening balance before any :20: statement reference")
        }
        let what = intermediate ? "opening balance :60M:" : "opening balance :60F:"
        let balance = try MT940Fields.balance(bytes, tagLines[0], what: what, intermediate: intermediate,
                                              file: fileName, location: location)
        if let statement = open, let previous = statement.closing, statement.awaitingContinuation {
            if intermediate, statement.header.account == page.account, previous.currency == balance.currency {
                guard previous.amount == balance.amount else {
                    throw StatementError(.syntax, file: fileName, at: location,
                                         "\(what) \(Currency.format(minorUnits: balance.amount, currency: balance.currency)) does not continue the previous page's :62M: \(Currency.format(minorUnits: previous.amount, currency: previous.currency))")
                }
                open?.closing = nil
                return
            }
            try endStatement(visitor: &visitor, reason: "")
        }
        guard let currency = StaticCode(balance.currency) else {
            throw StatementError(.syntax, file: fileName, at: location, "\(what) currency '\(balance.currency)' is not an ISO 4217 code")
        }
        let header = StatementHeader(format: .mt940, account: page.account, currency: balance.currency,
                                     reference: page.reference, sequence: page.sequence, opening: balance,
                                     location: .line(page.line))
        open = Open(header: header, currency: currency)
        try visitor.beginStatement(header)
    }

    /// The end of a message (`-` or `-}`): a statement without closing balance is truncated.
    private mutating func endMessage<V: StatementVisitor>(visitor: inout V) throws {
        guard let statement = open else { return }
        if statement.closing == nil { throw truncatedError(statement, reason: "its message ends at line \(lineNumber)") }
        if !statement.awaitingContinuation { try endStatement(visitor: &visitor, reason: "") }
    }

    /// Delivers the trailer of the open statement.
    private mutating func endStatement<V: StatementVisitor>(visitor: inout V, reason: String) throws {
        guard let statement = open else { return }
        guard let closing = statement.closing else { throw truncatedError(statement, reason: reason) }
        open = nil
        let information = statement.information.filter { !$0.isEmpty }
        let trailer = StatementTrailer(opening: statement.header.opening, closing: closing, totals: statement.totals,
                                       information: information.isEmpty ? nil : information.joined(separator: "\n"))
        summary.statements += 1
        try visitor.endStatement(trailer)
    }

    private func truncatedError(_ statement: Open, reason: String) -> StatementError {
        let name = statement.header.reference.map { "statement '\($0)'" } ?? "the statement"
        let suffix = reason.isEmpty ? "" : " before \(reason)"
        return StatementError(.truncated, file: fileName, at: statement.header.location,
                              "\(name) has no closing balance :62F: or :62M:\(suffix) (the file may be truncated)")
    }

    /// Delivers the pending `:61:` with its `:86:` details.
    mutating func flushPending<V: StatementVisitor>(visitor: inout V) throws {
        guard var item = pending else { return }
        pending = nil
        if !item.details.isEmpty { MT940Details.apply(bytes, item.details, to: &item.line) }
        item.line.raw = rawText()
        guard open?.totals.add(item.line) == true else {
            throw StatementError(.overflow, file: fileName, at: item.line.location, "the statement totals overflow 64 bits")
        }
        summary.lines += 1
        try visitor.visit(item.line)
    }

    /// Records the current tag's lines, the first one from the start of its tag.
    private mutating func appendRawLines(tagStart: Int) {
        for (offset, range) in tagLines.enumerated() {
            rawLines.append(offset == 0 ? tagStart..<range.upperBound : range)
        }
    }

    /// The record's lines joined with `\n`: one slice when they are adjacent in the file.
    private mutating func rawText() -> String {
        defer { rawLines.removeAll(keepingCapacity: true) }
        guard let first = rawLines.first, let last = rawLines.last else { return "" }
        var adjacent = true
        for index in rawLines.indices.dropFirst() {
            let gap = rawLines[index].lowerBound - rawLines[index - 1].upperBound
            let end = rawLines[index - 1].upperBound
            if gap == 1 || (gap == 2 && bytes[end] == ByteText.carriageReturn) { continue }
            adjacent = false
            break
        }
        if adjacent { return ByteText.string(bytes, first.lowerBound..<last.upperBound) }
        return rawLines.map { ByteText.string(bytes, $0) }.joined(separator: "\n")
    }

    private func firstLineString() -> String? {
        guard let first = tagLines.first else { return nil }
        return ByteText.optionalString(bytes, first)
    }
}
