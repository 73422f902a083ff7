/// The dates a report covers, both ends included, checked once for every report.
public struct ReportPeriod: Sendable, Hashable, Codable {
    /// The longest period a report runs without being forced: 5 years.
    public static let maximumYears = 5

    /// The first day.
    public let from: LocalDate
    /// The last day.
    public let to: LocalDate

    /// A period from `from` to `to`; refused when `from` is after `to`, or when it spans more than
    /// five years and `force` is false (such a report scans years of data, usually by mistake).
    public init(from: LocalDate, to: LocalDate, force: Bool = false) throws(CoreError) {
        guard from <= to else {
            throw CoreError(.invalid, "the start date \(from) is after the end date \(to)")
        }
        let limit = ReportPeriod.sameDay(of: from, yearsLater: ReportPeriod.maximumYears)
        guard force || to < limit else {
            throw CoreError(.invalid, "the period \(from) to \(to) is longer than \(ReportPeriod.maximumYears) years; "
                + "ask for it explicitly with --force (force=true over HTTP)")
        }
        self.from = from
        self.to = to
    }

    /// Number of days, both ends included.
    public var days: Int { Int(to.daysSinceEpoch - from.daysSinceEpoch) + 1 }

    /// The trend's step: day by day for up to 62 days, else month by month.
    public var trendUnit: TrendUnit { days <= 62 ? .day : .month }

    /// Every month that has at least one day in the period, as `YYYY-MM`, in order.
    public var months: [String] {
        var result: [String] = []
        var year = from.year, month = from.month
        while (year, month) <= (to.year, to.month) {
            result.append(ReportPeriod.monthKey(year: year, month: month))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }

    /// The whole calendar months inside the period (first and last `YYYY-MM`), or nil when none is.
    public var wholeMonths: (first: String, last: String)? {
        let start = from.day == 1 ? from : LocalDate.firstOfMonth(after: from)
        let endMonth = to.day == LocalDate.daysIn(month: to.month, year: to.year) ? to : LocalDate.lastOfMonth(before: to)
        guard start <= endMonth else { return nil }
        return (ReportPeriod.monthKey(year: start.year, month: start.month), ReportPeriod.monthKey(year: endMonth.year, month: endMonth.month))
    }

    /// The day ranges at either end of the period not covered by `wholeMonths` (empty ranges omitted).
    public var partialDays: [ClosedRange<LocalDate>] {
        guard wholeMonths != nil else { return [from...to] }
        var ranges: [ClosedRange<LocalDate>] = []
        if from.day != 1 { ranges.append(from...LocalDate.lastOfMonth(before: LocalDate.firstOfMonth(after: from))) }
        if to.day != LocalDate.daysIn(month: to.month, year: to.year) { ranges.append(LocalDate.firstOfMonth(after: LocalDate.lastOfMonth(before: to))...to) }
        return ranges
    }

    /// `YYYY-MM`.
    public static func monthKey(year: Int, month: Int) -> String {
        String(year) + (month < 10 ? "-0" : "-") + String(month)
    }

    private static func sameDay(of date: LocalDate, yearsLater years: Int) -> LocalDate {
        let year = date.year + years
        let day = min(date.day, LocalDate.daysIn(month: date.month, year: year))
        return LocalDate(year: year, month: date.month, day: day) ?? date.adding(days: 365 * years + years / 4)
    }
}

/// The step of a trend series.
public enum TrendUnit: String, Sendable, Codable {
    /// One point per day.
    case day
    /// One point per calendar month.
    case month
}

extension LocalDate {
    /// The first day of the month after this day's month.
    static func firstOfMonth(after date: LocalDate) -> LocalDate {
        date.adding(days: LocalDate.daysIn(month: date.month, year: date.year) - date.day + 1)
    }

    /// The last day of the month before this day's month.
    static func lastOfMonth(before date: LocalDate) -> LocalDate {
        date.adding(days: -date.day)
    }
}
