import FeeDeskCore

/// `/reports/receipts`: the receipt register of a period for accountants, with a CSV download for the
/// e-receipt system. Rendered on the server; every value from outside is escaped.
struct ReceiptRegisterPage {
    /// The most rows shown on the page; the CSV always holds all of them.
    static let shownRows = 2_000

    let layout: WebLayout
    let from: LocalDate
    let to: LocalDate
    let register: ReceiptRegister?
    /// A refusal of the period, shown above the table.
    var problem: String?

    func html() -> String {
        let warning = problem.map { "<div class=\"message error\" role=\"alert\">\(HTML.escape($0))</div>" } ?? ""
        return layout.page(title: "Sổ biên lai", active: "/reports/receipts", main: """
            <section class="card">
            <div class="card-head"><h1>Sổ biên lai</h1>
            <form class="filters" method="get" action="/reports/receipts">
            <label for="from">Từ ngày</label><input id="from" type="date" name="from" value="\(from)">
            <label for="to">đến ngày</label><input id="to" type="date" name="to" value="\(to)">
            <button type="submit">Xem</button></form></div>
            \(warning)
            \(register.map(body) ?? "")
            </section>
            """)
    }

    private func body(_ register: ReceiptRegister) -> String {
        guard !register.lines.isEmpty else { return "<p class=\"empty\">Không có biên lai nào lập trong kỳ này.</p>" }
        let rows = register.lines.prefix(ReceiptRegisterPage.shownRows).map(row).joined(separator: "\n")
        let issued = register.total(.issued), cancelled = register.total(.cancelled)
        let more = register.lines.count > ReceiptRegisterPage.shownRows
            ? "<p class=\"totals\">Trang chỉ hiện \(ReceiptRegisterPage.shownRows) biên lai đầu; tệp CSV có đủ \(register.lines.count).</p>" : ""
        let csv = "/api/v1/reports/receipts?from=\(register.period.from)&to=\(register.period.to)&format=csv"
        let print = "/api/v1/reports/receipts?from=\(register.period.from)&to=\(register.period.to)&format=html"
        return """
            <p class="totals">\(issued.count) biên lai đã lập · \(HTML.escape(issued.amount.formatted)) · \(cancelled.count) đã huỷ
             · <a href="\(HTML.escape(csv))" download>Tải CSV (hệ thống biên lai điện tử)</a> · <a href="\(HTML.escape(print))">Bản in</a></p>
            <table class="list">
            <thead><tr><th>Ký hiệu</th><th>Số</th><th>Ngày lập</th><th>Mã hồ sơ</th><th>Người nộp</th><th>Thủ tục</th><th class="num">Số tiền</th><th>Hình thức</th><th>Trạng thái</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>
            \(more)
            """
    }

    private func row(_ line: ReceiptLine) -> String {
        let state = line.status == .issued ? ("paid", "Đã lập") : ("cancelled", "Đã huỷ")
        return "<tr><td class=\"mono\">\(HTML.escape(line.symbol))</td><td class=\"mono\">\(line.numberText)</td>"
            + "<td>\(HTML.escape(ReceiptRegister.issuedText(line.issuedAt)))</td><td class=\"mono\">\(HTML.escape(line.dossier))</td>"
            + "<td>\(HTML.escape(line.applicant.isEmpty ? "—" : line.applicant))</td>"
            + "<td>\(HTML.escape(line.procedureName.isEmpty ? line.procedure : line.procedureName))</td>"
            + "<td class=\"num\">\(HTML.escape(line.amount.formatted))</td><td>\(ReceiptRegister.sourceText(line.source))</td>"
            + "<td><span class=\"pill \(state.0)\">\(state.1)</span></td></tr>"
    }
}
