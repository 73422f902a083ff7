import Foundation

/// One CSV bank profile the statement upload page offers: the file name the API takes as `profile`,
/// and the bank's name as the profile describes it.
struct BankProfileChoice: Sendable, Equatable {
    /// The file name without `.json`: the value of `?profile=`.
    let name: String
    /// The bank as people know it (the profile's `bank` field, else its name).
    let bank: String
    /// False while the profile has not been checked against a real export of that bank.
    let confirmed: Bool

    /// The profiles in `folder`, sorted by bank name with `generic` last. A file that is not a JSON
    /// object is still offered under its file name: the import itself will say what is wrong with it.
    static func list(in folder: String) -> [BankProfileChoice] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let choices = files.filter { $0.hasSuffix(".json") }.map { file -> BankProfileChoice in
            let name = String(file.dropLast(5))
            let data = FileManager.default.contents(atPath: folder + "/" + file) ?? Data()
            let fields = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            let bank = (fields["bank"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? name
            return BankProfileChoice(name: name, bank: bank, confirmed: fields["confirmed"] as? Bool ?? false)
        }
        return choices.sorted { left, right in
            (left.name == "generic" ? 1 : 0, left.bank.lowercased(), left.name) < (right.name == "generic" ? 1 : 0, right.bank.lowercased(), right.name)
        }
    }
}
