/// A share (part ÷ whole) rounded half-up to 4 decimal places, kept as a whole number of
/// ten-thousandths so that no floating point touches money: 12,562,000 of 594,462,000 is `0.0211`.
public struct ShareFraction: Sendable, Hashable, Comparable, Encodable, CustomStringConvertible {
    /// The share in ten-thousandths (211 for 0.0211, 10,000 for the whole).
    public let tenThousandths: Int64

    /// `part` ÷ `whole`, rounded half-up to 4 places; zero when `whole` is zero or less.
    public init(part: Int64, of whole: Int64) {
        guard whole > 0, part > 0 else {
            tenThousandths = 0
            return
        }
        // part ≤ whole ≤ 10^13 keeps part × 20,000 far below Int64.max.
        tenThousandths = (part * 20_000 + whole) / (2 * whole)
    }

    /// A share given in ten-thousandths.
    public init(tenThousandths: Int64) {
        self.tenThousandths = tenThousandths
    }

    /// The fraction as a decimal number, for JSON (`0.0211`).
    public var fraction: Double { Double(tenThousandths) / 10_000 }

    /// `0.0211`: the fraction with exactly 4 decimals.
    public var description: String {
        let whole = tenThousandths / 10_000
        let rest = String(tenThousandths % 10_000)
        return "\(whole)." + String(repeating: "0", count: 4 - rest.count) + rest
    }

    /// `2,11%`: a percentage with two decimals and the Vietnamese decimal comma.
    public var percentVietnamese: String { percent(separator: ",") }

    /// `2.11%`: a percentage with two decimals and a decimal point.
    public var percent: String { percent(separator: ".") }

    private func percent(separator: String) -> String {
        let rest = String(tenThousandths % 100)
        return "\(tenThousandths / 100)" + separator + (rest.count < 2 ? "0" : "") + rest + "%"
    }

    /// Encodes as a JSON number with at most 4 decimals.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fraction)
    }

    public static func < (lhs: ShareFraction, rhs: ShareFraction) -> Bool { lhs.tenThousandths < rhs.tenThousandths }
}
