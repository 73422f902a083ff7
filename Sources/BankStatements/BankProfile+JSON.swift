import Foundation

extension BankProfile: Codable {
    private enum Key: String, CodingKey {
        case name, bank, bin, confirmed, source, notes, encoding, delimiter, skipRows, headerSearchRows, currency
        case dateFormat, dateFormats, amountStyle, amountLayout, columns, directionValues
        case accountLabels, openingBalanceLabels, closingBalanceLabels, totalsKeywords
    }

    private struct DirectionValues: Codable {
        var credit: [String]
        var debit: [String]
    }

    /// Decodes the profile JSON; unknown keys are ignored, missing optional keys take the defaults
    /// of ``init(name:bank:bin:confirmed:source:encoding:delimiter:skipRows:headerSearchRows:currency:dateFormats:amountStyle:amountLayout:columns:creditValues:debitValues:accountLabels:openingBalanceLabels:closingBalanceLabels:totalsKeywords:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let fileName = decoder.userInfo[BankProfile.fileNameKey] as? String ?? "bank profile"
        let stem = ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
        func choice<T: RawRepresentable & CaseIterable>(_ key: Key, _ fallback: T) throws -> T where T.RawValue == String {
            guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return fallback }
            let spelled = key == .delimiter && text.lowercased() == "tab" ? "\t" : text
            guard let value = T(rawValue: spelled) else {
                let allowed = T.allCases.map { $0.rawValue == "\t" ? "tab" : $0.rawValue }.joined(separator: ", ")
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "'\(text)' is not one of \(allowed)")
            }
            return value
        }
        var columns: [CSVColumn: [String]] = [:]
        if container.contains(.columns) {
            let raw = try container.decode([String: [String]].self, forKey: .columns)
            for (key, aliases) in raw {
                guard let column = CSVColumn(rawValue: key) else {
                    let allowed = CSVColumn.allCases.map(\.rawValue).joined(separator: ", ")
                    throw DecodingError.dataCorruptedError(forKey: .columns, in: container,
                                                           debugDescription: "'\(key)' is not a column (use \(allowed))")
                }
                columns[column] = aliases
            }
        }
        var dateFormats = try container.decodeIfPresent([String].self, forKey: .dateFormats) ?? []
        if let single = try container.decodeIfPresent(String.self, forKey: .dateFormat) { dateFormats.insert(single, at: 0) }
        let directions = try container.decodeIfPresent(DirectionValues.self, forKey: .directionValues)
        guard container.contains(.amountStyle) else {
            throw DecodingError.keyNotFound(Key.amountStyle, .init(codingPath: container.codingPath, debugDescription: ""))
        }
        do {
            try self.init(
                name: try container.decodeIfPresent(String.self, forKey: .name) ?? stem,
                bank: try container.decodeIfPresent(String.self, forKey: .bank) ?? stem,
                bin: try container.decodeIfPresent(String.self, forKey: .bin),
                confirmed: try container.decodeIfPresent(Bool.self, forKey: .confirmed) ?? false,
                source: try container.decodeIfPresent(String.self, forKey: .source),
                encoding: try choice(.encoding, TextEncoding.auto),
                delimiter: try choice(.delimiter, CSVDelimiter.auto),
                skipRows: try container.decodeIfPresent(Int.self, forKey: .skipRows) ?? 0,
                headerSearchRows: try container.decodeIfPresent(Int.self, forKey: .headerSearchRows) ?? 60,
                currency: try container.decodeIfPresent(String.self, forKey: .currency) ?? "VND",
                dateFormats: dateFormats.isEmpty ? ["dd/MM/yyyy[ HH:mm[:ss]]"] : dateFormats,
                amountStyle: try choice(.amountStyle, AmountStyle.auto),
                amountLayout: try choice(.amountLayout, AmountLayout.auto),
                columns: columns,
                creditValues: directions?.credit ?? ["C", "CR", "Có", "Credit", "+"],
                debitValues: directions?.debit ?? ["D", "DR", "Nợ", "Debit", "-"],
                accountLabels: try container.decodeIfPresent([String].self, forKey: .accountLabels)
                    ?? ["Số tài khoản", "Account number", "Account No"],
                openingBalanceLabels: try container.decodeIfPresent([String].self, forKey: .openingBalanceLabels)
                    ?? ["Số dư đầu kỳ", "Opening balance"],
                closingBalanceLabels: try container.decodeIfPresent([String].self, forKey: .closingBalanceLabels)
                    ?? ["Số dư cuối kỳ", "Closing balance"],
                totalsKeywords: try container.decodeIfPresent([String].self, forKey: .totalsKeywords)
                    ?? ["Tổng", "Cộng", "Total"])
        } catch let error as StatementError {
            throw StatementError(.profile, file: fileName, at: error.location, error.reason)
        }
    }

    /// Encodes the profile in the same shape it is read from.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(name, forKey: .name)
        try container.encode(bank, forKey: .bank)
        try container.encodeIfPresent(bin, forKey: .bin)
        try container.encode(confirmed, forKey: .confirmed)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encode(encoding.rawValue, forKey: .encoding)
        try container.encode(delimiter == .tab ? "tab" : delimiter.rawValue, forKey: .delimiter)
        try container.encode(skipRows, forKey: .skipRows)
        try container.encode(headerSearchRows, forKey: .headerSearchRows)
        try container.encode(currency, forKey: .currency)
        try container.encode(dateFormats, forKey: .dateFormats)
        try container.encode(amountStyle.rawValue, forKey: .amountStyle)
        try container.encode(amountLayout.rawValue, forKey: .amountLayout)
        try container.encode(Dictionary(uniqueKeysWithValues: columns.map { ($0.key.rawValue, $0.value) }), forKey: .columns)
        try container.encode(DirectionValues(credit: creditValues, debit: debitValues), forKey: .directionValues)
        try container.encode(accountLabels, forKey: .accountLabels)
        try container.encode(openingBalanceLabels, forKey: .openingBalanceLabels)
        try container.encode(closingBalanceLabels, forKey: .closingBalanceLabels)
        try container.encode(totalsKeywords, forKey: .totalsKeywords)
    }

    /// The `userInfo` key through which ``load(from:name:)`` passes the file name to the decoder.
    public static let fileNameKey: CodingUserInfoKey = {
        guard let key = CodingUserInfoKey(rawValue: "BankStatements.profileFileName") else {
            preconditionFailure("a non-empty raw value always makes a CodingUserInfoKey")
        }
        return key
    }()

    /// Loads a profile from JSON; `name` is the file name used in errors (and the default profile name).
    ///
    /// Errors name the file and field, e.g. `bidv.json field 'amountStyle': 'dots' is not one of …`.
    public static func load(from data: Data, name: String) throws(StatementError) -> BankProfile {
        let decoder = JSONDecoder()
        decoder.userInfo[fileNameKey] = name
        do {
            return try decoder.decode(BankProfile.self, from: data)
        } catch let error as StatementError {
            throw error
        } catch let error as DecodingError {
            throw describe(error, file: name)
        } catch {
            throw StatementError(.profile, file: name, "\(error)")
        }
    }

    private static func describe(_ error: DecodingError, file: String) -> StatementError {
        func path(_ codingPath: [any CodingKey], _ extra: (any CodingKey)? = nil) -> String {
            (codingPath + (extra.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }
                .joined().replacingOccurrences(of: ".[", with: "[").trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return StatementError(.profile, file: file, at: .field(path(context.codingPath, key)), "is missing")
        case .valueNotFound(_, let context):
            return StatementError(.profile, file: file, at: .field(path(context.codingPath)), "must not be null")
        case .typeMismatch(let type, let context):
            let expected: String
            switch type {
            case is String.Type: expected = "a string"
            case is [String].Type: expected = "a list of strings"
            case is Int.Type: expected = "a whole number"
            case is Bool.Type: expected = "true or false"
            default: expected = String(describing: type).hasPrefix("Array") ? "a list of strings" : "an object"
            }
            return StatementError(.profile, file: file, at: .field(path(context.codingPath)), "must be \(expected)")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return StatementError(.profile, file: file, "the file is not valid JSON")
            }
            return StatementError(.profile, file: file, at: .field(path(context.codingPath)), context.debugDescription)
        @unknown default:
            return StatementError(.profile, file: file, "\(error)")
        }
    }
}
