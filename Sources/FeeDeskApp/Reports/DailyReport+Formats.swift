import FeeDeskCore

extension DailyReport {
    /// How many exceptions the text and HTML list one by one (the summary by kind covers them all;
    /// CSV and JSON list every one).
    static let listedExceptions = 200

    /// `Vietcombank · 0071000123456 (main) · TRUNG TAM PVHCC`.
    var accountText: String {
        "\(bankAccount.bank) · \(bankAccount.number) (\(day.account)) · \(bankAccount.holder)"
    }

    /// The line under the title: account, booking date, covering statement.
    var periodText: String {
        let statementText = statement.map {
            "sao kê từ ngày \(ReportGrouping.vietnameseDate($0.from.description)) đến ngày \(ReportGrouping.vietnameseDate($0.to.description))"
        } ?? "chưa có sao kê"
        return "Tài khoản thu: \(accountText) · Ngày hạch toán: \(ReportGrouping.vietnameseDate(day.date.description)) · \(statementText)"
    }

    /// `Đã khoá sổ bởi ke-toan lúc 10:15 ngày 22/11/2026.` or `Chưa khoá sổ.` with the blockers.
    var closingText: String {
        if let closing {
            let forced = closing.forcedReason.map { " Khoá khi còn vướng mắc, lý do: “\($0)”." } ?? ""
            return "Đã khoá sổ bởi \(DayPage.person(closing.closedBy)) lúc \(DayPage.moment(closing.closedAt)).\(forced)"
        }
        if day.blockers.isEmpty { return "Chưa khoá sổ; không còn vướng mắc, có thể khoá sổ." }
        return "Chưa khoá sổ; còn vướng mắc: " + day.blockers.map(DayPage.blockerWords).joined(separator: " ")
    }

    /// `✓ …` when a table adds up, `✗ …` when it does not.
    static func verdict(_ ok: Bool, _ good: String, _ bad: String) -> String { ok ? "✓ " + good : "✗ " + bad }

    /// The balance rows: label and amount (nil when no statement covers the day).
    var balanceRows: [(String, Money?)] {
        [("Số dư đầu ngày", day.opening), ("+ Ghi có trên sao kê (\(statementCredits.count) khoản)", statementCredits.amount),
         ("− Ghi nợ trên sao kê (\(statementDebits.count) khoản)", statementDebits.amount),
         ("= Số dư cuối ngày (đầu ngày + ghi có − ghi nợ)", expectedClosing), ("Số dư cuối ngày theo sao kê", day.closing)]
    }

    /// The credits only a callback reported, when there are some (a sentence after the outcome table).
    var callbackText: String {
        guard callbackOnlyCredits.count > 0 else { return "" }
        return "\nTrong đó \(callbackOnlyCredits.count) khoản (\(callbackOnlyCredits.amount.formatted)) mới có báo có của ngân hàng, chưa có dòng sao kê xác nhận."
    }

    /// The terminal report: sections as aligned tables.
    public var textTable: String {
        let checks = self.checks
        let balance = PlainTextTable.render(header: ["Số dư", "Số tiền (đ)"], rows: balanceRows.map { [$0.0, $0.1?.groupedDigits ?? "—"] },
                                            rightAligned: [1])
        let outcomes = PlainTextTable.render(header: ["Kết quả", "Số khoản", "Số tiền (đ)"],
                                             rows: outcomeRows.map { [$0.outcome.displayName, String($0.total.count), $0.total.amount.groupedDigits] },
                                             footer: [["Cộng", String(credits.count), credits.amount.groupedDigits]], rightAligned: [1, 2])
        let debits = PlainTextTable.render(header: ["Loại", "Số khoản", "Số tiền (đ)"],
                                           rows: debitRows.map { [$0.name, String($0.total.count), $0.total.amount.groupedDigits] },
                                           footer: [["Cộng", String(statementDebits.count), statementDebits.amount.groupedDigits]], rightAligned: [1, 2])
        let summary = exceptionSummary
        let exceptionText = summary.isEmpty ? "Không có ngoại lệ." : PlainTextTable.render(
            header: ["Ngoại lệ", "Số khoản", "Số tiền (đ)", "Việc cần làm"],
            rows: summary.map { [$0.label, String($0.count), $0.amount.groupedDigits, $0.todo] }, rightAligned: [1, 2])
            + "\n\n" + PlainTextTable.render(header: ["Ngoại lệ", "Khoản có", "Số tiền (đ)", "Chi tiết"],
                                             rows: exceptions.prefix(DailyReport.listedExceptions).map {
                                                 [$0.label, $0.credit.map { "#\($0)" } ?? "—", $0.amount?.groupedDigits ?? "—", $0.detail]
                                             }, rightAligned: [2])
            + (exceptions.count > DailyReport.listedExceptions ? "\n… và \(exceptions.count - DailyReport.listedExceptions) ngoại lệ khác (xem hàng chờ đối soát)." : "")
        let cashTable = PlainTextTable.render(header: ["Người thu", "Biên lai từ số", "đến số", "Số biên lai", "Số tiền (đ)"],
                                              rows: cash.cashiers.map { [$0.cashier, $0.firstReceipt, $0.lastReceipt, String($0.count), $0.amount.groupedDigits] },
                                              footer: [["Cộng", "", "", String(cash.count), cash.amount.groupedDigits]], rightAligned: [3, 4])
        let voided = cash.voided.isEmpty ? "Không có biên lai nào bị huỷ." : "Biên lai đã huỷ (không tính vào tiền mặt):\n" + PlainTextTable.render(
            header: ["Biên lai", "Người thu", "Hồ sơ", "Số tiền (đ)", "Lý do huỷ"],
            rows: cash.voided.map { [$0.receipt, $0.cashier, $0.dossier, $0.amount.groupedDigits, $0.reason] }, rightAligned: [3])
        return """
        \(unit.name)
        BÁO CÁO ĐỐI SOÁT THU PHÍ, LỆ PHÍ NGÀY \(ReportGrouping.vietnameseDate(day.date.description))
        \(periodText) · lập lúc \(generatedAt)

        I. Số dư tài khoản thu
        \(balance)
        \(DailyReport.verdict(checks.balance, "Số dư khớp với sao kê.", "Số dư không khớp với sao kê."))

        II. Ghi có theo kết quả đối soát
        \(outcomes)
        \(DailyReport.verdict(checks.outcomes, "Các dòng cộng lại đúng bằng tổng ghi có.", "Các dòng không cộng lại bằng tổng ghi có."))\(callbackText)

        III. Ghi nợ theo loại
        \(debits)

        IV. Ngoại lệ và việc cần làm (\(exceptions.count))
        \(exceptionText)

        V. Tiền mặt thu trong ngày theo người thu (toàn đơn vị, theo ngày của biên lai)
        \(cashTable)
        \(voided)

        VI. Khoá sổ
        \(closingText)
        """
    }

