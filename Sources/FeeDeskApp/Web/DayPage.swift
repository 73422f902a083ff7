import FeeDeskCore
import FeeDeskStore

/// `/days/<date>`: the reconciliation of one collection account on one business day — balance check,
/// credits and debits by outcome with totals, exceptions with what to do, the blockers — and the close
/// button (`day.js` posts it). Rendered on the server; user names and reasons are escaped.
struct DayPage {
    let layout: WebLayout
    let day: DayReconciliation
    /// Who closed the day, when, and the reason when it was forced; nil while it is open.
    let closing: ClosedDay?
    let accounts: [CollectionAccount]

    func html() -> String {
        let date = DossierListPage.vietnamese(day.date)
        let main = """
            <div class="page-head">
            <div><h1>Đối soát ngày \(date)</h1>
            <p class="sub">Tài khoản thu \(HTML.escape(accountLabel))</p></div>
            \(picker)
            </div>
            \(banner)
            <div class="day-grid">
            \(balanceCard)
            \(DayPage.outcomeCard(title: "Ghi có theo kết quả", unit: "khoản ghi có", rows: creditRows,
                                  count: day.creditCount, total: day.creditTotal, id: "credit-outcomes", column: "Kết quả"))
            \(DayPage.outcomeCard(title: "Ghi nợ theo loại", unit: "khoản ghi nợ", rows: debitRows,
                                  count: day.debitCount, total: day.debitTotal, id: "debit-outcomes", column: "Loại"))
            </div>
            \(exceptionCard)
            \(closeCard)
            """
        return layout.page(title: "Đối soát ngày \(date)", active: "/days", main: main, scripts: ["day.js"],
                           bodyAttributes: "data-date=\"\(day.date)\" data-account=\"\(HTML.escape(day.account))\"")
    }

    private var accountLabel: String {
        accounts.first { $0.id == day.account }.map(StatementUploadPage.accountLabel) ?? day.account
    }

    /// Date picker, account choice (only with more than one account) and the neighbouring days.
    private var picker: String {
        let accountQuery = accounts.count > 1 ? "?account=\(FeeDeskServer.queryEncoded(day.account))" : ""
        let choice = accounts.count > 1 ? """
            <label for="account" hidden>Tài khoản</label><select id="account" name="account">\(accounts.map { account in
                "<option value=\"\(HTML.escape(account.id))\"\(account.id == day.account ? " selected" : "")>\(HTML.escape(StatementUploadPage.accountLabel(account)))</option>"
            }.joined())</select>
            """ : ""
        let previous = day.date.adding(days: -1), next = day.date.adding(days: 1)
        return """
            <form class="filters" method="get" action="/days">
            <a class="button-link" href="/days/\(previous)\(accountQuery)" title="Ngày trước">‹ \(DossierListPage.vietnamese(previous).prefix(5))</a>
            <label for="date" hidden>Ngày</label><input id="date" type="date" name="date" value="\(day.date)">\(choice)
            <button type="submit">Xem</button>
            <a class="button-link" href="/days/\(next)\(accountQuery)" title="Ngày sau">\(DossierListPage.vietnamese(next).prefix(5)) ›</a>
            </form>
            """
    }

    /// The day's state in one line: closed (by whom), ready to close, or how many blockers remain.
    private var banner: String {
        if let closing {
            let forced = closing.forcedReason.map { " Khoá khi còn vướng mắc, lý do: <q>\(HTML.escape($0))</q>." } ?? ""
            return "<div id=\"day-state\" class=\"day-state closed\"><strong>Đã khoá sổ</strong> bởi \(HTML.escape(DayPage.person(closing.closedBy)))"
                + " lúc \(HTML.escape(DayPage.moment(closing.closedAt))).\(forced) Các khoản của ngày này không sửa được nữa.</div>"
        }
        if day.blockers.isEmpty {
            return "<div id=\"day-state\" class=\"day-state ready\"><strong>Sẵn sàng khoá sổ.</strong> Số dư khớp và mọi khoản đã được xử lý.</div>"
        }
        let reasons = day.blockers.map { HTML.escape(DayPage.blockerWords($0)) }.joined(separator: " · ")
        return "<div id=\"day-state\" class=\"day-state blocked\"><strong>Chưa khoá sổ được:</strong> \(reasons)</div>"
    }

