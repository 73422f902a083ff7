import Foundation

/// Which column holds which field, found by matching header cells against a profile's keywords.
struct CSVHeaderMap {
    var index: ColumnIndex
    var layout: AmountLayout

    /// Matches folded header cells. A cell equal to a keyword scores highest, then a cell starting
    /// with it (`Số tiền ghi có (VND)`), then one containing it as whole words (`Ngày GD/ TNX Date`);
    /// longer keywords win; each cell serves one field. Nil unless the date and the amount columns
    /// the layout needs are all present.
    static func match(_ cells: [String], profile: BankProfile) -> CSVHeaderMap? {
        // Ranked by: kind of match, keyword length, keyword order in the profile, field order, cell order.
        var candidates: [(rank: (Int, Int, Int, Int, Int), column: CSVColumn, cell: Int)] = []
        for (cellIndex, cell) in cells.enumerated() where !cell.isEmpty {
            for column in CSVColumn.allCases {
                guard let aliases = profile.folded.columns[column] else { continue }
                var best: (Int, Int, Int)?
                for (aliasIndex, alias) in aliases.enumerated() {
                    let kind: Int
                    if cell == alias {
                        kind = 3
                    } else if TextFolding.hasWordPrefix(cell, alias) {
                        kind = 2
                    } else if containsWords(cell, alias) {
                        kind = 1
                    } else {
                        continue
                    }
                    let key = (kind, alias.count, -aliasIndex)
                    if best.map({ key > $0 }) ?? true { best = key }
                }
                if let best {
                    candidates.append(((best.0, best.1, best.2, -column.ordinal, -cellIndex), column, cellIndex))
                }
            }
        }
        guard candidates.contains(where: { $0.column == .bookingDate }) else { return nil }
        candidates.sort { $0.rank > $1.rank }
        var index = ColumnIndex()
        var usedCells = Set<Int>()
        for candidate in candidates where index[candidate.column] == nil && !usedCells.contains(candidate.cell) {
            index[candidate.column] = candidate.cell
            usedCells.insert(candidate.cell)
        }
        guard index[.bookingDate] != nil else { return nil }
        let layout: AmountLayout
        switch profile.amountLayout {
        case .creditDebit:
            guard index[.credit] != nil, index[.debit] != nil else { return nil }
            layout = .creditDebit
        case .signed:
            guard index[.amount] != nil else { return nil }
            layout = .signed
        case .amountDirection:
            guard index[.amount] != nil, index[.direction] != nil else { return nil }
            layout = .amountDirection
        case .auto:
            if index[.credit] != nil || index[.debit] != nil {
                layout = .creditDebit
            } else if index[.amount] != nil {
                layout = index[.direction] != nil ? .amountDirection : .signed
            } else {
                return nil
            }
        }
        return CSVHeaderMap(index: index, layout: layout)
    }

    /// Column positions by field, in a flat array (looked up for every row).
    struct ColumnIndex {
        private var positions = [Int](repeating: -1, count: CSVColumn.allCases.count)

        subscript(column: CSVColumn) -> Int? {
            get { positions[column.ordinal] >= 0 ? positions[column.ordinal] : nil }
            set { positions[column.ordinal] = newValue ?? -1 }
        }
    }

    /// True when `words` occurs in `cell` bounded by non-alphanumerics (or the ends).
    static func containsWords(_ cell: String, _ words: String) -> Bool {
        var searchRange = cell.startIndex..<cell.endIndex
        while let found = cell.range(of: words, range: searchRange) {
            let before = found.lowerBound == cell.startIndex ? nil : cell[cell.index(before: found.lowerBound)]
            let after = found.upperBound == cell.endIndex ? nil : cell[found.upperBound]
            let isBoundary = { (character: Character?) in character.map { !($0.isLetter || $0.isNumber) } ?? true }
            if isBoundary(before) && isBoundary(after) { return true }
            searchRange = cell.index(after: found.lowerBound)..<cell.endIndex
        }
        return false
    }

    /// The keywords a header must show, for the "no header row found" message.
    static func lookedFor(_ profile: BankProfile) -> [String] {
        var needed: [CSVColumn] = [.bookingDate]
        switch profile.amountLayout {
        case .creditDebit: needed += [.credit, .debit]
        case .signed: needed += [.amount]
        case .amountDirection: needed += [.amount, .direction]
        case .auto: needed += (profile.columns[.credit]?.isEmpty == false) ? [.credit, .debit] : [.amount]
        }
        return needed.compactMap { profile.columns[$0]?.first }
    }
}

extension CSVColumn {
    /// Position in `allCases`.
    var ordinal: Int {
        switch self {
        case .bookingDate: return 0
        case .valueDate: return 1
        case .credit: return 2
        case .debit: return 3
        case .amount: return 4
        case .direction: return 5
        case .bankReference: return 6
        case .memo: return 7
        case .counterpartyName: return 8
        case .counterpartyAccount: return 9
        case .balance: return 10
        }
    }
}
