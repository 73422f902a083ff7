import FeeDeskCore

/// The aggregate queries behind the reports. They read the maintained totals of `ReportTotals`
/// (refresh them first, in the same or an earlier transaction), never the payments one by one.
///
/// Distinct dossiers: a day cell counts each dossier once; a dossier paid on several days of a
/// range is in several cells, and `report_multiday` (its days, procedure, desk and previous payment
/// day) gives the number to take off: its days in the range whose previous payment day is in the
/// range and in the same group too.
public struct ReportQueries {
    private let connection: SQLiteConnection

    /// Queries run through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// One group of the cash-vs-cashless report as stored: key, procedure name (when grouping by
    /// procedure) and figures.
    public struct Group: Sendable, Equatable {
        /// The group key (`phi`, field, procedure code, desk or `''`, `YYYY-MM-DD`, `YYYY-MM`).
        public let key: String
        /// The fee schedule's name of the procedure, when grouping by procedure.
        public let name: String?
        /// Counts and sums; `dossiers` is distinct within the group.
        public let figures: CashlessFigures
    }

    /// Cash and cashless payments of `period` grouped `by`, in key order: GROUP BY in SQLite over the
    /// month totals of whole months and the day totals of the days at either end (day totals only
    /// when grouping by day).
    public func cashVsCashless(_ period: ReportPeriod, by grouping: ReportGrouping) throws(StoreError) -> [Group] {
        let select = "SUM(dossiers), SUM(cash_count), SUM(cash_amount), SUM(cashless_count), SUM(cashless_amount)"
        let sql: String
        let arguments: [any SQLBindable]
        if grouping == .day {
            sql = "SELECT day, NULL, \(select) FROM report_day_total WHERE day BETWEEN ?1 AND ?2 GROUP BY day ORDER BY day"
            arguments = [period.from.description, period.to.description]
        } else {
            sql = """
                WITH \(ReportQueries.cells)
                SELECT \(ReportQueries.key(grouping, procedure: "c.procedure", desk: "c.desk", day: "c.period")) AS key,
                       \(grouping == .procedure ? "MAX(f.name)" : "NULL"), \(select)
                FROM cells c LEFT JOIN fee f ON f.procedure = c.procedure
                GROUP BY key ORDER BY key
                """
            arguments = ReportQueries.cellArguments(period)
        }
        var groups: [Group] = []
        try connection.forEach(sql, arguments) { row throws(StoreError) in
            groups.append(Group(key: row.text(0) ?? "", name: row.text(1), figures: ReportQueries.figures(row, from: 2)))
        }
        guard grouping != .day else { return groups }
        var extra: [String: Int64] = [:]
        let correction = grouping == .month
            ? """
              SELECT substr(day, 1, 7), COUNT(*) FROM report_multiday
              WHERE day BETWEEN ?1 AND ?2 AND prev_day >= ?1 AND substr(prev_day, 1, 7) = substr(day, 1, 7) GROUP BY 1
              """
            : """
              SELECT \(ReportQueries.key(grouping, procedure: "x.procedure", desk: "x.desk", day: "")), SUM(x.extra)
              FROM (\(ReportQueries.extraByProcedureAndDesk)) x LEFT JOIN fee f ON f.procedure = x.procedure GROUP BY 1
              """
        try connection.forEach(correction, [period.from.description, period.to.description]) { row in
            extra[row.text(0) ?? "", default: 0] += row.int64(1)
        }
        return groups.map { group in
            var figures = group.figures
            figures.dossiers -= extra[group.key] ?? 0
            return Group(key: group.key, name: group.name, figures: figures)
        }
    }

    /// The figures of the whole period, dossiers distinct over the period (computed on their own, so
    /// that a test can check that the groups add up to them).
    public func cashVsCashlessTotals(_ period: ReportPeriod) throws(StoreError) -> CashlessFigures {
        var totals = CashlessFigures.zero
        try connection.forEach("""
            WITH \(ReportQueries.cells)
            SELECT SUM(dossiers), SUM(cash_count), SUM(cash_amount), SUM(cashless_count), SUM(cashless_amount) FROM cells
            """, ReportQueries.cellArguments(period)) { row in totals = ReportQueries.figures(row, from: 0) }
        totals.dossiers -= try connection.queryOne("SELECT COUNT(*) FROM report_multiday WHERE day BETWEEN ?1 AND ?2 AND prev_day >= ?1",
                                                   period.from.description, period.to.description) { $0.int64(0) } ?? 0
        return totals
    }

    /// The cells of a period: month rows of whole months (`?1`…`?2`), day rows at the ends (`?3`…`?6`).
    static let cells = """
        cells(period, procedure, desk, dossiers, cash_count, cash_amount, cashless_count, cashless_amount) AS (
            SELECT month, procedure, desk, dossiers, cash_count, cash_amount, cashless_count, cashless_amount
            FROM report_month_total WHERE month BETWEEN ?1 AND ?2
            UNION ALL
            SELECT day, procedure, desk, dossiers, cash_count, cash_amount, cashless_count, cashless_amount
            FROM report_day_total WHERE day BETWEEN ?3 AND ?4 OR day BETWEEN ?5 AND ?6)
        """

    /// Per procedure and desk: the day cells too many for dossiers paid on several days of `?1`…`?2`.
    static let extraByProcedureAndDesk = """
        SELECT procedure, desk, COUNT(*) AS extra FROM report_multiday
        WHERE day BETWEEN ?1 AND ?2 AND prev_day >= ?1 GROUP BY procedure, desk
        """

    /// The six bounds of `cells` for `period` (an empty range is `'1'`…`'0'`).
    static func cellArguments(_ period: ReportPeriod) -> [any SQLBindable] {
        let months = period.wholeMonths
        let edges = period.partialDays.map { ($0.lowerBound.description, $0.upperBound.description) }
        let head = edges.first ?? ("1", "0"), tail = edges.count > 1 ? edges[1] : ("1", "0")
        return [months?.first ?? "1", months?.last ?? "0", head.0, head.1, tail.0, tail.1]
    }

    /// Five sums starting at column `first` as figures.
    static func figures(_ row: SQLiteRow, from first: Int32) -> CashlessFigures {
        CashlessFigures(dossiers: row.int64(first), cashCount: row.int64(first + 1), cashAmount: Money(dong: row.int64(first + 2)),
                        cashlessCount: row.int64(first + 3), cashlessAmount: Money(dong: row.int64(first + 4)))
    }

    /// The group key over columns `procedure`, `desk` and `day` (a day or a month), `f` the fee.
    static func key(_ grouping: ReportGrouping, procedure: String, desk: String, day: String) -> String {
        switch grouping {
        case .kind: "COALESCE(f.kind, '')"
        case .field: "COALESCE(f.field, '')"
        case .procedure: procedure
        case .desk: desk
        case .day: day
        case .month: "substr(\(day), 1, 7)"
        }
    }
}
