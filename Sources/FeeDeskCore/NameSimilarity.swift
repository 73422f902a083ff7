/// How alike two person names are, after folding diacritics and case: 0 (nothing in common) to 1.
///
/// Banks write the payer in capitals without tone marks (`NGUYEN VAN AN`) while dossiers keep the
/// Vietnamese spelling (`Nguyễn Văn An`); the given name (last word) matters most, the family name
/// least (a handful of family names cover most of the population).
public enum NameSimilarity {
    /// The similarity of `payer` (as the bank shows it) to `applicant` (as registered).
    public static func score(payer: String, applicant: String) -> Double {
        let left = MemoText(payer).tokens
        let right = MemoText(applicant).tokens
        guard let leftGiven = left.last, let rightGiven = right.last else { return 0 }
        var score = leftGiven == rightGiven ? 0.6 : 0
        let leftMiddle = Set(left.dropFirst().dropLast())
        let rightMiddle = Set(right.dropFirst().dropLast())
        if !leftMiddle.isEmpty || !rightMiddle.isEmpty {
            let common = leftMiddle.intersection(rightMiddle).count
            score += 0.25 * Double(common) / Double(max(leftMiddle.count, rightMiddle.count))
        } else if score > 0 {
            score += 0.25
        }
        if left.first == right.first && left.count > 1 && right.count > 1 { score += 0.15 }
        return min(1, score)
    }
}
