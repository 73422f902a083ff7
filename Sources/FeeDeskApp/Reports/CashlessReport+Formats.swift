import FeeDeskCore

extension CashlessReport {
    /// The column headings shared by the text, CSV and HTML tables (after the group column).
    static let figureHeadings = ["Số hồ sơ", "Lượt tiền mặt", "Tiền mặt (đ)", "Lượt KDTM", "Không dùng tiền mặt (đ)",
                                 "Tổng thu (đ)", "Tỷ lệ KDTM (số tiền)", "Tỷ lệ KDTM (số lượt)"]

    /// A row's figures as display text: grouped amounts, Vietnamese percentages.
    static func displayCells(_ figures: CashlessFigures) -> [String] {
        [grouped(figures.dossiers), grouped(figures.cashCount), figures.cashAmount.groupedDigits, grouped(figures.cashlessCount),
         figures.cashlessAmount.groupedDigits, figures.totalAmount.groupedDigits, figures.cashlessShareAmount.percentVietnamese,
         figures.cashlessShareCount.percentVietnamese]
    }

    /// A count with `.` between thousands: `11.721`.
    static func grouped(_ count: Int64) -> String { Money(dong: count).groupedDigits }

    /// `01/01/2021 – 31/12/2021`.
    var periodText: String {
        "\(ReportGrouping.vietnameseDate(period.from.description)) – \(ReportGrouping.vietnameseDate(period.to.description))"
    }

    /// The terminal table: a heading, one line per group, the totals and the trend.
    public var textTable: String {
        let numbers = Set(1...8)
        let groupTable = PlainTextTable.render(header: [grouping.heading] + CashlessReport.figureHeadings,
                                               rows: groups.map { [$0.label] + CashlessReport.displayCells($0.figures) },
                                               footer: [["Tổng cộng"] + CashlessReport.displayCells(totals)], rightAligned: numbers)
        let listed = trend.unit == .day ? trend.points.filter { $0.figures.totalCount > 0 } : trend.points
        let trendRows = listed.map { point in
            [point.label, point.figures.totalAmount.groupedDigits, point.figures.cashlessAmount.groupedDigits,
             point.figures.totalCount == 0 ? "—" : point.figures.cashlessShareAmount.percentVietnamese,
             point.figures.totalCount == 0 ? "—" : point.figures.cashlessShareCount.percentVietnamese]
        }
        let trendTable = PlainTextTable.render(header: [trend.unit == .day ? "Ngày" : "Tháng", "Tổng thu (đ)", "KDTM (đ)",
                                                        "Tỷ lệ (số tiền)", "Tỷ lệ (số lượt)"],
                                               rows: trendRows, rightAligned: [1, 2, 3, 4])
        return """
        \(unit)
        BÁO CÁO THU PHÍ, LỆ PHÍ BẰNG TIỀN MẶT VÀ KHÔNG DÙNG TIỀN MẶT (KDTM)
        Kỳ báo cáo: \(periodText) · nhóm theo: \(grouping.heading.lowercased()) · lập lúc \(generatedAt)

        \(groupTable)

        Xu hướng tỷ lệ KDTM theo \(trend.unit == .day ? "ngày" : "tháng"):
        \(trendTable)
        """
    }

    /// The CSV document: a heading record, one record per group, then the totals. Amounts in whole
    /// đồng and shares as fractions (`0.0211`), so a spreadsheet can compute with them.
    public var csv: CSVWriter {
        var writer = CSVWriter()
        writer.append(texts: ["Mã nhóm (\(grouping.rawValue))", grouping.heading, "Số hồ sơ", "Lượt tiền mặt", "Tiền mặt (đồng)",
                              "Lượt không dùng tiền mặt", "Không dùng tiền mặt (đồng)", "Tổng thu (đồng)",
                              "Tỷ lệ KDTM theo số tiền", "Tỷ lệ KDTM theo số lượt"])
        for row in groups { writer.append([.text(row.key), .text(row.label)] + CashlessReport.csvCells(row.figures)) }
        writer.append([.text(""), .text("Tổng cộng \(period.from) – \(period.to)")] + CashlessReport.csvCells(totals))
        return writer
    }

    static func csvCells(_ figures: CashlessFigures) -> [CSVWriter.Cell] {
        [.integer(figures.dossiers), .integer(figures.cashCount), .integer(figures.cashAmount.dong), .integer(figures.cashlessCount),
         .integer(figures.cashlessAmount.dong), .integer(figures.totalAmount.dong), .decimal(figures.cashlessShareAmount.description),
         .decimal(figures.cashlessShareCount.description)]
    }
}
