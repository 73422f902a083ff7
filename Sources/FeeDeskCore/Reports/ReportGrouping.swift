/// How the cash-vs-cashless report groups payments.
public enum ReportGrouping: String, Sendable, CaseIterable, Codable {
    /// Phí or lệ phí.
    case kind
    /// The field (lĩnh vực) of the procedure.
    case field
    /// The procedure.
    case procedure
    /// The desk (quầy) that registered the dossier.
    case desk
    /// The payment's business date.
    case day
    /// The calendar month of the payment's business date.
    case month

    /// Parses a `--by` value.
    public init(parsing text: String) throws(CoreError) {
        guard let grouping = ReportGrouping(rawValue: text) else {
            throw CoreError(.invalid, "grouping '\(text)' is not one of \(ReportGrouping.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = grouping
    }

    /// The column heading in Vietnamese.
    public var heading: String {
        switch self {
        case .kind: "Loại"
        case .field: "Lĩnh vực"
        case .procedure: "Thủ tục"
        case .desk: "Quầy"
        case .day: "Ngày"
        case .month: "Tháng"
        }
    }

    /// The label shown for group `key`; `name` is the procedure's name when grouping by procedure.
    public func label(for key: String, name: String?) -> String {
        switch self {
        case .kind: FeeKind(rawValue: key)?.displayName ?? key
        case .field: key
        case .procedure: name.map { "\(key) — \($0)" } ?? key
        case .desk: key.isEmpty ? "(không ghi quầy)" : key
        case .day: ReportGrouping.vietnameseDate(key)
        case .month: ReportGrouping.vietnameseMonth(key)
        }
    }

    /// `2021-03-05` as `05/03/2021`.
    public static func vietnameseDate(_ key: String) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 3 else { return key }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// `2021-03` as `03/2021`.
    public static func vietnameseMonth(_ key: String) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 2 else { return key }
        return "\(parts[1])/\(parts[0])"
    }
}
