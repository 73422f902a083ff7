extension CSVStatementParser {
    /// One record after the header: a line, a skipped row, a totals/footer row, or an error.
    func dataRow<V: StatementVisitor>(
        _ record: (line: Int, range: Range<Int>), _ fields: [CSVField], map: CSVHeaderMap, progress: inout Progress,
        visitor: inout V
    ) throws {
        guard let dateIndex = map.index[.bookingDate] else { return }
        var firstNonEmpty: Int?
        for index in fields.indices where !ByteText.trimmed(bytes, fields[index].range).isEmpty {
            firstNonEmpty = index
            break
        }
        guard let firstIndex = firstNonEmpty else { return }
        let line = record.line
        let location = SourceLocation.line(line)
        if isLabelCell(fields[firstIndex]) {
            let cell = TextFolding.fold(CSVRecordReader.string(bytes, fields[firstIndex]))
            if try balanceLabel(cell, index: firstIndex, fields, line: line, progress: &progress) { return }
            if profile.folded.totals.contains(where: { TextFolding.hasWordPrefix(cell, $0) }) { return }
        }
        let dateRange = dateIndex < fields.count ? ByteText.trimmed(bytes, fields[dateIndex].range) : 0..<0
        let (datePart, restOfDateCell) = splitFirstLine(dateRange)
        guard let (bookingDate, bookingTime) = try parseDate(datePart, location: location, rowHasAmount: rowHasAmount(map, fields)) else {
            return
        }
        var valueDate = bookingDate
        if let index = map.index[.valueDate], index < fields.count {
            let range = ByteText.trimmed(bytes, fields[index].range)
            if !range.isEmpty, let parsed = try parseDate(splitFirstLine(range).0, location: location, rowHasAmount: true) {
                valueDate = parsed.0
            }
        }
        guard let (amount, direction) = try amountAndDirection(map, fields, location: location) else {
            progress.skipped += 1
            return
        }
        var statementLine = StatementLine(
            bookingDate: bookingDate, valueDate: valueDate, bookingTime: bookingTime, amount: amount,
            currency: profile.currency, direction: direction, memo: text(map, fields, .memo) ?? "",
            raw: ByteText.string(bytes, record.range), location: location)
        statementLine.bankReference = text(map, fields, .bankReference)
            ?? (restOfDateCell.isEmpty ? nil : ByteText.string(bytes, restOfDateCell))
        statementLine.counterpartyName = text(map, fields, .counterpartyName)
        statementLine.counterpartyAccount = text(map, fields, .counterpartyAccount)
        if let index = map.index[.balance], index < fields.count, !ByteText.trimmed(bytes, fields[index].range).isEmpty {
            statementLine.balanceAfter = try money(fields[index].range, what: "balance", location: location)
        }
        guard progress.totals.add(statementLine) else {
            throw StatementError(.overflow, file: fileName, at: location, "the statement totals overflow 64 bits")
        }
        progress.summary.lines += 1
        try visitor.visit(statementLine)
    }

    /// A cell that starts a totals or balance row: text, not a date or a number.
    private func isLabelCell(_ field: CSVField) -> Bool {
        let range = ByteText.trimmed(bytes, field.range)
        guard let first = range.first.map({ bytes[$0] }) else { return false }
        return !ByteText.isDigit(first) && first != UInt8(ascii: "-") && first != UInt8(ascii: "+")
    }

    /// Splits `31/10/2023\n5243.65937` (date and document number in one cell) at the first line break.
    private func splitFirstLine(_ range: Range<Int>) -> (Range<Int>, Range<Int>) {
        guard let newline = range.first(where: { bytes[$0] == ByteText.newline || bytes[$0] == ByteText.carriageReturn }) else {
            return (range, range.upperBound..<range.upperBound)
        }
        return (ByteText.trimmed(bytes, range.lowerBound..<newline), ByteText.trimmed(bytes, newline..<range.upperBound))
    }

    /// True when a credit, debit or amount cell holds a digit (a signature such as `Kế toán trưởng`
    /// under an amount column is footer text, not an amount).
    private func rowHasAmount(_ map: CSVHeaderMap, _ fields: [CSVField]) -> Bool {
        for column in [CSVColumn.credit, .debit, .amount] {
            guard let range = cell(map, fields, column) else { continue }
            if range.contains(where: { ByteText.isDigit(bytes[$0]) }) { return true }
        }
        return false
    }

    /// The trimmed range of a mapped cell, nil when the column is absent or the cell empty.
    @inline(__always)
    private func cell(_ map: CSVHeaderMap, _ fields: [CSVField], _ column: CSVColumn) -> Range<Int>? {
        guard let index = map.index[column], index < fields.count else { return nil }
        let range = ByteText.trimmed(bytes, fields[index].range)
        return range.isEmpty ? nil : range
    }

    /// Tries each date pattern. A cell that is not a date ends in nil (footer text) unless the row
    /// carries an amount, which makes it an error.
    private func parseDate(
        _ range: Range<Int>, location: SourceLocation, rowHasAmount: Bool
    ) throws -> (StatementDate, StatementTime?)? {
        for pattern in patterns {
            guard let fields = pattern.match(bytes, range) else { continue }
            guard let date = StatementDate(year: fields.year, month: fields.month, day: fields.day) else {
                guard rowHasAmount else { return nil }
                throw StatementError(.date, file: fileName, at: location, "date '\(ByteText.quoted(bytes, range))' is not a valid date")
            }
            var time: StatementTime?
            if let hour = fields.hour {
                time = StatementTime(hour: hour, minute: fields.minute ?? 0, second: fields.second ?? 0)
                guard time != nil else {
                    throw StatementError(.date, file: fileName, at: location, "time in '\(ByteText.quoted(bytes, range))' is not a valid time")
                }
            }
            return (date, time)
        }
        guard rowHasAmount else { return nil }
        let expected = profile.dateFormats.joined(separator: " or ")
        let shown = range.isEmpty ? "date is empty" : "date '\(ByteText.quoted(bytes, range))' does not match \(expected)"
        throw StatementError(.date, file: fileName, at: location, shown)
    }

    /// The row's amount and direction by layout; nil when the row moves no money (counted as skipped).
    private func amountAndDirection(
        _ map: CSVHeaderMap, _ fields: [CSVField], location: SourceLocation
    ) throws -> (Int64, Direction)? {
        switch map.layout {
        case .creditDebit, .auto:
            let creditCell = cell(map, fields, .credit), debitCell = cell(map, fields, .debit)
            var credit: Int64 = 0, debit: Int64 = 0
            if let creditCell { credit = try money(creditCell, what: "credit amount", location: location) }
            if let debitCell { debit = try money(debitCell, what: "debit amount", location: location) }
            if credit < 0 {
                throw StatementError(.amount, file: fileName, at: location, "credit amount '\(ByteText.quoted(bytes, creditCell ?? 0..<0))' is negative")
            }
            if credit != 0 && debit != 0 {
                throw StatementError(.amount, file: fileName, at: location,
                                     "row has both a credit '\(ByteText.quoted(bytes, creditCell ?? 0..<0))' and a debit '\(ByteText.quoted(bytes, debitCell ?? 0..<0))'")
            }
            if credit != 0 { return (credit, .credit) }
            if debit != 0 { return (abs(debit), .debit) }
            return nil
        case .signed:
            guard let range = cell(map, fields, .amount) else { return nil }
            let value = try money(range, what: "amount", location: location)
            if value == 0 { return nil }
            return value > 0 ? (value, .credit) : (-value, .debit)
        case .amountDirection:
            guard let range = cell(map, fields, .amount) else { return nil }
            let value = try money(range, what: "amount", location: location)
            if value == 0 { return nil }
            guard value > 0 else {
                throw StatementError(.amount, file: fileName, at: location, "amount '\(ByteText.quoted(bytes, range))' is negative but a direction column is used")
            }
            let word = cell(map, fields, .direction).map { TextFolding.fold(ByteText.string(bytes, $0)) } ?? ""
            if profile.folded.credit.contains(word) { return (value, .credit) }
            if profile.folded.debit.contains(word) { return (value, .debit) }
            let shown = cell(map, fields, .direction).map { ByteText.quoted(bytes, $0) } ?? ""
            throw StatementError(.syntax, file: fileName, at: location,
                                 "direction '\(shown)' is neither credit (\(profile.creditValues.joined(separator: ", "))) nor debit (\(profile.debitValues.joined(separator: ", ")))")
        }
    }

    /// Parses an amount cell by the profile's style.
    func money(_ range: Range<Int>, what: String, location: SourceLocation) throws -> Int64 {
        switch AmountParser.parse(bytes, range, style: profile.amountStyle, currency: currency) {
        case .success(let value): return value
        case .failure(let problem):
            throw StatementError(.amount, file: fileName, at: location,
                                 AmountParser.message(for: problem, text: ByteText.quoted(bytes, range), currency: profile.currency, what: what))
        }
    }

    /// A text column, nil when absent or empty.
    private func text(_ map: CSVHeaderMap, _ fields: [CSVField], _ column: CSVColumn) -> String? {
        guard let index = map.index[column], index < fields.count else { return nil }
        let value = CSVRecordReader.string(bytes, fields[index])
        return value.isEmpty ? nil : value
    }
}
