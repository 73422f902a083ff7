/// How a CSV export writes amounts.
public enum AmountStyle: String, Sendable, Hashable, Codable, CaseIterable {
    /// `1.000.000` with `,` as the decimal mark (`1.000.000,00`).
    case dotThousands = "dot-thousands"
    /// `1,000,000` with `.` as the decimal mark (`1,000,000.00`).
    case commaThousands = "comma-thousands"
    /// `1000000`, no grouping; a single `.` or `,` is a decimal mark.
    case plain
    /// Decided per value, only where unambiguous: a separator followed by exactly three digits
    /// groups thousands, one followed by one or two digits is a decimal mark, and when both `.` and `,`
    /// appear the last one is the decimal mark. Not allowed for currencies with 3 or more decimals.
    case auto
    /// SWIFT MT940: decimal comma, no grouping, the comma may end the amount (`300,`).
    case swift
    /// ISO 20022 XML: decimal point, no grouping (`1234.56`).
    case iso
}
