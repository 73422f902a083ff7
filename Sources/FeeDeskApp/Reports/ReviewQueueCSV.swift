/// The review queue as a spreadsheet for accountants (`review list --format csv`,
/// `GET /api/v1/review?format=csv`). Memos and payer names come from banks and are untrusted: every
/// text cell goes through `CSVWriter`, which neutralises formula starters (`=HYPERLINK(…)` becomes
/// `'=HYPERLINK(…)`), so opening the file never runs anything.
public enum ReviewQueueCSV {
    /// Column headings, Vietnamese first.
    static let header = [
        "Khoản có / credit", "Tài khoản / account", "Ngày hạch toán / booking date", "Số tiền / amount",
        "Nội dung / memo", "Người chuyển / payer", "Kết quả / outcome", "Vấn đề / issue", "Hồ sơ / dossiers",
        "Đã gán / allocated", "Phải hoàn / owed back", "Gợi ý / first suggestion",
    ]

    /// The items as CSV bytes (UTF-8 with BOM, CRLF), one row per credit.
    public static func render(_ items: [ReviewItem]) -> [UInt8] {
        var csv = CSVWriter()
        csv.append(texts: header)
        for item in items {
            csv.append([
                .integer(item.credit), .text(item.account), .text(item.bookingDate.description), .integer(item.amount.dong),
                .text(item.memo), .text(item.payer ?? ""), .text(item.outcome.rawValue), .text(item.issue),
                .text(item.dossiers.joined(separator: " ")), .integer(item.allocated.dong), .integer(item.owedBack.dong),
                .text(item.suggestions.first?.dossier ?? ""),
            ])
        }
        return csv.bytes
    }
}
