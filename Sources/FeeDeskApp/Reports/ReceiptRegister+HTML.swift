import FeeDeskCore
import Foundation

extension ReceiptRegister {
    /// The printable A4 register in Vietnamese: national heading, title and period, the summary, one
    /// row per receipt, signature lines. Every value is escaped; the markup is XHTML-compatible.
    public var html: String {
        var table = HTMLTable(header: ["STT", "Ký hiệu", "Số", "Ngày lập", "Hồ sơ", "Người nộp", "Thủ tục", "Loại", "Số tiền",
                                       "Hình thức", "Trạng thái"],
                              alignments: [.center, .center, .center, .left, .left, .left, .left, .center, .right, .left, .left],
                              className: "data trend") // "trend": no minimum width for the 2nd column
        table.rows = lines.enumerated().map { index, line in
            [String(index + 1), line.symbol, line.numberText, ReceiptRegister.issuedText(line.issuedAt), line.dossier, line.applicant,
             line.procedureName.isEmpty ? line.procedure : line.procedureName, line.kind.displayName, line.amount.groupedDigits,
             ReceiptRegister.sourceText(line.source), ReceiptRegister.statusText(line.status)]
        }
        let forms = Array(Set(lines.map(\.form))).sorted().joined(separator: ", ")
        var summary = HTMLTable(header: ["", "Số biên lai", "Số tiền"], alignments: [.left, .right, .right], className: "data trend")
        summary.rows = summaryRows.map { [$0[0].trimmingCharacters(in: .whitespaces), $0[1], $0[2]] }
        let body = """
            \(summary.html)
            <p class="unitline">\(forms.isEmpty ? "" : "Mẫu số biên lai: \(HTML.escape(forms)) · ")Đơn vị tính: đồng</p>
            \(table.html)
            <p class="note">Số biên lai do FeeDesk cấp liên tục theo từng ký hiệu, bắt đầu lại từ 1 vào ngày 1 tháng 1. Biên lai của khoản tiền mặt
            đã huỷ hoặc khoản chuyển khoản đã đảo được ghi "Đã huỷ" và số không được dùng lại.</p>
            """
        return ReportPage(title: "Sổ theo dõi biên lai \(periodText)", unit: unit, heading: "Sổ theo dõi biên lai thu phí, lệ phí",
                          period: "Ngày lập biên lai: từ ngày \(ReportGrouping.vietnameseDate(period.from.description)) đến ngày "
                              + ReportGrouping.vietnameseDate(period.to.description),
                          generatedAt: generatedAt, body: body).document
    }
}
