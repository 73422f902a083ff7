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
        if let strict = strictFast(code) { return strict }
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

    /// The upper-cased code when `code` is exactly of the strict shape (ASCII, no spaces, a real date),
    /// checked on its bytes without building substrings; nil sends it to the full check, which also
    /// says what is wrong. Valid under both policies (a strict code is also a relaxed one).
    private static func strictFast(_ code: String) -> String? {
        var code = code
        return code.withUTF8 { bytes -> String? in
            guard (24...26).contains(bytes.count) else { return nil }
            func digits(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    guard bytes[index] &- UInt8(ascii: "0") < 10 else { return nil }
                    value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
                }
                return value
            }
            let dot = UInt8(ascii: "."), dash = UInt8(ascii: "-")
            guard bytes[3] == dot, bytes[6] == dot, bytes[9] == dot, bytes[13] == dash, bytes[20] == dash,
                  digits(0..<3) != nil, digits(4..<6) != nil, digits(7..<9) != nil, digits(11..<13) != nil, digits(21..<bytes.count) != nil,
                  let yymmdd = digits(14..<20), LocalDate(year: 2000 + yymmdd / 10_000, month: yymmdd / 100 % 100, day: yymmdd % 100) != nil
            else { return nil }
            let letter = bytes[10]
            if letter &- UInt8(ascii: "A") < 26 { return String(decoding: bytes, as: UTF8.self) }
            guard letter &- UInt8(ascii: "a") < 26 else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { target in
                for index in 0..<bytes.count { target[index] = index == 10 ? letter - 32 : bytes[index] }
                return bytes.count
            }
        }
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
