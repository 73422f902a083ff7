/// The cash-vs-cashless report: payments of a period grouped one way, their totals, and the trend
/// of the cashless share over the period.
///
/// Encoded with the stable keys of ARCHITECTURE.md: `from, to, by, groups, totals`, plus `unit`,
/// `generatedAt` and `trend`. Every count and sum of `groups` adds up to `totals`; so does `dossiers`
/// for groupings that are properties of the dossier (kind, field, procedure, desk), while with `day`
/// or `month` a dossier paid in two periods counts once in each and once in the totals.
public struct CashlessReport: Sendable, Encodable {
    /// The unit's name, printed in the header.
    public let unit: String
    /// The period.
    public let period: ReportPeriod
    /// How payments are grouped.
    public let grouping: ReportGrouping
    /// One row per group that has payments, in key order.
    public let groups: [CashlessRow]
    /// The whole period.
    public let totals: CashlessFigures
    /// The cashless share period by period.
    public let trend: CashlessTrend
    /// When the report was made, ISO 8601 with the unit's offset.
    public let generatedAt: String

    /// A report from its parts.
    public init(unit: String, period: ReportPeriod, grouping: ReportGrouping, groups: [CashlessRow], totals: CashlessFigures,
                trend: CashlessTrend, generatedAt: String) {
        self.unit = unit
        self.period = period
        self.grouping = grouping
        self.groups = groups
        self.totals = totals
        self.trend = trend
        self.generatedAt = generatedAt
    }

    private enum Keys: String, CodingKey {
        case unit, from, to, by, groups, totals, trend, generatedAt
    }

    /// Encodes with the stable keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(unit, forKey: .unit)
        try container.encode(period.from, forKey: .from)
        try container.encode(period.to, forKey: .to)
        try container.encode(grouping.rawValue, forKey: .by)
        try container.encode(groups, forKey: .groups)
        try container.encode(CashlessTotals(totals), forKey: .totals)
        try container.encode(trend, forKey: .trend)
        try container.encode(generatedAt, forKey: .generatedAt)
    }
}

/// The cashless share over time: one point per day or per month of the period, empty periods included.
public struct CashlessTrend: Sendable, Encodable {
    /// Day or month.
    public let unit: TrendUnit
    /// One row per day (`YYYY-MM-DD`) or month (`YYYY-MM`) of the period, in order.
    public let points: [CashlessRow]

    /// A trend with `points` in order.
    public init(unit: TrendUnit, points: [CashlessRow]) {
        self.unit = unit
        self.points = points
    }

    /// Every day or month of `period` in order, with the figures of `rows` where there are some.
    public static func filled(_ rows: [CashlessRow], period: ReportPeriod) -> CashlessTrend {
        let unit = period.trendUnit
        let byKey = Dictionary(rows.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let keys: [String]
        switch unit {
        case .day: keys = (0..<period.days).map { period.from.adding(days: $0).description }
        case .month: keys = period.months
        }
        let grouping: ReportGrouping = unit == .day ? .day : .month
        let points = keys.map { key in
            byKey[key] ?? CashlessRow(key: key, label: grouping.label(for: key, name: nil), figures: .zero)
        }
        return CashlessTrend(unit: unit, points: points)
    }
}
