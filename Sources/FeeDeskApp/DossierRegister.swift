import BankStatements
import FeeDeskCore
import Foundation

/// One row of a dossier register export from the one-stop system.
struct RegisterRow: Sendable {
    let line: Int
    let code: String
    let procedure: String
    let applicant: String
    let amount: Money?
    let desk: String?
    let receivedAt: Date?
}

/// Reads a dossier register (CSV with a header row, or a JSON array) into rows, collecting every bad
/// row (up to 50) instead of stopping at the first.
enum DossierRegister {
    /// Column names, folded (no diacritics, no spaces, lower case), and the field each means.
    static let aliases: [String: String] = [
        "code": "code", "mahoso": "code", "sohoso": "code", "mahs": "code", "dossier": "code",
        "procedure": "procedure", "mathutuc": "procedure", "thutuc": "procedure", "matthc": "procedure",
        "applicant": "applicant", "nguoinop": "applicant", "tennguoinop": "applicant", "chuhoso": "applicant", "hoten": "applicant",
        "amountdue": "amount", "amount": "amount", "sotien": "amount", "mucthu": "amount", "philephi": "amount",
        "desk": "desk", "quay": "desk", "quaytiepnhan": "desk",
        "receivedat": "receivedAt", "registeredat": "receivedAt", "ngaytiepnhan": "receivedAt", "thoigiantiepnhan": "receivedAt",
    ]

    /// The columns every register must have.
    static let required = ["code", "procedure"]

    /// Calls `visit` with each row of a CSV register, in file order, without keeping them (a register
    /// may hold a million rows); header names are matched through `aliases`. Bad rows go to `problems`.
    static func forEachCSVRow(_ data: Data, fileName: String, problems: inout [RegisterProblem],
                              _ visit: (RegisterRow) throws -> Void) throws {
        var columns: [String: Int]?
        var collected: [RegisterProblem] = []
        defer { problems += collected }
        try CSVRecords.forEach(data: data, fileName: fileName) { line, fields in
            guard let map = columns else {
                var found: [String: Int] = [:]
                for (index, name) in fields.enumerated() {
                    if let field = aliases[MemoText(name).compact.lowercased()], found[field] == nil { found[field] = index }
                }
                let missing = required.filter { found[$0] == nil }
                guard missing.isEmpty else {
                    throw CoreError(.invalid, "\(fileName) line \(line): the header lacks the column \(missing.joined(separator: ", ")) (columns: code, procedure, applicant, amountDue, desk, receivedAt, or their Vietnamese names)")
                }
                columns = found
                return
            }
            func value(_ field: String) -> String? {
                guard let index = map[field], index < fields.count, !fields[index].isEmpty else { return nil }
                return fields[index]
            }
            if let row = makeRow(line: line, code: value("code"), procedure: value("procedure"), applicant: value("applicant"),
                                 amount: value("amount"), desk: value("desk"), receivedAt: value("receivedAt"), problems: &collected) {
                try visit(row)
            }
        }
        guard columns != nil else { throw CoreError(.invalid, "\(fileName): the file holds no header row") }
    }

    /// The rows of a JSON register: an array of objects with the `dossier show` keys.
    static func jsonRows(_ data: Data, fileName: String, problems: inout [RegisterProblem]) throws -> [RegisterRow] {
        guard let array = try? JSONSerialization.jsonObject(with: data) as? [Any] else {
            throw CoreError(.invalid, "\(fileName): not a JSON array of dossiers")
        }
        var rows: [RegisterRow] = []
        for (index, element) in array.enumerated() {
            let line = index + 1
            guard let object = element as? [String: Any] else {
                problems.append(RegisterProblem(line: line, reason: "entry \(line) is not an object"))
                continue
            }
            func text(_ key: String) -> String? {
                switch object[key] {
                case let value as String: value
                case let value as NSNumber: "\(value)"
                default: nil
                }
            }
            if let row = makeRow(line: line, code: text("code"), procedure: text("procedure"), applicant: text("applicant"),
                                 amount: text("amountDue") ?? text("amount"), desk: text("desk"),
                                 receivedAt: text("receivedAt") ?? text("registeredAt"), problems: &problems) {
                rows.append(row)
            }
        }
        return rows
    }

    private static func makeRow(line: Int, code: String?, procedure: String?, applicant: String?, amount: String?, desk: String?,
                                receivedAt: String?, problems: inout [RegisterProblem]) -> RegisterRow? {
        guard let code else {
            problems.append(RegisterProblem(line: line, reason: "the dossier code is empty"))
            return nil
        }
        guard let procedure else {
            problems.append(RegisterProblem(line: line, reason: "dossier '\(code)' has no procedure code"))
            return nil
        }
        var money: Money?
        if let amount {
            do throws(CoreError) { money = try Money(parsing: amount) } catch {
                problems.append(RegisterProblem(line: line, reason: error.message))
                return nil
            }
        }
        var received: Date?
        if let receivedAt {
            do throws(CoreError) { received = try Timestamp.parse(receivedAt) } catch {
                problems.append(RegisterProblem(line: line, reason: error.message))
                return nil
            }
        }
        return RegisterRow(line: line, code: code, procedure: procedure, applicant: applicant ?? "", amount: money, desk: desk, receivedAt: received)
    }
}

/// A row that could not be used, with its line (CSV) or position (JSON).
public struct RegisterProblem: Sendable, Equatable, Encodable {
    public let line: Int
    public let reason: String
}
