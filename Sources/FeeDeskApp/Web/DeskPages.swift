/// The fee desk page and the citizen-facing display. Both are static shells; `desk.js` and
/// `display.js` fill them from the API with `textContent`, so no dossier data is rendered here.
enum DeskPages {
    /// `/desk`: register a fee, show its QR, follow the payment, print the slip, take cash.
    static func desk(layout: WebLayout, codePolicy: String, codeExample: String) -> String {
        let user = layout.session.principal.name
        let main = """
            <div class="desk-grid">
            <section class="card" aria-labelledby="register-title">
            <h1 id="register-title">Đăng ký phí hồ sơ</h1>
            <form id="dossier-form" novalidate autocomplete="off">
            <label for="fee-search">Thủ tục</label>
            <div class="search">
            <input id="fee-search" type="search" placeholder="Gõ tên hoặc mã thủ tục, ví dụ: chung thuc" aria-controls="fee-results" aria-autocomplete="list">
            <ul id="fee-results" class="results" role="listbox" hidden></ul>
            </div>
            <div id="fee-chosen" class="chosen" hidden></div>
            <label for="code">Mã hồ sơ</label>
            <input id="code" name="code" placeholder="\(HTML.escape(codeExample))" spellcheck="false" maxlength="64">
            <label for="applicant">Người nộp</label>
            <input id="applicant" name="applicant" placeholder="Họ và tên" maxlength="200">
            <label for="amount">Số tiền</label>
            <div class="amount-input"><input id="amount" name="amount" inputmode="numeric" maxlength="20"><span>₫</span></div>
            <p class="hint">Lấy từ biểu phí; sửa được khi phí tính theo trang hoặc theo bản.</p>
            <div id="form-message" class="message" role="alert" hidden></div>
            <button id="create" class="primary big" type="submit">Tạo mã QR</button>
            </form>
            </section>
            <section class="card" aria-label="Thanh toán">
            <div id="payment-empty" class="empty"><div class="big-icon" aria-hidden="true">▦</div>
            <p>Chưa có hồ sơ nào đang chờ thanh toán.<br>Chọn thủ tục, nhập mã hồ sơ rồi bấm <strong>Tạo mã QR</strong>.</p></div>
            <div id="payment" hidden>
            <div id="status" class="status pending" role="status" aria-live="polite"></div>
            <div class="pay-grid">
            <div class="qr-box"><img id="qr" alt="Mã VietQR để chuyển khoản" hidden><div id="paid-stamp" class="stamp" hidden>✓</div></div>
            <div>
            <p class="figure" id="amount-figure"></p>
            <p class="words" id="amount-words"></p>
            <dl class="facts">
            <dt>Nội dung chuyển khoản</dt><dd><code class="reference" id="reference"></code></dd>
            <dt>Ngân hàng</dt><dd id="bank"></dd>
            <dt>Số tài khoản</dt><dd class="mono" id="account"></dd>
            <dt>Chủ tài khoản</dt><dd id="holder"></dd>
            <dt>Mã hồ sơ</dt><dd class="mono" id="p-code"></dd>
            <dt>Thủ tục</dt><dd id="p-procedure"></dd>
            <dt>Người nộp</dt><dd id="p-applicant"></dd>
            <dt>Đã thu / phải thu</dt><dd id="p-paid"></dd>
            </dl>
            </div>
            </div>
            <div class="actions">
            <button id="print" type="button">In phiếu</button>
            <button id="cash-toggle" type="button">Thu tiền mặt</button>
            <span class="spacer"></span>
            <button id="next" type="button" class="primary">Hồ sơ mới</button>
            </div>
            <form id="cash-form" class="cash" novalidate hidden>
            <h2>Thu tiền mặt</h2>
            <div class="row">
            <div><label for="receipt">Số biên lai</label><input id="receipt" maxlength="32" spellcheck="false"></div>
            <div><label for="cash-amount">Số tiền</label><div class="amount-input"><input id="cash-amount" inputmode="numeric" maxlength="20"><span>₫</span></div></div>
            <button id="cash-submit" type="submit" class="primary">Ghi nhận</button>
            </div>
            </form>
            <div id="payment-message" class="message" role="status" hidden></div>
            <p id="connection" class="hint" hidden>Mất kết nối với máy chủ, đang thử lại…</p>
            </div>
            </section>
            </div>
            """
        let tools = "<div class=\"desk-id\"><label for=\"desk-id\">Quầy</label>"
            + "<input id=\"desk-id\" maxlength=\"32\" spellcheck=\"false\" title=\"Tên quầy: chữ không dấu, chữ số, . _ - @\">"
            + "<a id=\"display-link\" href=\"/display/\(HTML.escape(user))\" target=\"_blank\" rel=\"noopener\">Màn hình công dân ↗</a></div>"
        return layout.page(title: "Quầy thu phí", active: "/desk", main: main, scripts: ["desk.js"],
                           bodyAttributes: "data-user=\"\(HTML.escape(user))\" data-code-policy=\"\(HTML.escape(codePolicy))\"", tools: tools)
    }

    /// `/display/<desk>`: only the current QR, amount and status, in large type, for the citizen.
    static func display(desk: String, unitName: String, csrf: String) -> String {
        WebLayout.document(title: "Màn hình thanh toán", csrf: csrf, scripts: ["display.js"],
                           bodyAttributes: "class=\"display\" data-desk=\"\(HTML.escape(desk))\"", body: """
            <header class="display-head"><div class="unit">\(HTML.escape(unitName))</div><div class="desk">Quầy \(HTML.escape(desk))</div></header>
            <main>
            <section id="idle" class="screen"><h1>Xin kính chào quý khách</h1>
            <p class="lead">Mã QR thanh toán phí, lệ phí sẽ hiện tại đây khi cán bộ tiếp nhận hồ sơ.</p></section>
            <section id="pay" class="screen" hidden>
            <div class="display-grid">
            <div class="qr-box"><img id="qr" alt="Mã VietQR để chuyển khoản"></div>
            <div>
            <p class="label">Số tiền cần thanh toán</p>
            <p class="figure" id="amount"></p>
            <p class="words" id="words"></p>
            <p class="label">Nội dung chuyển khoản</p>
            <code class="reference" id="reference"></code>
            <p class="bankline" id="bank"></p>
            <p class="bankline" id="account"></p>
            <ol class="steps"><li>Mở ứng dụng ngân hàng, chọn <strong>Quét mã QR</strong>.</li>
            <li>Kiểm tra số tiền và nội dung rồi xác nhận. Không sửa nội dung chuyển khoản.</li></ol>
            </div>
            </div>
            <div id="status" class="status pending" role="status" aria-live="polite">Đang chờ thanh toán…</div>
            </section>
            <section id="done" class="screen done" hidden>
            <div class="check" aria-hidden="true">✓</div>
            <h1>ĐÃ THANH TOÁN</h1>
            <p class="figure" id="done-amount"></p>
            <p class="lead" id="done-code"></p>
            <p class="lead">Cảm ơn quý khách!</p>
            </section>
            </main>
            <footer id="connection" role="status"></footer>
            """)
    }
}
