import FeeDeskCore
import Foundation

/// Reads a fee schedule file: a JSON array of `{procedure, name, field, kind, amount}`.
public enum FeeScheduleFile {
    /// The schedule in the file at `path`; every error names the file, the entry and the field.
    public static func load(path: String) throws -> FeeSchedule {
        let data = try FeeDeskConfig.readFile(path)
        guard let array = try JSONFields.parse(data, file: path) as? [Any] else {
            throw AppError.config(file: path, field: nil, message: "the top level is not a JSON array of fees")
        }
        var fees: [Fee] = []
        var seen = Set<String>()
        for entry in try JSONFields.objects(array, file: path) {
            let procedure = try entry.string("procedure")
            let name = try entry.string("name")
            let field = try entry.string("field")
            for (key, value) in [("name", name), ("field", field)] where value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw entry.error(key, "is empty")
            }
            let kindText = try entry.string("kind")
            guard let kind = FeeKind(rawValue: kindText) else {
                throw entry.error("kind", "'\(kindText)' is not 'phi' or 'le_phi'")
            }
            let amount = try entry.integer("amount")
            guard amount > 0, amount <= Money.maximum.dong else {
                throw entry.error("amount", "\(amount) must be between 1 and \(Money.maximum.dong) đồng")
            }
            let fee = try entry.checked("procedure") { () throws(CoreError) in
                try Fee(procedure: procedure, name: name, field: field, kind: kind, amount: Money(dong: amount))
            }
            guard seen.insert(fee.procedure).inserted else {
                throw entry.error("procedure", "'\(procedure)' appears twice")
            }
            fees.append(fee)
        }
        guard !fees.isEmpty else { throw AppError.config(file: path, field: nil, message: "the fee schedule is empty") }
        return try FeeSchedule(fees)
    }
}
