/// The frame of every staff page: head, top bar with the unit, the pages the role may open, the user
/// and the sign-out button. Every outside value is escaped; scripts and styles come from `/assets/`
/// only (the service's Content-Security-Policy forbids inline ones).
struct WebLayout {
    /// One entry of the top bar.
    struct NavItem {
        let path: String
        let title: String
    }

    let unitName: String
    let session: WebSession

    /// The pages `role` may open, in menu order.
    static func navigation(for role: StaffRole) -> [NavItem] {
        var items: [NavItem] = []
        if role == .desk || role == .admin { items.append(NavItem(path: "/desk", title: "Quầy thu phí")) }
        if role == .accountant || role == .admin {
            items += [NavItem(path: "/statements", title: "Sao kê"), NavItem(path: "/review", title: "Đối soát"), NavItem(path: "/days", title: "Ngày")]
            items += [NavItem(path: "/reports", title: "Báo cáo"), NavItem(path: "/reports/receipts", title: "Sổ biên lai")]
        }
        if role != .register { items.append(NavItem(path: "/dossiers", title: "Hồ sơ")) }
        return items
    }

    /// Where a role lands after sign-in: accountants on the review queue (what waits for their
    /// decision), everyone else on their first page.
    static func home(for role: StaffRole) -> String {
        role == .accountant ? "/review" : navigation(for: role).first?.path ?? "/login"
    }

    /// The Vietnamese name of a role.
    static func roleName(_ role: StaffRole) -> String {
        switch role {
        case .desk: "Cán bộ một cửa"
        case .accountant: "Kế toán"
        case .admin: "Quản trị"
        case .register: "Tài khoản tích hợp"
        }
    }

    /// A whole staff page around `main` (trusted HTML built by the caller from escaped parts).
    /// `tools` is trusted HTML placed in the top bar before the user (the desk page's desk selector).
    func page(title: String, active: String?, main: String, scripts: [String] = [], bodyAttributes: String = "", tools: String = "") -> String {
        let principal = session.principal
        let nav = WebLayout.navigation(for: principal.role).map { item in
            "<a href=\"\(item.path)\"\(item.path == active ? " class=\"active\" aria-current=\"page\"" : "")>\(HTML.escape(item.title))</a>"
        }.joined()
        return WebLayout.document(title: title, csrf: session.csrfToken, scripts: scripts, bodyAttributes: bodyAttributes, body: """
            <header class="topbar">
            <div class="brand"><span class="logo" aria-hidden="true">₫</span><div><strong>FeeDesk</strong><small title="\(HTML.escape(unitName))">\(HTML.escape(unitName))</small></div></div>
            <nav aria-label="Trang">\(nav)</nav>\(tools)
            <div class="user"><span>\(HTML.escape(principal.name)) · \(HTML.escape(WebLayout.roleName(principal.role)))</span>
            <form method="post" action="/logout"><input type="hidden" name="csrf" value="\(HTML.escape(session.csrfToken))"><button type="submit">Đăng xuất</button></form></div>
            </header>
            <main>
            \(main)
            </main>
            """)
    }

    /// A complete HTML document with the style sheet, the common script and `scripts`.
    static func document(title: String, csrf: String?, scripts: [String], bodyAttributes: String, body: String) -> String {
        let meta = csrf.map { "<meta name=\"csrf-token\" content=\"\(HTML.escape($0))\">\n" } ?? ""
        let scriptTags = (scripts.isEmpty ? [] : ["feedesk.js"] + scripts).map { name in
            "<script src=\"\(HTML.escape(WebAssets.path(name)))\" defer></script>"
        }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(meta)<title>\(HTML.escape(title)) · FeeDesk</title>
        <link rel="stylesheet" href="\(HTML.escape(WebAssets.path("feedesk.css")))">
        \(scriptTags)
        </head>
        <body\(bodyAttributes.isEmpty ? "" : " " + bodyAttributes)>
        \(body)
        </body>
        </html>

        """
    }

    /// A short page for a refusal (wrong role), with a way back.
    func refusal(title: String, message: String) -> String {
        page(title: title, active: nil, main: """
            <section class="card"><h1>\(HTML.escape(title))</h1><p>\(HTML.escape(message))</p>
            <p><a href="\(WebLayout.home(for: session.principal.role))">Về trang chính</a></p></section>
            """)
    }
}
