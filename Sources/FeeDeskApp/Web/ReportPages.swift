import FeeDeskCore

/// **Báo cáo**: `/reports` (the list), `/reports/cash-vs-cashless` and `/reports/daily`. Each report
/// page has a GET form, the report itself (the same markup as its printable HTML, under the
/// `.report-sheet` style of `feedesk.css`), a CSV download and a link to the printable A4 page, all
/// served by the report API with the session. Rendered on the server; every value is escaped.
enum ReportPages {
    /// The list of reports.
    static func index(layout: WebLayout) -> String {
        layout.page(title: "Báo cáo", active: "/reports", main: """
            <div class="page-head"><div><h1>Báo cáo</h1>
            <p class="sub">In, tải về (CSV cho Excel) hoặc mở bản in A4 của các báo cáo kế toán.</p></div></div>
            <div class="report-list">
            <section class="card"><h2 class="card-title"><a id="link-daily" href="/reports/daily">Báo cáo đối soát ngày</a></h2>
            <p>Theo tài khoản thu và ngày hạch toán: số dư đầu và cuối ngày, kiểm tra số dư, các khoản ghi có theo kết quả đối soát,
            ghi nợ, ngoại lệ và việc cần làm, tiền mặt theo người thu với dải số biên lai, tình trạng khoá sổ.</p></section>
            <section class="card"><h2 class="card-title"><a id="link-cashless" href="/reports/cash-vs-cashless">Báo cáo thu tiền mặt và không dùng tiền mặt</a></h2>
            <p>Theo kỳ bất kỳ, tổng hợp theo loại phí, lĩnh vực, thủ tục, quầy, ngày hoặc tháng: số hồ sơ, số lượt và số tiền thu
            bằng tiền mặt và chuyển khoản, tỷ lệ không dùng tiền mặt và biểu đồ xu hướng.</p></section>
            <section class="card"><h2 class="card-title"><a id="link-receipts" href="/reports/receipts">Sổ biên lai</a></h2>
            <p>Mọi khoản đã thu, tiền mặt hoặc chuyển khoản, với ký hiệu và số biên lai; tải CSV cho hệ thống biên lai điện tử.</p></section>
            <section class="card"><h2 class="card-title">Bảng kê nộp ngân sách</h2>
            <p>Theo kỳ: số đã thu, đã hoàn trả, đã nộp Kho bạc và còn phải nộp theo loại phí và lĩnh vực; các lần nộp và dòng sao kê tương ứng.</p>
            <form id="remittance-form" class="filters" method="get" action="/api/v1/reports/remittance">
            <label for="remittance-from">Từ ngày</label><input id="remittance-from" type="date" name="from" required="required"/>
            <label for="remittance-to">Đến ngày</label><input id="remittance-to" type="date" name="to" required="required"/>
            <select name="format" aria-label="Định dạng"><option value="html">Bản in A4</option><option value="csv">CSV (Excel)</option></select>
            <button type="submit">Mở</button></form></section>
            </div>
            """)
    }

    /// The daily report page: account and date, then the report (or why there is none).
    static func daily(layout: WebLayout, accounts: [CollectionAccount], account: String, date: String, report: DailyReport?,
                      problem: String?) -> String {
        let choices = accounts.map { item in
            "<option value=\"\(HTML.escape(item.id))\"\(item.id == account ? " selected" : "")>\(HTML.escape(StatementUploadPage.accountLabel(item)))</option>"
        }.joined()
        let form = """
            <form class="filters" method="get" action="/reports/daily">
            <label for="account">Tài khoản</label><select id="account" name="account">\(choices)</select>
            <label for="date">Ngày</label><input id="date" type="date" name="date" value="\(HTML.escape(date))" required>
            <button type="submit" class="primary">Xem báo cáo</button>
            </form>
            """
        let query = "account=\(FeeDeskServer.queryEncoded(account))&date=\(FeeDeskServer.queryEncoded(date))"
        return page(layout: layout, title: "Báo cáo đối soát ngày", form: form, problem: problem, sheet: report?.sheet,
                    api: "/api/v1/reports/daily?" + query)
    }

    /// The cash-vs-cashless page: period and grouping, then the report with its chart.
    static func cashless(layout: WebLayout, from: String, to: String, by: String, report: CashlessReport?, problem: String?) -> String {
        let choices = ReportGrouping.allCases.map { grouping in
            "<option value=\"\(grouping.rawValue)\"\(grouping.rawValue == by ? " selected" : "")>\(HTML.escape(grouping.heading))</option>"
        }.joined()
        let form = """
            <form class="filters" method="get" action="/reports/cash-vs-cashless">
            <label for="from">Từ ngày</label><input id="from" type="date" name="from" value="\(HTML.escape(from))" required>
            <label for="to">Đến ngày</label><input id="to" type="date" name="to" value="\(HTML.escape(to))" required>
            <label for="by">Theo</label><select id="by" name="by">\(choices)</select>
            <button type="submit" class="primary">Xem báo cáo</button>
            </form>
            """
        let query = "from=\(FeeDeskServer.queryEncoded(from))&to=\(FeeDeskServer.queryEncoded(to))&by=\(FeeDeskServer.queryEncoded(by))"
        return page(layout: layout, title: "Báo cáo thu tiền mặt và không dùng tiền mặt", form: form, problem: problem, sheet: report?.sheet,
                    api: "/api/v1/reports/cash-vs-cashless?" + query)
    }

    /// A report page: heading and form, the problem or the download links and the sheet.
    private static func page(layout: WebLayout, title: String, form: String, problem: String?, sheet: String?, api: String) -> String {
        let body: String
        if let sheet {
            body = """
                <div class="actions report-actions">
                <a class="button-link" id="csv-link" href="\(HTML.escape(api))&amp;format=csv" download>Tải CSV (Excel)</a>
                <a class="button-link" id="print-link" href="\(HTML.escape(api))&amp;format=html" target="_blank" rel="noopener">Mở bản in A4</a>
                <a class="button-link" id="json-link" href="\(HTML.escape(api))&amp;format=json">JSON</a>
                </div>
                <div class="report-paper" id="report">\(sheet)</div>
                """
        } else {
            body = "<div class=\"message error\" id=\"report-problem\" role=\"alert\">\(HTML.escape(problem ?? "Chọn các điều kiện rồi bấm Xem báo cáo."))</div>"
        }
        return layout.page(title: title, active: "/reports", main: """
            <p class="sub report-breadcrumb"><a href="/reports">Báo cáo</a> ›</p>
            <div class="page-head"><div><h1>\(HTML.escape(title))</h1></div>
            \(form)
            </div>
            \(body)
            """)
    }

    /// The web UI's style for the report pages (appended to `feedesk.css`): the sheet's own style, the
    /// paper it sits on, and printing only the sheet.
    static let style = ReportPage.style + """

        .report-list { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1.2rem; }
        .report-list h2 a { text-decoration: none; }
        .report-breadcrumb { margin: 0 0 .3rem; }
        .report-actions { margin: 0 0 1rem; }
        .report-paper { background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, .18); padding: 12mm 10mm; margin: 0 auto 2rem; max-width: 210mm; overflow-x: auto; }
        @media (max-width: 800px) { .report-list { grid-template-columns: 1fr; } }
        @media print {
          .page-head form, .report-actions, .report-breadcrumb, .page-head { display: none !important; }
          main { padding: 0 !important; max-width: none !important; }
          .report-paper { box-shadow: none; padding: 0; margin: 0; max-width: none; }
        }
        """
}
