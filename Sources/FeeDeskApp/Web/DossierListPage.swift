import FeeDeskCore

/// `/dossiers`: the dossiers registered on one business day, with their payment status. Rendered on
/// the server; applicant names, procedure names and codes come from outside and are escaped.
struct DossierListPage {
    let layout: WebLayout
    let date: LocalDate
    let status: DossierStatus?
    let dossiers: [DossierDetail]
    /// A refusal of the filter values, shown above the table.
    var problem: String?

    /// The Vietnamese name of a status.
    static func statusName(_ status: DossierStatus) -> String {
        switch status {
        case .unpaid: "Chưa thanh toán"
        case .partiallyPaid: "Thanh toán một phần"
        case .paid: "Đã thanh toán"
        case .overpaid: "Thanh toán thừa"
        }
    }

    /// `22/11/2026`.
    static func vietnamese(_ date: LocalDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }

    func html() -> String {
        let canShowQR = layout.session.principal.may([.desk])
        let options = ([nil] + DossierStatus.allCases).map { (choice: DossierStatus?) -> String in
            let value = choice?.rawValue ?? ""
            let name = choice.map(DossierListPage.statusName) ?? "Mọi trạng thái"
            return "<option value=\"\(value)\"\(choice == status ? " selected" : "")>\(HTML.escape(name))</option>"
        }.joined()
        let rows = dossiers.map { row(for: $0, canShowQR: canShowQR) }.joined(separator: "\n")
        let due = dossiers.map(\.amountDue).sum()
        let paid = dossiers.map(\.paid).sum()
        let body = dossiers.isEmpty
            ? "<p class=\"empty\">Không có hồ sơ nào trong ngày này.</p>"
            : """
            <table class="list">
            <thead><tr><th>Mã hồ sơ</th><th>Giờ</th><th>Thủ tục</th><th>Người nộp</th><th class="num">Phải thu</th><th class="num">Đã thu</th><th>Trạng thái</th><th>Nội dung CK</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>
            <p class="totals">\(dossiers.count) hồ sơ · phải thu \(HTML.escape(due.formatted)) · đã thu \(HTML.escape(paid.formatted))</p>
            """
        let warning = problem.map { "<div class=\"message error\" role=\"alert\">\(HTML.escape($0))</div>" } ?? ""
        return layout.page(title: "Hồ sơ trong ngày", active: "/dossiers", main: """
            <section class="card">
            <div class="card-head"><h1>Hồ sơ ngày \(DossierListPage.vietnamese(date))</h1>
            <form class="filters" method="get" action="/dossiers">
            <label for="date" hidden>Ngày</label><input id="date" type="date" name="date" value="\(date)">
            <label for="status" hidden>Trạng thái</label><select id="status" name="status">\(options)</select>
            <button type="submit">Xem</button></form></div>
            \(warning)
            \(body)
            </section>
            """)
    }

    private func row(for dossier: DossierDetail, canShowQR: Bool) -> String {
        let open = canShowQR && !dossier.cancelled && dossier.outstanding.isPositive
        let code = HTML.escape(dossier.code)
        let codeCell = open ? "<a href=\"/desk?dossier=\(HTML.escape(FeeDesk.pathSegment(dossier.code)))\" title=\"Hiện mã QR\">\(code)</a>" : code
        let time = dossier.registeredAt.dropFirst(11).prefix(5)
        let state = dossier.cancelled ? ("cancelled", "Đã huỷ") : (dossier.status.rawValue, DossierListPage.statusName(dossier.status))
        let procedure = dossier.procedureName.isEmpty ? dossier.procedure : dossier.procedureName
        return "<tr><td class=\"mono\">\(codeCell)</td><td>\(HTML.escape(String(time)))</td><td>\(HTML.escape(procedure))</td>"
            + "<td>\(HTML.escape(dossier.applicant.isEmpty ? "—" : dossier.applicant))</td>"
            + "<td class=\"num\">\(HTML.escape(dossier.amountDue.formatted))</td><td class=\"num\">\(HTML.escape(dossier.paid.formatted))</td>"
            + "<td><span class=\"pill \(state.0)\">\(HTML.escape(state.1))</span></td><td class=\"mono\">\(HTML.escape(dossier.reference))</td></tr>"
    }
}