    private var balanceCard: String {
        guard let opening = day.opening, let closing = day.closing else {
            return """
                <section class="card" id="balance"><h2 class="card-title">Kiểm tra số dư</h2>
                <p class="empty small">Chưa có sao kê nào phủ ngày này.<br><a href="/statements">Nhập sao kê</a></p></section>
                """
        }
        let expected = opening + day.creditTotal - day.debitTotal
        let verdict = day.balanceOk
            ? "<span class=\"pill paid\">✓ Khớp với sao kê</span>"
            : "<span class=\"pill overpaid\">✗ Sao kê không khớp số dư</span>"
        let arithmetic = expected == closing ? ""
            : "<p class=\"hint warn\">Đầu ngày + ghi có − ghi nợ = \(expected.formatted), khác số dư cuối ngày \(closing.formatted)"
            + " (chênh \((closing - expected).formatted)).</p>"
        return """
            <section class="card" id="balance"><h2 class="card-title">Kiểm tra số dư \(verdict)</h2>
            <table class="ledger">
            <tr><th>Số dư đầu ngày</th><td class="num">\(opening.formatted)</td></tr>
            <tr><th>+ Ghi có (\(day.creditCount) khoản)</th><td class="num">\(day.creditTotal.formatted)</td></tr>
            <tr><th>− Ghi nợ (\(day.debitCount) khoản)</th><td class="num">\(day.debitTotal.formatted)</td></tr>
            <tr class="total"><th>= Số dư cuối ngày</th><td class="num">\(closing.formatted)</td></tr>
            </table>
            \(arithmetic)
            </section>
            """
    }

    private var creditRows: [(key: String, name: String, total: OutcomeTotal)] {
        CreditOutcome.allCases.map { ($0.rawValue, $0.displayName, day.outcomes[$0.rawValue] ?? OutcomeTotal()) }
    }

    private var debitRows: [(key: String, name: String, total: OutcomeTotal)] {
        DayPage.debitOutcomeNames.map { ($0.key, $0.name, day.debitOutcomes[$0.key] ?? OutcomeTotal()) }
    }

    /// A table of outcomes with a total row; says so when the rows do not add up to the day's total.
    static func outcomeCard(title: String, unit: String, rows: [(key: String, name: String, total: OutcomeTotal)],
                            count: Int, total: Money, id: String, column: String) -> String {
        let body = rows.map { row in
            "<tr class=\"\(row.total.count == 0 ? "zero" : "")\"><td><span class=\"dot \(row.key)\" aria-hidden=\"true\"></span>\(HTML.escape(row.name))</td>"
                + "<td class=\"num\">\(row.total.count)</td><td class=\"num\">\(row.total.amount.formatted)</td></tr>"
        }.joined()
        let sum = rows.map(\.total.amount).sum(), countSum = rows.map(\.total.count).reduce(0, +)
        let check = sum == total && countSum == count
            ? "<p class=\"hint ok-text\">✓ Các dòng cộng lại đúng bằng tổng \(count) \(unit).</p>"
            : "<p class=\"hint warn\">Các dòng cộng lại \(countSum) khoản, \(sum.formatted), khác tổng \(count) khoản, \(total.formatted).</p>"
        return """
            <section class="card" id="\(id)"><h2 class="card-title">\(HTML.escape(title))</h2>
            <table class="list compact"><thead><tr><th>\(HTML.escape(column))</th><th class="num">Số khoản</th><th class="num">Số tiền</th></tr></thead>
            <tbody>\(body)</tbody>
            <tfoot><tr><th>Cộng</th><th class="num">\(count)</th><th class="num">\(total.formatted)</th></tr></tfoot></table>
            \(check)
            </section>
            """
    }

