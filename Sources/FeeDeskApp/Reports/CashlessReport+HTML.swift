import FeeDeskCore
import Foundation

extension CashlessReport {
    /// The printable A4 report in Vietnamese: national heading, title and period, summary, the group
    /// table, an SVG chart and a table of the cashless share over time, the signature lines. Every
    /// value is escaped; the markup is XHTML-compatible (it parses as XML).
    public var html: String {
        var table = HTMLTable(header: ["STT", grouping.heading, "Số hồ sơ", "Lượt tiền mặt", "Tiền mặt", "Lượt KDTM", "Không dùng tiền mặt",
                                       "Tổng thu", "Tỷ lệ KDTM theo tiền", "Tỷ lệ KDTM theo lượt"],
                              alignments: [.center, .left] + Array(repeating: .right, count: 8))
        table.rows = groups.enumerated().map { index, row in [String(index + 1), row.label] + CashlessReport.displayCells(row.figures) }
        table.footer = [["", "Tổng cộng"] + CashlessReport.displayCells(totals)]
        var trendTable = HTMLTable(header: [trend.unit == .day ? "Ngày" : "Tháng", "Số lượt thu", "Tổng thu", "Không dùng tiền mặt",
                                            "Tỷ lệ KDTM theo số tiền", "Tỷ lệ KDTM theo số lượt"],
                                   alignments: [.center] + Array(repeating: .right, count: 5), className: "data trend")
        // Days without payments are left out of the table (the chart shows the gap); months are all listed.
        let listed = trend.unit == .day ? trend.points.filter { $0.figures.totalCount > 0 } : trend.points
        trendTable.rows = listed.map { point in
            let empty = point.figures.totalCount == 0
            return [point.label, CashlessReport.grouped(point.figures.totalCount), point.figures.totalAmount.groupedDigits,
                    point.figures.cashlessAmount.groupedDigits, empty ? "—" : point.figures.cashlessShareAmount.percentVietnamese,
                    empty ? "—" : point.figures.cashlessShareCount.percentVietnamese]
        }
        let dossierNote = grouping == .day || grouping == .month
            ? "<p class=\"note\">Một hồ sơ nộp tiền ở nhiều kỳ được đếm ở mỗi kỳ và một lần ở dòng tổng cộng.</p>\n" : ""
        let stamp = CashlessReport.dateParts(generatedAt)
        return """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="vi" xml:lang="vi">
        <head>
        <meta charset="utf-8"/>
        <title>Báo cáo thu tiền mặt và không dùng tiền mặt \(HTML.escape(periodText))</title>
        <style>
        \(CashlessReport.style)
        </style>
        </head>
        <body>
        <header class="heading">
        <div class="unit"><div class="upper">\(HTML.escape(unit))</div><div class="rule"></div></div>
        <div class="nation"><div class="upper">Cộng hòa xã hội chủ nghĩa Việt Nam</div><div class="motto">Độc lập – Tự do – Hạnh phúc</div><div class="rule"></div></div>
        </header>
        <h1>Báo cáo thu phí, lệ phí bằng tiền mặt và không dùng tiền mặt</h1>
        <p class="period">Kỳ báo cáo: từ ngày \(HTML.escape(ReportGrouping.vietnameseDate(period.from.description))) đến ngày \(HTML.escape(ReportGrouping.vietnameseDate(period.to.description))) · Tổng hợp theo: \(HTML.escape(grouping.heading.lowercased()))</p>
        <table class="summary"><tbody>
        <tr><th>Tổng số tiền đã thu</th><td>\(HTML.escape(totals.totalAmount.formatted))</td><th>Số hồ sơ có nộp tiền</th><td>\(CashlessReport.grouped(totals.dossiers))</td></tr>
        <tr><th>Thu không dùng tiền mặt</th><td>\(HTML.escape(totals.cashlessAmount.formatted))</td><th>Tỷ lệ KDTM theo số tiền</th><td class="big">\(HTML.escape(totals.cashlessShareAmount.percentVietnamese))</td></tr>
        <tr><th>Thu bằng tiền mặt</th><td>\(HTML.escape(totals.cashAmount.formatted))</td><th>Tỷ lệ KDTM theo số lượt</th><td>\(HTML.escape(totals.cashlessShareCount.percentVietnamese))</td></tr>
        </tbody></table>
        <h2>I. Số thu theo \(HTML.escape(grouping.heading.lowercased()))</h2>
        <p class="unitline">Đơn vị tính: đồng</p>
        \(table.html)
        \(dossierNote)<h2>II. Tỷ lệ thu không dùng tiền mặt theo \(trend.unit == .day ? "ngày" : "tháng")</h2>
        <figure>
        \(chart.svg)
        </figure>
        <p class="unitline">Đơn vị tính: đồng</p>
        \(trendTable.html)
        <p class="note">KDTM: không dùng tiền mặt (chuyển khoản, mã VietQR). Một khoản thu KDTM là phần tiền chuyển khoản đã ghi cho hồ sơ;
        khoản tiền mặt đã hủy biên lai và khoản chuyển khoản đã đảo không được tính. Số tiền tính bằng đồng.</p>
        <div class="signatures">
        <p class="place">Ngày \(stamp.day) tháng \(stamp.month) năm \(stamp.year)</p>
        <div class="sign"><strong>Người lập biểu</strong><em>(Ký, ghi rõ họ tên)</em></div>
        <div class="sign"><strong>Kế toán trưởng</strong><em>(Ký, ghi rõ họ tên)</em></div>
        </div>
        <footer>Lập lúc \(HTML.escape(generatedAt)) bởi FeeDesk · \(HTML.escape(unit))</footer>
        </body>
        </html>

        """
    }

