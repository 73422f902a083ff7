/// The cash and cashless payments of one group (or of the whole report), in counts and đồng.
///
/// A payment is a cash payment that was not voided, or the part of a credit allocated to a dossier and
/// not reversed. Its date is the cash payment's business date or the credit's booking date.
public struct CashlessFigures: Sendable, Hashable {
    /// Distinct dossiers with at least one payment in the group.
    public var dossiers: Int64
    /// Cash payments.
    public var cashCount: Int64
    /// Their sum.
    public var cashAmount: Money
    /// Cashless payments (allocations).
    public var cashlessCount: Int64
    /// Their sum.
    public var cashlessAmount: Money

    /// Figures with every count and sum given.
    public init(dossiers: Int64, cashCount: Int64, cashAmount: Money, cashlessCount: Int64, cashlessAmount: Money) {
        self.dossiers = dossiers
        self.cashCount = cashCount
        self.cashAmount = cashAmount
        self.cashlessCount = cashlessCount
        self.cashlessAmount = cashlessAmount
    }

    /// Nothing paid.
    public static let zero = CashlessFigures(dossiers: 0, cashCount: 0, cashAmount: .zero, cashlessCount: 0, cashlessAmount: .zero)

    /// Cash plus cashless, in đồng.
    public var totalAmount: Money { cashAmount + cashlessAmount }

    /// Cash plus cashless payments.
    public var totalCount: Int64 { cashCount + cashlessCount }

    /// The cashless share of the amount.
    public var cashlessShareAmount: ShareFraction { ShareFraction(part: cashlessAmount.dong, of: totalAmount.dong) }

    /// The cashless share of the number of payments.
    public var cashlessShareCount: ShareFraction { ShareFraction(part: cashlessCount, of: totalCount) }

    /// Counts and sums added; `dossiers` added too (callers correct it where a dossier spans groups).
    public static func + (lhs: CashlessFigures, rhs: CashlessFigures) -> CashlessFigures {
        CashlessFigures(dossiers: lhs.dossiers + rhs.dossiers, cashCount: lhs.cashCount + rhs.cashCount,
                        cashAmount: lhs.cashAmount + rhs.cashAmount, cashlessCount: lhs.cashlessCount + rhs.cashlessCount,
                        cashlessAmount: lhs.cashlessAmount + rhs.cashlessAmount)
    }
}

/// One line of the cash-vs-cashless report: a group's key, its label and its figures.
///
/// Encoded flat with the stable keys of ARCHITECTURE.md: `key, dossiers, cashCount, cashAmount,
/// cashlessCount, cashlessAmount, totalAmount, cashlessShareAmount, cashlessShareCount` (plus `label`).
public struct CashlessRow: Sendable, Hashable, Encodable {
    /// The group's machine key: `phi`, a field name, a procedure code, a desk, `YYYY-MM-DD`, `YYYY-MM`.
    public let key: String
    /// The group's name for people, in Vietnamese.
    public let label: String
    /// Its figures.
    public let figures: CashlessFigures

    /// A row for group `key`.
    public init(key: String, label: String, figures: CashlessFigures) {
        self.key = key
        self.label = label
        self.figures = figures
    }

    private enum Keys: String, CodingKey {
        case key, label, dossiers, cashCount, cashAmount, cashlessCount, cashlessAmount, totalAmount, cashlessShareAmount, cashlessShareCount
    }

    /// Encodes flat: amounts as whole đồng, shares as fractions rounded to 4 places.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(key, forKey: .key)
        try container.encode(label, forKey: .label)
        try figures.encodeFields(into: &container, keys: (.dossiers, .cashCount, .cashAmount, .cashlessCount, .cashlessAmount,
                                                           .totalAmount, .cashlessShareAmount, .cashlessShareCount))
    }
}

/// The report's totals, encoded with the same keys as a row but without `key` and `label`.
public struct CashlessTotals: Sendable, Hashable, Encodable {
    /// The figures of the whole period.
    public let figures: CashlessFigures

    /// Totals of `figures`.
    public init(_ figures: CashlessFigures) {
        self.figures = figures
    }

    private enum Keys: String, CodingKey {
        case dossiers, cashCount, cashAmount, cashlessCount, cashlessAmount, totalAmount, cashlessShareAmount, cashlessShareCount
    }

    /// Encodes the figures flat.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try figures.encodeFields(into: &container, keys: (.dossiers, .cashCount, .cashAmount, .cashlessCount, .cashlessAmount,
                                                           .totalAmount, .cashlessShareAmount, .cashlessShareCount))
    }
}

extension CashlessFigures {
    func encodeFields<K: CodingKey>(into container: inout KeyedEncodingContainer<K>, keys: (K, K, K, K, K, K, K, K)) throws {
        try container.encode(dossiers, forKey: keys.0)
        try container.encode(cashCount, forKey: keys.1)
        try container.encode(cashAmount.dong, forKey: keys.2)
        try container.encode(cashlessCount, forKey: keys.3)
        try container.encode(cashlessAmount.dong, forKey: keys.4)
        try container.encode(totalAmount.dong, forKey: keys.5)
        try container.encode(cashlessShareAmount, forKey: keys.6)
        try container.encode(cashlessShareCount, forKey: keys.7)
    }
}