    private var exceptionCard: String {
        guard !day.exceptions.isEmpty else {
            return "<section class=\"card\" id=\"exceptions\"><h2 class=\"card-title\">Ngoại lệ</h2><p class=\"ok-text\">✓ Không có ngoại lệ nào.</p></section>"
        }
        let rows = day.exceptions.map { exception -> String in
            let words = DayPage.exceptionWords(exception.kind)
            let credit = exception.credit.map { "<a href=\"/review?date=\(day.date)#credit-\($0)\">#\($0)</a>" } ?? "—"
            let action = words.link.map { " <a href=\"\($0.replacingOccurrences(of: "{date}", with: "\(day.date)"))\">\(words.linkText)</a>" } ?? ""
            return "<tr title=\"\(HTML.escape(exception.message))\"><td><strong>\(HTML.escape(words.name))</strong></td><td class=\"mono\">\(credit)</td>"
                + "<td class=\"num\">\(exception.amount?.formatted ?? "—")</td><td>\(HTML.escape(words.todo))\(action)</td></tr>"
        }.joined()
        return """
            <section class="card" id="exceptions"><h2 class="card-title">Ngoại lệ cần xử lý (\(day.exceptions.count))</h2>
            <table class="list"><thead><tr><th>Loại</th><th>Khoản</th><th class="num">Số tiền</th><th>Việc cần làm</th></tr></thead>
            <tbody>\(rows)</tbody></table></section>
            """
    }

    private var closeCard: String {
        guard closing == nil else { return "" }
        let date = DossierListPage.vietnamese(day.date)
        let blocked = !day.blockers.isEmpty
        let state = blocked
            ? "<div class=\"message error\" id=\"blockers\"><strong>Chưa thể khoá sổ vì:</strong><ul>" + day.blockers.map { blocker in
                "<li title=\"\(HTML.escape(blocker))\">\(HTML.escape(DayPage.blockerWords(blocker)))</li>"
            }.joined() + "</ul></div>"
            : "<div class=\"message ok\" id=\"blockers\">Không còn vướng mắc: có thể khoá sổ ngày \(date).</div>"
        let force = blocked ? """
            <button id="force-toggle" type="button" class="danger-outline">Vẫn khoá sổ…</button>
            """ : ""
        return """
            <section class="card close-card" id="close-card" aria-labelledby="close-title">
            <h2 id="close-title" class="card-title">Khoá sổ ngày \(date)</h2>
            \(state)
            <p class="hint">Sau khi khoá sổ, các khoản của ngày này không sửa được nữa; thay đổi phải ghi thành điều chỉnh ở một ngày đang mở.</p>
            <div class="actions">
            <button id="close-day" type="button" class="primary"\(blocked ? " disabled title=\"Còn vướng mắc, xem danh sách ở trên\"" : "")>Khoá sổ ngày \(date)</button>
            \(force)
            </div>
            <div id="close-confirm" class="confirm" hidden>
            <p>Khoá sổ ngày \(date)? Thao tác này không hoàn tác được.</p>
            <button id="close-yes" type="button" class="primary">Xác nhận khoá sổ</button> <button id="close-no" type="button">Huỷ</button>
            </div>
            <form id="force-form" class="confirm" novalidate hidden>
            <label for="force-reason">Lý do khoá sổ khi còn vướng mắc (bắt buộc, được ghi vào nhật ký)</label>
            <textarea id="force-reason" rows="2" maxlength="500"></textarea>
            <div class="actions"><button id="force-submit" type="submit" class="danger">Khoá sổ dù còn vướng mắc</button>
            <button id="force-cancel" type="button">Huỷ</button></div>
            </form>
            <div id="close-message" class="message" role="alert" hidden></div>
            </section>
            """
    }
}
