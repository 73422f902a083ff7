/// Reads a bank's CSV/Excel-text export through a ``BankProfile``: title rows (account, balances),
/// the header row found by keywords, data rows, and totals/footer rows.
struct CSVStatementParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let profile: BankProfile
    let fileName: String
    let currency: StaticCode
    let patterns: [DatePattern]

    /// What the read has found so far; kept apart from the parser so hot paths never copy the parser.
    struct Progress {
        var summary = StatementReadSummary(format: .csv)
        var account: String?
        var opening: Balance?
        var closing: Balance?
        var totals = StatementTotals()
        var skipped = 0
    }

    init(bytes: UnsafeBufferPointer<UInt8>, profile: BankProfile, fileName: String) {
        self.bytes = bytes
        self.profile = profile
        self.fileName = fileName
        // The profile validated its currency code when it was built.
        self.currency = StaticCode(profile.currency) ?? StaticCode.vnd
        self.patterns = profile.patterns
    }

    /// Streams the file: one statement per export.
    func run<V: StatementVisitor>(visitor: inout V) throws -> StatementReadSummary {
        let delimiter = try profile.delimiter.byte ?? detectDelimiter()
        var fields: [CSVField] = []
        fields.reserveCapacity(16)
        var progress = Progress()
        var reader = CSVRecordReader(bytes: bytes, delimiter: delimiter, fileName: fileName)
        var recordNumber = 0
        var header: CSVHeaderMap?
        while let record = try reader.next(into: &fields) {
            recordNumber += 1
            if recordNumber <= profile.skipRows { continue }
            if let map = header {
                try dataRow(record, fields, map: map, progress: &progress, visitor: &visitor)
                continue
            }
            guard recordNumber - profile.skipRows <= profile.headerSearchRows else { break }
            let cells = fields.map { TextFolding.fold(CSVRecordReader.string(bytes, $0)) }
            if let map = CSVHeaderMap.match(cells, profile: profile) {
                header = map
                let start = StatementHeader(format: .csv, account: progress.account, currency: profile.currency,
                                            opening: progress.opening, location: .line(record.line))
                try visitor.beginStatement(start)
            } else {
                try titleRow(cells, fields, line: record.line, progress: &progress)
            }
        }
        guard header != nil else {
            let keywords = CSVHeaderMap.lookedFor(profile).joined(separator: ", ")
            throw StatementError(.noHeaderRow, file: fileName, "no header row found (looked for: \(keywords))")
        }
        let trailer = StatementTrailer(opening: progress.opening, closing: progress.closing, totals: progress.totals,
                                       skipped: progress.skipped)
        progress.summary.statements = 1
        progress.summary.skipped = progress.skipped
        try visitor.endStatement(trailer)
        return progress.summary
    }

    /// Tab, then `;`, then `,`: the first that shows a header row within the search window.
    private func detectDelimiter() throws -> UInt8 {
        var scratch: [CSVField] = []
        for delimiter in [ByteText.tab, UInt8(ascii: ";"), UInt8(ascii: ",")] {
            var reader = CSVRecordReader(bytes: bytes, delimiter: delimiter, fileName: fileName)
            var seen = 0
            while seen < profile.skipRows + profile.headerSearchRows, let _ = try? reader.next(into: &scratch) {
                seen += 1
                if seen <= profile.skipRows || scratch.count < 2 { continue }
                let cells = scratch.map { TextFolding.fold(CSVRecordReader.string(bytes, $0)) }
                if CSVHeaderMap.match(cells, profile: profile) != nil { return delimiter }
            }
        }
        let keywords = CSVHeaderMap.lookedFor(profile).joined(separator: ", ")
        throw StatementError(.noHeaderRow, file: fileName, "no header row found (looked for: \(keywords))")
    }

    /// Rows before the header: account number and balances from their labels.
    private func titleRow(_ cells: [String], _ fields: [CSVField], line: Int, progress: inout Progress) throws {
        for (index, cell) in cells.enumerated() where !cell.isEmpty {
            if progress.account == nil, profile.folded.account.contains(where: { TextFolding.hasWordPrefix(cell, $0) }) {
                progress.account = labelValue(index, fields).flatMap(Self.accountToken)
            }
            try balanceLabel(cell, index: index, fields, line: line, progress: &progress)
        }
    }

    /// Opening/closing balance labels anywhere outside the grid; returns true when one was read.
    @discardableResult
    func balanceLabel(_ cell: String, index: Int, _ fields: [CSVField], line: Int, progress: inout Progress) throws -> Bool {
        let isOpening = profile.folded.opening.contains { TextFolding.hasWordPrefix(cell, $0) }
        let isClosing = !isOpening && profile.folded.closing.contains { TextFolding.hasWordPrefix(cell, $0) }
        guard isOpening || isClosing, let text = labelValue(index, fields) else { return false }
        let what = isOpening ? "opening balance" : "closing balance"
        let bytesOfText = Array(text.utf8)
        let outcome = bytesOfText.withUnsafeBufferPointer {
            AmountParser.parse($0, 0..<$0.count, style: profile.amountStyle, currency: currency)
        }
        switch outcome {
        case .success(let value):
            let balance = Balance(amount: value, currency: profile.currency, date: nil)
            if isOpening { progress.opening = balance } else { progress.closing = balance }
            return true
        case .failure(let problem):
            throw StatementError(.amount, file: fileName, at: .line(line),
                                 AmountParser.message(for: problem, text: text, currency: profile.currency, what: what))
        }
    }

    /// The text after the first `:` of the label cell, else the next non-empty cell of the row.
    private func labelValue(_ index: Int, _ fields: [CSVField]) -> String? {
        let cell = CSVRecordReader.string(bytes, fields[index])
        if let colon = cell.firstIndex(of: ":") {
            let rest = String(cell[cell.index(after: colon)...]).trimmingSpaces
            if !rest.isEmpty { return rest }
        }
        for next in fields[(index + 1)...] {
            let text = CSVRecordReader.string(bytes, next)
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// The first token with a digit: `0071001234567 - VND - CONG TY…` → `0071001234567`.
    static func accountToken(_ text: String) -> String? {
        let tokens = text.split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        return tokens.first { $0.contains(where: \.isNumber) }.map(String.init)
    }
}
