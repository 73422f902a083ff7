import BankStatements
import Foundation

/// Fuzzes the MT940 parser: the bytes are the file (`StatementReader.parseAll(format: .mt940)`).
@discardableResult
public func fuzzMT940(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    StatementFuzzing.parse(Data(data), format: .mt940, profile: nil, fileName: "fuzz.sta")
}

/// Fuzzes the camt.053/054 reader: the bytes are the XML file (`StatementReader.parseAll(format: .camt)`).
@discardableResult
public func fuzzCamt(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    StatementFuzzing.parse(Data(data), format: .camt, profile: nil, fileName: "fuzz.xml")
}

/// Fuzzes the bank CSV parser with a shipped profile.
///
/// The first line of the input names the profile (`vietcombank`, `bidv`, … as in
/// `config/bank-profiles/`); the rest is the export. A first line that names no profile picks one
/// from its bytes, so mutations keep exercising every profile.
@discardableResult
public func fuzzCSV(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    let bytes = Array(data)
    let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    let profile = FuzzProfiles.choose(bytes[..<newline])
    let file = newline < bytes.count ? Data(bytes[(newline + 1)...]) : Data()
    return StatementFuzzing.parse(file, format: .csv, profile: profile, fileName: "fuzz.csv")
}

/// Fuzzes format detection and whichever parser it picks, with the generic CSV profile, as
/// `feedesk statement import FILE` and `POST /api/v1/statements` do by default.
@discardableResult
public func fuzzStatementAuto(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    StatementFuzzing.parse(Data(data), format: .auto, profile: nil, fileName: "fuzz.txt")
}

/// The shipped CSV bank profiles, loaded once from `config/bank-profiles/` of this checkout.
public enum FuzzProfiles {
    /// The folder the profiles are read from (found relative to this source file).
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/bank-profiles")

    /// Every `*.json` profile of ``directory``, sorted by file name; the built-in generic profile
    /// alone when the folder cannot be read (``FuzzTargetsTests`` checks that it can).
    public static let all: [BankProfile] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let profiles = names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name -> BankProfile? in
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { return nil }
            return try? BankProfile.load(from: data, name: name)
        }
        return profiles.isEmpty ? [BankProfile.generic] : profiles
    }()

    /// The profile named by `line` (its `name`, or its file name without `.json`), else one chosen
    /// by the sum of the line's bytes.
    static func choose(_ line: ArraySlice<UInt8>) -> BankProfile {
        let wanted = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if let named = all.first(where: { $0.name.lowercased() == wanted }) { return named }
        let sum = line.reduce(0) { $0 &+ Int($1) }
        return all[sum % all.count]
    }
}

/// The shared body of the statement targets.
enum StatementFuzzing {
    /// Parses `data` and checks what the parser promises about every statement it returns.
    static func parse(_ data: Data, format: StatementFormatChoice, profile: BankProfile?, fileName: String) -> FuzzOutcome {
        let file: ParsedStatementFile
        do {
            file = try StatementReader.parseAll(data: data, format: format, profile: profile, fileName: fileName)
        } catch {
            FuzzInvariant.require(error.file == fileName, "error '\(error)' names file '\(error.file)', not '\(fileName)'")
            return .rejected(error.description)
        }
        var lines = 0
        for statement in file.statements {
            check(statement)
            lines += statement.lines.count
        }
        return .accepted("\(file.format): \(file.statements.count) statement(s), \(lines) line(s)")
    }

    /// Checks one statement: amounts are never negative, totals and the balance check never trap,
    /// and every amount can be shown in its currency.
    static func check(_ statement: Statement) {
        var totals = StatementTotals()
        for line in statement.lines {
            FuzzInvariant.require(line.amount >= 0, "line at \(line.location) has a negative amount \(line.amount)")
            FuzzInvariant.require(!line.currency.isEmpty, "line at \(line.location) has no currency")
            _ = line.signedAmount
            _ = Currency.format(minorUnits: line.amount, currency: line.currency)
            if let balance = line.balanceAfter { _ = Currency.format(minorUnits: balance, currency: line.currency) }
            totals.add(line)
        }
        for balance in [statement.opening, statement.closing].compactMap({ $0 }) {
            _ = Currency.format(minorUnits: balance.amount, currency: balance.currency)
        }
        _ = statement.checkBalance()
        _ = BalanceCheck.check(opening: statement.opening, totals: totals, closing: statement.closing, account: statement.account)
    }
}
