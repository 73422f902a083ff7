/// Vietnamese words for an amount of đồng, as written on receipts and payment slips
/// ("Số tiền bằng chữ").
///
/// Conventions (those of Vietnamese accounting software and e-invoices):
/// - groups of three digits read as `tỷ`, `triệu`, `nghìn` (not "ngàn") and units; a count of
///   tỷ above 999 is itself read with `nghìn` (1,000,000,000,000 → "một nghìn tỷ"), so the range
///   is 0…9,999,999,999,999, the 13-digit limit of a VietQR amount and of `Money.maximum`;
/// - a zero tens digit after hundreds reads `linh` (not "lẻ"): 105 → "một trăm linh năm";
/// - `mười` for ten, `mươi` for other tens; `mốt` for a final 1 after mươi (21 → "hai mươi mốt",
///   but 11 → "mười một"); `tư` for a final 4 after mươi (24 → "hai mươi tư", but 14 → "mười bốn");
///   `lăm` for a final 5 after mười/mươi (15 → "mười lăm", 25 → "hai mươi lăm", 105 → "linh năm");
/// - a group of three zeros is skipped (1,000,000 → "một triệu"), and a non-leading group is read
///   in full, saying its zero hundreds: 1005 → "một nghìn không trăm linh năm",
///   1,050,000 → "một triệu không trăm năm mươi nghìn".
///
/// The same rules are implemented by public "đọc số thành chữ" code such as nntu/tracuunnt
/// (`app/utils/NumToVnStr.py`, which defaults to `linh`, `tư`, `lăm`, `nghìn`, `tỷ`) and
/// vietthuan1996/First-Website (`chucnang/pdf/docsotien.php`, full reading of non-leading groups).
public enum VietnameseAmountWords {
    /// The largest amount that can be spelled: 9,999,999,999,999 đồng (13 digits).
    public static let maximum: Int64 = 9_999_999_999_999

    /// The amount in lower-case words (`75000` → `bảy mươi lăm nghìn`); nil below 0 or above `maximum`.
    public static func spell(_ dong: Int64) -> String? {
        guard dong >= 0, dong <= maximum else { return nil }
        guard dong > 0 else { return "không" }
        var words = [String]()
        let billions = dong / 1_000_000_000
        if billions > 0 {
            appendGroups(of: billions, scales: ["nghìn", ""], to: &words)
            words.append("tỷ")
        }
        appendGroups(of: dong % 1_000_000_000, scales: ["triệu", "nghìn", ""], to: &words)
        return words.joined(separator: " ")
    }

    /// The slip sentence: capitalised words followed by "đồng" (`75000` → `Bảy mươi lăm nghìn đồng`).
    ///
    /// Nil below 0 or above `maximum`.
    public static func sentence(_ dong: Int64) -> String? {
        guard let words = spell(dong), let first = words.first else { return nil }
        return first.uppercased() + words.dropFirst() + " đồng"
    }

    private static let digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// Appends the non-zero three-digit groups of `number`, most significant first, each followed by
    /// its scale word (the last scale belongs to the units group). Zero groups are skipped; a group
    /// after earlier words is read in full.
    private static func appendGroups(of number: Int64, scales: [String], to words: inout [String]) {
        var divisor: Int64 = 1
        for _ in 1..<scales.count {
            divisor *= 1000
        }
        for scale in scales {
            let group = Int(number / divisor % 1000)
            divisor /= 1000
            guard group > 0 else { continue }
            words.append(contentsOf: self.group(group, full: !words.isEmpty))
            if !scale.isEmpty {
                words.append(scale)
            }
        }
    }

    /// Words for 1…999. `full` reads all three places ("không trăm linh năm"), as inside a number.
    private static func group(_ number: Int, full: Bool) -> [String] {
        let hundreds = number / 100
        let tens = number / 10 % 10
        let units = number % 10
        var words = [String]()
        if full || hundreds > 0 {
            words += [digits[hundreds], "trăm"]
        }
        switch tens {
        case 0:
            if units > 0 {
                if !words.isEmpty {
                    words.append("linh")
                }
                words.append(digits[units])
            }
        case 1:
            words.append("mười")
            if units > 0 {
                words.append(units == 5 ? "lăm" : digits[units])
            }
        default:
            words += [digits[tens], "mươi"]
            switch units {
            case 0: break
            case 1: words.append("mốt")
            case 4: words.append("tư")
            case 5: words.append("lăm")
            default: words.append(digits[units])
            }
        }
        return words
    }
}