    /// The chart of the trend: bars for the share by amount, a line for the share by count.
    var chart: SVGChart {
        let amountShares = trend.points.map { $0.figures.totalCount == 0 ? nil : Double($0.figures.cashlessShareAmount.tenThousandths) / 100 }
        let countShares = trend.points.map { $0.figures.totalCount == 0 ? nil : Double($0.figures.cashlessShareCount.tenThousandths) / 100 }
        let highest = (amountShares + countShares).compactMap { $0 }.max() ?? 0
        let labels = trend.points.map { point in
            trend.unit == .day ? String(ReportGrouping.vietnameseDate(point.key).prefix(5)) : ReportGrouping.vietnameseMonth(point.key)
        }
        var chart = SVGChart(title: "Tỷ lệ thu không dùng tiền mặt theo \(trend.unit == .day ? "ngày" : "tháng")", categories: labels,
                             series: [SVGChart.Series(name: "Tỷ lệ KDTM theo số tiền", values: amountShares, style: .bar, color: "#0b4f8a"),
                                      SVGChart.Series(name: "Tỷ lệ KDTM theo số lượt", values: countShares, style: .line, color: "#c0392b")],
                             maximum: SVGChart.niceMaximum(highest * 1.1, floor: 1)) { value in
            let rounded = (value * 10).rounded() / 10
            return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded).replacingOccurrences(of: ".", with: ",")) + "%"
        }
        chart.labelBars = trend.points.count <= 16
        return chart
    }

    /// Day, month and year of an ISO 8601 timestamp's date.
    static func dateParts(_ timestamp: String) -> (day: String, month: String, year: String) {
        let parts = timestamp.prefix(10).split(separator: "-")
        guard parts.count == 3 else { return ("…", "…", "…") }
        return (String(parts[2]), String(parts[1]), String(parts[0]))
    }

    static let style = """
        @page { size: A4 portrait; margin: 15mm 12mm 15mm 15mm; }
        body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 11pt; color: #000; margin: 0 auto; max-width: 183mm; }
        .heading { display: flex; justify-content: space-between; text-align: center; margin-bottom: 6mm; }
        .heading .unit { width: 42%; font-weight: bold; }
        .heading .nation { width: 56%; }
        .upper { text-transform: uppercase; font-weight: bold; font-size: 10.5pt; }
        .motto { font-weight: bold; font-size: 11pt; }
        .rule { width: 35%; margin: 1mm auto 0; border-top: 1px solid #000; }
        h1 { text-align: center; text-transform: uppercase; font-size: 13.5pt; margin: 0 0 1mm; }
        h2 { font-size: 11.5pt; margin: 5mm 0 2mm; }
        .period { text-align: center; font-style: italic; margin: 0 0 4mm; }
        table { border-collapse: collapse; width: 100%; }
        table.summary { margin: 0 0 2mm; }
        table.summary th { text-align: left; font-weight: normal; padding: 1mm 2mm; width: 31%; }
        table.summary td { text-align: right; font-weight: bold; padding: 1mm 2mm; width: 19%; white-space: nowrap; }
        table.summary td.big { font-size: 13pt; }
        table.data { font-size: 9pt; page-break-inside: auto; }
        table.data th, table.data td { border: 0.6pt solid #000; padding: 0.8mm 1mm; vertical-align: top; }
        table.data thead th { background: #eef2f6; font-weight: bold; text-align: center; font-size: 8pt; vertical-align: middle; }
        table.data td:nth-child(2) { min-width: 30mm; }
        table.trend td:nth-child(2) { min-width: 0; }
        .unitline { text-align: right; font-style: italic; font-size: 9pt; margin: 0 0 1mm; }
        table.data thead { display: table-header-group; }
        table.data tr { page-break-inside: avoid; }
        table.data tfoot td { font-weight: bold; background: #f6f6f6; }
        table.trend { margin: 1mm 0 0; }
        td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.mid { text-align: center; white-space: nowrap; }
        figure { margin: 2mm 0; page-break-inside: avoid; }
        svg.chart { width: 100%; height: auto; display: block; }
        .note { font-size: 8.5pt; font-style: italic; margin: 1.5mm 0; }
        .signatures { display: flex; flex-wrap: wrap; justify-content: space-around; margin-top: 6mm; page-break-inside: avoid; }
        .signatures .place { width: 100%; text-align: right; font-style: italic; margin: 0 8mm 2mm 0; }
        .sign { width: 40%; text-align: center; min-height: 30mm; }
        .sign strong { display: block; }
        .sign em { display: block; font-size: 9pt; }
        @media screen { body { padding: 8mm 6mm; } }
        footer { margin-top: 4mm; border-top: 0.5pt solid #999; padding-top: 1mm; font-size: 8pt; color: #444; }
        """
}
