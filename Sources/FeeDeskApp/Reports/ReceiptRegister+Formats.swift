import FeeDeskCore

extension ReceiptRegister: RenderableReport {
    /// `01/01/2026 – 31/01/2026`.
    var periodText: String {
        "\(ReportGrouping.vietnameseDate(period.from.description)) – \(ReportGrouping.vietnameseDate(period.to.description))"
    }

    /// Vietnamese words for a method and a status.
    static func sourceText(_ source: PaymentSource) -> String { source == .cash ? "Tiền mặt" : "Chuyển khoản" }
    static func statusText(_ status: ReceiptLine.Status) -> String { status == .issued ? "Đã lập" : "Đã huỷ" }

    /// `21/11/2026 09:15`.
    static func issuedText(_ stamp: String) -> String {
        let day = ReportGrouping.vietnameseDate(String(stamp.prefix(10)))
        let time = stamp.dropFirst(11).prefix(5)
        return time.isEmpty ? day : "\(day) \(time)"
    }

    /// The summary lines: receipts in force and cancelled, cash and cashless.
    var summaryRows: [[String]] {
        let issued = total(.issued), cancelled = total(.cancelled)
        let cash = total(.issued, source: .cash), cashless = total(.issued, source: .cashless)
        return [["Biên lai đã lập (còn hiệu lực)", String(issued.count), issued.amount.groupedDigits],
                ["  trong đó tiền mặt", String(cash.count), cash.amount.groupedDigits],
                ["  trong đó chuyển khoản", String(cashless.count), cashless.amount.groupedDigits],
                ["Biên lai đã huỷ", String(cancelled.count), cancelled.amount.groupedDigits]]
    }

    /// The terminal table: one line per receipt, then the summary.
    public var textTable: String {
        let rows = lines.map { line in
            [line.form, line.symbol, line.numberText, ReceiptRegister.issuedText(line.issuedAt), line.dossier, line.applicant, line.procedure,
             line.kind.displayName, line.amount.groupedDigits, ReceiptRegister.sourceText(line.source), ReceiptRegister.statusText(line.status)]
        }
        let table = PlainTextTable.render(header: ["Mẫu số", "Ký hiệu", "Số", "Ngày lập", "Hồ sơ", "Người nộp", "Thủ tục", "Loại",
                                                   "Số tiền (đ)", "Hình thức", "Trạng thái"], rows: rows, rightAligned: [8])
        let summary = PlainTextTable.render(header: ["", "Số biên lai", "Số tiền (đ)"], rows: summaryRows, rightAligned: [1, 2])
        return """
        \(unit)
        SỔ THEO DÕI BIÊN LAI THU PHÍ, LỆ PHÍ
        Ngày lập biên lai: \(periodText) · lập lúc \(generatedAt)

        \(table)

        \(summary)
        """
    }

    /// The CSV for the e-receipt system: one record per receipt (cancelled ones too), machine values:
    /// the number as 7-digit text, time ISO 8601, kind `phi|le_phi`, method `cash|cashless`, status
    /// `issued|cancelled`, amount in whole đồng.
    public var csv: CSVWriter {
        var writer = CSVWriter()
        writer.append(texts: ["Mẫu số (form)", "Ký hiệu (symbol)", "Số (number)", "Ngày lập (issued at)", "Mã hồ sơ (dossier)",
                              "Người nộp (payer)", "Thủ tục (procedure)", "Loại phí (fee kind)", "Số tiền (amount, đồng)",
                              "Hình thức (method)", "Trạng thái (status)"])
        for line in lines {
            writer.append([.text(line.form), .text(line.symbol), .text(line.numberText), .text(line.issuedAt), .text(line.dossier),
                           .text(line.applicant), .text(line.procedure), .text(line.kind.rawValue), .integer(line.amount.dong),
                           .text(line.source.rawValue), .text(line.status.rawValue)])
        }
        return writer
    }
}
