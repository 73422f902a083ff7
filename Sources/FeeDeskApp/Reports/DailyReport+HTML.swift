import FeeDeskCore
import Foundation

extension DailyReport {
    /// The printable A4 report in Vietnamese in the shared frame (`ReportPage`): balance check,
    /// credits by outcome, debits by kind, exceptions with what to do, cash by cashier with receipt
    /// ranges and voided receipts, the close state, the signature lines. XHTML-compatible; every value
    /// is escaped.
    public var html: String { page.document }

    /// The report as a `<div class="report-sheet">` for the web UI.
    var sheet: String { page.sheet }

    /// The report in its A4 frame.
    var page: ReportPage {
        let checks = self.checks
        var balance = HTMLTable(header: ["Khoản mục", "Số tiền"], alignments: [.left, .right], className: "data balance")
        balance.rows = balanceRows.map { [$0.0, $0.1?.groupedDigits ?? "—"] }
        var outcomes = HTMLTable(header: ["STT", "Kết quả đối soát", "Số khoản", "Số tiền"], alignments: [.center, .left, .right, .right])
        outcomes.rows = outcomeRows.enumerated().map { index, line in
            [String(index + 1), line.outcome.displayName, DailyReport.grouped(line.total.count), line.total.amount.groupedDigits]
        }
        outcomes.footer = [["", "Cộng ghi có trong ngày", DailyReport.grouped(credits.count), credits.amount.groupedDigits]]
        var debits = HTMLTable(header: ["STT", "Loại ghi nợ", "Số khoản", "Số tiền"], alignments: [.center, .left, .right, .right])
        debits.rows = debitRows.enumerated().map { index, line in
            [String(index + 1), line.name, DailyReport.grouped(line.total.count), line.total.amount.groupedDigits]
        }
        debits.footer = [["", "Cộng ghi nợ trên sao kê", DailyReport.grouped(statementDebits.count), statementDebits.amount.groupedDigits]]
        var cashTable = HTMLTable(header: ["STT", "Người thu", "Biên lai từ số", "Đến số", "Số biên lai", "Số tiền"],
                                  alignments: [.center, .left, .center, .center, .right, .right])
        cashTable.rows = cash.cashiers.enumerated().map { index, cashier in
            [String(index + 1), cashier.cashier, cashier.firstReceipt, cashier.lastReceipt, DailyReport.grouped(cashier.count),
             cashier.amount.groupedDigits]
        }
        cashTable.footer = [["", "Cộng tiền mặt", "", "", DailyReport.grouped(cash.count), cash.amount.groupedDigits]]
        return ReportPage(title: "Báo cáo đối soát ngày \(ReportGrouping.vietnameseDate(day.date.description)) – \(day.account)", unit: unit.name,
                          heading: "Báo cáo đối soát thu phí, lệ phí ngày \(ReportGrouping.vietnameseDate(day.date.description))",
                          period: periodText, generatedAt: generatedAt, body: """
            <h2>I. Số dư tài khoản thu</h2>
            <p class="unitline">Đơn vị tính: đồng</p>
            \(balance.html)
            <p class="verdict">\(HTML.escape(DailyReport.verdict(checks.balance, "Số dư khớp: đầu ngày + ghi có − ghi nợ = cuối ngày theo sao kê.",
                                                                   day.opening == nil ? "Chưa có sao kê phủ ngày này." : "Số dư không khớp với sao kê.")))</p>
            <h2>II. Các khoản ghi có theo kết quả đối soát</h2>
            <p class="unitline">Đơn vị tính: đồng</p>
            \(outcomes.html)
            <p class="verdict">\(HTML.escape(DailyReport.verdict(checks.outcomes, "Các dòng cộng lại đúng bằng tổng ghi có trong ngày.",
                                                                   "Các dòng không cộng lại bằng tổng ghi có trong ngày.")))</p>
            \(callbackNote)<h2>III. Các khoản ghi nợ theo loại</h2>
            <p class="unitline">Đơn vị tính: đồng</p>
            \(debits.html)
            <h2>IV. Ngoại lệ và việc cần làm</h2>
            \(exceptionSection)
            <h2>V. Tiền mặt thu trong ngày theo người thu</h2>
            <p class="note">Toàn đơn vị, theo ngày của biên lai; biên lai đã huỷ không được tính.</p>
            <p class="unitline">Đơn vị tính: đồng</p>
            \(cashTable.html)
            \(voidedSection)<h2>VI. Khoá sổ</h2>
            <p>\(HTML.escape(closingText))</p>
            """)
    }

    /// A count with `.` between thousands.
    static func grouped(_ count: Int) -> String { Money(dong: Int64(count)).groupedDigits }

    private var callbackNote: String {
        callbackOnlyCredits.count > 0 ? "<p class=\"note\">\(HTML.escape(callbackText.trimmingCharacters(in: .newlines)))</p>\n" : ""
    }

    private var exceptionSection: String {
        let summary = exceptionSummary
        guard !summary.isEmpty else { return "<p>Không có ngoại lệ.</p>" }
        var groups = HTMLTable(header: ["STT", "Ngoại lệ", "Số khoản", "Số tiền", "Việc cần làm"], alignments: [.center, .left, .right, .right, .left])
        groups.rows = summary.enumerated().map { index, group in
            [String(index + 1), group.label, DailyReport.grouped(group.count), group.amount.groupedDigits, group.todo]
        }
        var details = HTMLTable(header: ["STT", "Ngoại lệ", "Khoản có", "Số tiền", "Chi tiết"], alignments: [.center, .left, .center, .right, .left],
                                className: "data details")
        details.rows = exceptions.prefix(DailyReport.listedExceptions).enumerated().map { index, line in
            [String(index + 1), line.label, line.credit.map { "#\($0)" } ?? "—", line.amount?.groupedDigits ?? "—", line.detail]
        }
        let more = exceptions.count > DailyReport.listedExceptions
            ? "<p class=\"note\">… và \(DailyReport.grouped(exceptions.count - DailyReport.listedExceptions)) ngoại lệ khác: xem hàng chờ đối soát"
                + " hoặc bản CSV của báo cáo.</p>\n" : ""
        return """
            <p class="unitline">Đơn vị tính: đồng</p>
            \(groups.html)
            <p class="note">Chi tiết từng khoản:</p>
            \(details.html)
            \(more)
            """
    }

    private var voidedSection: String {
        guard !cash.voided.isEmpty else { return "<p class=\"note\">Không có biên lai nào bị huỷ trong ngày.</p>\n" }
        var table = HTMLTable(header: ["STT", "Biên lai", "Người thu", "Hồ sơ", "Số tiền", "Lý do huỷ"],
                              alignments: [.center, .center, .left, .left, .right, .left])
        table.rows = cash.voided.enumerated().map { index, receipt in
            [String(index + 1), receipt.receipt, receipt.cashier, receipt.dossier, receipt.amount.groupedDigits, receipt.reason]
        }
        table.footer = [["", "", "Cộng biên lai đã huỷ", "", cash.voidedAmount.groupedDigits, "\(cash.voidedCount) biên lai"]]
        return "<p class=\"note\">Biên lai đã huỷ (không tính vào tiền mặt):</p>\n\(table.html)\n"
    }
}
