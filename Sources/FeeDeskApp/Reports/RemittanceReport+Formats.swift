import FeeDeskCore

extension RemittanceReport: RenderableReport {
    /// `từ ngày 01/11/2026 đến ngày 30/11/2026`.
    var periodText: String {
        "Kỳ: từ ngày \(ReportGrouping.vietnameseDate(from.description)) đến ngày \(ReportGrouping.vietnameseDate(to.description))"
    }

    /// One row per kind: kind, collected, refunded, net, remitted, due.
    var kindRows: [[String]] {
        kinds.map { kind in
            [kind.kind.displayName, kind.collected.groupedDigits, kind.refunded.groupedDigits, (kind.collected - kind.refunded).groupedDigits,
             kind.remitted.groupedDigits, kind.due.groupedDigits]
        }
    }

    var totalRow: [String] {
        ["Cộng", totals.collected.groupedDigits, totals.refunded.groupedDigits, (totals.collected - totals.refunded).groupedDigits,
         totals.remitted.groupedDigits, totals.due.groupedDigits]
    }

    static let kindHeader = ["Loại", "Đã thu", "Đã hoàn trả", "Thu thuần", "Đã nộp", "Còn phải nộp"]

    /// One row per kind and field, fields in alphabetical order: kind, field, net collected.
    var fieldRows: [[String]] {
        kinds.flatMap { kind in
            kind.fields.sorted { $0.key < $1.key }.map { [kind.kind.displayName, $0.key, $0.value.groupedDigits] }
        }
    }

    /// One row per remittance.
    var remittanceRows: [[String]] {
        remittances.map { item in
            [ReportGrouping.vietnameseDate(item.date.description), item.kind.displayName, item.reference, item.amount.groupedDigits,
             item.onStatement ? "Đã có trên sao kê" : "Chưa thấy trên sao kê"]
        }
    }

    static let remittanceHeader = ["Ngày", "Loại", "Chứng từ", "Số tiền", "Sao kê"]

    /// The terminal report.
    public var textTable: String {
        let kindsTable = PlainTextTable.render(header: Self.kindHeader, rows: kindRows, footer: [totalRow], rightAligned: [1, 2, 3, 4, 5])
        let fieldsTable = fieldRows.isEmpty ? "Không có khoản thu." :
            PlainTextTable.render(header: ["Loại", "Lĩnh vực", "Thu thuần"], rows: fieldRows, rightAligned: [2])
        let remitted = remittanceRows.isEmpty ? "Chưa nộp khoản nào trong kỳ." :
            PlainTextTable.render(header: Self.remittanceHeader, rows: remittanceRows,
                                  footer: [["Cộng", "", "", totals.remitted.groupedDigits, ""]], rightAligned: [3])
        return """
            Bảng kê nộp ngân sách nhà nước — \(unit)
            \(periodText) · đơn vị tính: đồng

            \(kindsTable)

            Thu thuần theo lĩnh vực
            \(fieldsTable)

            Các lần nộp Kho bạc trong kỳ
            \(remitted)
            """
    }

    /// CSV: one section per table, each with its own heading row; amounts in whole đồng.
    public var csv: CSVWriter {
        var csv = CSVWriter()
        csv.append(texts: ["Bảng kê nộp ngân sách nhà nước", unit, from.description, to.description])
        csv.append(texts: ["section", "kind", "field", "collected", "refunded", "remitted", "due", "date", "reference", "onStatement"])
        for kind in kinds {
            csv.append([.text("kind"), .text(kind.kind.rawValue), .text(""), .integer(kind.collected.dong), .integer(kind.refunded.dong),
                        .integer(kind.remitted.dong), .integer(kind.due.dong), .text(""), .text(""), .text("")])
        }
        for kind in kinds {
            for (field, net) in kind.fields.sorted(by: { $0.key < $1.key }) {
                csv.append([.text("field"), .text(kind.kind.rawValue), .text(field), .integer(net.dong), .text(""), .text(""), .text(""),
                            .text(""), .text(""), .text("")])
            }
        }
        for item in remittances {
            csv.append([.text("remittance"), .text(item.kind.rawValue), .text(""), .text(""), .text(""), .integer(item.amount.dong), .text(""),
                        .text(item.date.description), .text(item.reference), .text(item.onStatement ? "yes" : "no")])
        }
        csv.append([.text("total"), .text(""), .text(""), .integer(totals.collected.dong), .integer(totals.refunded.dong),
                    .integer(totals.remitted.dong), .integer(totals.due.dong), .text(""), .text(""), .text("")])
        return csv
    }

    /// The printable A4 page.
    public var html: String {
        var kindsTable = HTMLTable(header: Self.kindHeader, alignments: [.left] + Array(repeating: .right, count: 5))
        kindsTable.rows = kindRows
        kindsTable.footer = [totalRow]
        var fieldsTable = HTMLTable(header: ["Loại", "Lĩnh vực", "Thu thuần"], alignments: [.left, .left, .right])
        fieldsTable.rows = fieldRows
        var remittedTable = HTMLTable(header: ["STT"] + Self.remittanceHeader, alignments: [.center, .center, .left, .left, .right, .left])
        remittedTable.rows = remittanceRows.enumerated().map { [String($0.offset + 1)] + $0.element }
        remittedTable.footer = [["", "Cộng", "", "", totals.remitted.groupedDigits, ""]]
        let verdict = addsUp ? "✓ Còn phải nộp = đã thu − đã hoàn trả − đã nộp, cho từng loại; các dòng cộng lại đúng bằng tổng."
            : "✗ Các số không cộng lại đúng; kiểm tra lại dữ liệu."
        return ReportPage(title: "Bảng kê nộp ngân sách \(periodText)", unit: unit, heading: "Bảng kê thu, nộp phí và lệ phí vào ngân sách nhà nước",
                          period: periodText, generatedAt: generatedAt, body: """
            <h2>I. Số thu và số phải nộp theo loại</h2>
            <p class="unitline">Đơn vị tính: đồng</p>
            \(kindsTable.html)
            <p class="verdict">\(HTML.escape(verdict))</p>
            <h2>II. Thu thuần theo lĩnh vực</h2>
            <p class="unitline">Đơn vị tính: đồng</p>
            \(fieldsTable.html)
            <h2>III. Các lần nộp Kho bạc Nhà nước trong kỳ</h2>
            <p class="unitline">Đơn vị tính: đồng</p>
            \(remittedTable.html)
            <p class="note">Tiền mặt tính theo ngày biên lai, chuyển khoản theo ngày hạch toán; khoản hoàn trả do huỷ hồ sơ được trừ.
            Phí nộp vào tài khoản chờ nộp ngân sách tại Kho bạc, lệ phí nộp ngân sách nhà nước theo kỳ cơ quan có thẩm quyền quy định.</p>
            """).document
    }
}
