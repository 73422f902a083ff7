import FeeDeskCore
import Foundation

extension CashlessReport {
    /// The printable A4 report in Vietnamese: national heading, title and period, summary, the group
    /// table, an SVG chart and a table of the cashless share over time, the signature lines. Every
    /// value is escaped; the markup is XHTML-compatible (it parses as XML).
    public var html: String { page.document }

    /// The report as a `<div class="report-sheet">` for the web UI.
    var sheet: String { page.sheet }

    /// The report in its A4 frame.
    var page: ReportPage {
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
        return ReportPage(title: "Báo cáo thu tiền mặt và không dùng tiền mặt \(periodText)", unit: unit,
                          heading: "Báo cáo thu phí, lệ phí bằng tiền mặt và không dùng tiền mặt",
                          period: "Kỳ báo cáo: từ ngày \(ReportGrouping.vietnameseDate(period.from.description)) đến ngày "
                              + "\(ReportGrouping.vietnameseDate(period.to.description)) · Tổng hợp theo: \(grouping.heading.lowercased())",
                          generatedAt: generatedAt, body: """
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
            """)
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
}
