import FeeDeskCore
import Foundation

/// Deterministic synthetic data for benchmarks: dossiers with references, and bank statement lines
/// whose memos look like real ones (bank wrappers, case changes, split references, typos, missing or
/// two references, partial and duplicate payments, and dossier codes typed instead of the reference,
/// mangled: separators dropped or changed, lower case).
struct SyntheticLedger {
    /// One synthetic dossier.
    struct DossierSeed {
        let sequence: Int64
        let code: String
        let reference: PaymentReference
        let amount: Money
        let applicant: String
    }

    /// One synthetic statement credit.
    struct CreditLine {
        let day: LocalDate
        let amount: Money
        let memo: String
        let bankReference: String
        let payer: String
    }

    let format: PaymentReferenceFormat
    let firstDay: LocalDate
    /// How many dossiers (and their credits) fall on one day before the next day starts.
    var perDay = 20_000
    private let amounts: [Int64] = [2_000, 8_000, 10_000, 15_000, 16_000, 50_000, 75_000, 100_000, 150_000, 1_000_000]
    private let names = ["NGUYEN VAN AN", "TRAN THI BICH", "LE HOANG NAM", "PHAM THU HA", "HOANG MINH DUC", "VO THI LAN",
                         "DANG QUOC VIET", "BUI NGOC ANH", "DO THANH TAM", "HO XUAN PHUC"]

    /// The `index`-th dossier (0-based); deterministic.
    func dossier(_ index: Int) -> DossierSeed {
        let sequence = Int64(index + 1)
        let day = firstDay.adding(days: index / perDay)
        let yymmdd = String(day.description.dropFirst(2).replacingOccurrences(of: "-", with: ""))
        // swiftlint-free: a generated reference of a valid format never fails.
        let reference = (try? PaymentReference(sequence: sequence, format: format)) ?? PaymentReference(storedText: "HS00000198")
        let number = String(index % perDay + 1)
        // The strict shape wants a sequence of 4 to 6 digits.
        return DossierSeed(sequence: sequence, code: "000.06.16.G09-\(yymmdd)-\(String(repeating: "0", count: max(0, 5 - number.count)) + number)",
                           reference: reference, amount: Money(dong: amounts[index % amounts.count]),
                           applicant: names[index % names.count])
    }

    /// The credit line for dossier `index` among `count`, drawn from `generator`.
    func credit(_ index: Int, count: Int, generator: inout SplitMix64) -> CreditLine {
        let seed = dossier(index)
        var amount = seed.amount
        var text = seed.reference.text
        switch generator.below(100) {
        case 0..<64: break // exact payment
        case 64..<69: text = mangledCode(seed.code, &generator) // the dossier code instead of the reference
        case 69..<70: // the dossier code, for another amount (review)
            text = mangledCode(seed.code, &generator)
            amount = Money(dong: max(1_000, seed.amount.dong - 1_000))
        case 70..<75: amount = Money(dong: max(1_000, seed.amount.dong - 1_000)) // partial
        case 75..<78: amount = seed.amount + Money(dong: 5_000) // overpaid
        case 78..<83: text = typo(text, &generator) // wrong check digits
        case 83..<88: text = "nop phi ho so" // no reference
        case 88..<92: // two references, paying both
            let other = dossier((index + 1) % count)
            text += " " + other.reference.text
            amount += other.amount
        case 92..<95: text = dossier(max(0, index - 1)).reference.text // pays an earlier dossier again (duplicate)
        default: text = split(text.lowercased(), &generator) // lower case and split by a separator
        }
        let wrapped = wrap(text, payer: names[generator.below(names.count)], &generator)
        return CreditLine(day: firstDay.adding(days: index / perDay), amount: amount, memo: wrapped,
                          bankReference: "FT\(26_000_000_000 + index)", payer: seed.applicant)
    }

    /// A dossier code as payers type it: as printed, without separators, with spaces, in lower case.
    func mangledCode(_ code: String, _ generator: inout SplitMix64) -> String {
        switch generator.below(4) {
        case 0: "nop phi ho so " + code
        case 1: code.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: "-", with: " ").lowercased()
        case 2: "HS " + code.replacingOccurrences(of: "-", with: ".")
        default: code.replacingOccurrences(of: ".", with: " ").replacingOccurrences(of: "-", with: "") + " le phi"
        }
    }

    private func typo(_ text: String, _ generator: inout SplitMix64) -> String {
        var characters = Array(text)
        let position = format.prefix.count + generator.below(characters.count - format.prefix.count)
        characters[position] = characters[position] == "9" ? "0" : Character(String((Int(String(characters[position])) ?? 0) + 1))
        return String(characters)
    }

    private func split(_ text: String, _ generator: inout SplitMix64) -> String {
        let cut = text.index(text.startIndex, offsetBy: 2 + generator.below(text.count - 3))
        return text[..<cut] + [" ", ".", "-", "\n"][generator.below(4)] + text[cut...]
    }

    private func wrap(_ text: String, payer: String, _ generator: inout SplitMix64) -> String {
        switch generator.below(5) {
        case 0: "MBVCB.\(generator.below(9_999_999)).\(text).CT tu 0011004567890 \(payer) toi 0071000123456 TRUNG TAM PVHCC"
        case 1: "\(generator.below(999_999_999)).221126.0915\(generator.below(10))\(generator.below(10)).\(text)"
        case 2: "CT nhanh 247 den: \(text) \(payer)"
        case 3: "Chuyen tien den tu NAPAS Noi dung: \(text) (CT1111)"
        default: text
        }
    }
}