    /// The CSV document: one table with a section column, so one sheet holds the whole report.
    /// Amounts in whole đồng; `Mã` holds the machine key (outcome, exception kind, credit, receipt range).
    public var csv: CSVWriter {
        var writer = CSVWriter()
        writer.append(texts: ["Phần", "Mục", "Mã", "Số lượng", "Số tiền (đồng)", "Ghi chú"])
        func row(_ section: String, _ item: String, _ key: String, _ count: Int?, _ amount: Money?, _ note: String = "") {
            writer.append([.text(section), .text(item), .text(key), count.map { .integer(Int64($0)) } ?? .text(""),
                           amount.map { .integer($0.dong) } ?? .text(""), .text(note)])
        }
        row("Báo cáo", unit.name, unit.code, nil, nil, "Ngày hạch toán \(day.date); lập lúc \(generatedAt)")
        row("Báo cáo", "Tài khoản thu", day.account, nil, nil, accountText)
        if let statement { row("Báo cáo", "Sao kê", statement.balance, nil, nil, "\(statement.from) – \(statement.to)") }
        row("Số dư", "Số dư đầu ngày", "opening", nil, day.opening)
        row("Số dư", "Ghi có trên sao kê", "statementCredits", statementCredits.count, statementCredits.amount)
        row("Số dư", "Ghi nợ trên sao kê", "statementDebits", statementDebits.count, statementDebits.amount)
        row("Số dư", "Số dư cuối ngày tính được (đầu ngày + ghi có − ghi nợ)", "expectedClosing", nil, expectedClosing)
        row("Số dư", "Số dư cuối ngày theo sao kê", "closing", nil, day.closing)
        row("Số dư", "Kiểm tra số dư", checks.balance ? "ok" : "mismatch", nil, nil, checks.balance ? "Khớp" : "Không khớp")
        for line in outcomeRows { row("Ghi có theo kết quả", line.outcome.displayName, line.outcome.rawValue, line.total.count, line.total.amount) }
        row("Ghi có theo kết quả", "Cộng", "total", credits.count, credits.amount,
            "chỉ có báo có: \(callbackOnlyCredits.count) khoản, \(callbackOnlyCredits.amount.dong) đồng")
        for line in debitRows { row("Ghi nợ theo loại", line.name, line.key, line.total.count, line.total.amount) }
        row("Ghi nợ theo loại", "Cộng", "total", statementDebits.count, statementDebits.amount)
        for group in exceptionSummary { row("Ngoại lệ (tổng hợp)", group.label, group.kind, group.count, group.amount, group.todo) }
        for line in exceptions {
            row("Ngoại lệ", line.label, line.credit.map { "#\($0)" } ?? line.kind, nil, line.amount, line.detail)
        }
        for cashier in cash.cashiers {
            row("Tiền mặt theo người thu", cashier.cashier, "\(cashier.firstReceipt)–\(cashier.lastReceipt)", cashier.count, cashier.amount)
        }
        row("Tiền mặt theo người thu", "Cộng", "total", cash.count, cash.amount)
        for receipt in cash.voided {
            row("Biên lai đã huỷ", receipt.cashier, receipt.receipt, nil, receipt.amount, "\(receipt.dossier): \(receipt.reason)")
        }
        row("Khoá sổ", closing.map { DayPage.person($0.closedBy) } ?? "", closing == nil ? "open" : "closed", nil, nil, closingText)
        return writer
    }
}
