/// How strictly dossier codes are checked.
public enum DossierCodePolicy: String, Sendable, Codable {
    /// The shape of Circular 01/2018/TT-VPCP art. 19: `<unit code>-YYMMDD-NNNN`, e.g.
    /// `000.06.16.G09-210315-0001`.
    case strict
    /// Any code of 1–64 letters, digits and `. - _ /` (for units whose one-stop system differs).
    case relaxed
}

/// Validation of dossier (hồ sơ) codes.
public enum DossierCode {
    /// An example of the strict shape, for messages.
    public static let example = "000.06.16.G09-210315-0001"

    /// The code, upper-cased, if it fits `policy`; otherwise an error saying what is wrong.
    public static func validate(_ code: String, policy: DossierCodePolicy) throws(CoreError) -> String {
        let text = code.trimmingSpaces().uppercased()
        guard !text.isEmpty else { throw CoreError(.invalid, "dossier code is empty") }
        switch policy {
        case .relaxed:
            guard text.count <= 64, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-_/".contains($0)) }) else {
                throw CoreError(.invalid, "dossier code '\(code)' may hold only letters, digits and . - _ / (64 at most)")
            }
        case .strict:
            try checkStrict(text, original: code)
        }
        return text
    }

    private static func checkStrict(_ text: String, original: String) throws(CoreError) {
        let shape = CoreError(.invalid, "dossier code '\(original)' is not of the form <unit code>-YYMMDD-NNNN (e.g. \(example))")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw shape }
        let unit = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard unit.count == 4, unit[0].count == 3, unit[1].count == 2, unit[2].count == 2, unit[3].count == 3,
              unit[0...2].allSatisfy(isDigits), unit[3].first.map({ $0.isASCII && $0.isLetter }) == true,
              isDigits(unit[3].dropFirst())
        else {
            throw CoreError(.invalid, "dossier code '\(original)': unit code '\(parts[0])' is not of the form 000.00.00.X00")
        }
        let day = parts[1]
        guard day.count == 6, isDigits(day), let yy = Int(day.prefix(2)), let mm = Int(day.dropFirst(2).prefix(2)),
              let dd = Int(day.suffix(2))
        else { throw shape }
        guard LocalDate(year: 2000 + yy, month: mm, day: dd) != nil else {
            throw CoreError(.invalid, "dossier code '\(original)': \(day) is not a valid date YYMMDD")
        }
        guard (4...6).contains(parts[2].count), isDigits(parts[2]) else { throw shape }
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
