import FeeDeskCore

/// `/review`: the review queue. A static shell; `review.js` reads `GET /api/v1/review?date=` and
/// builds the items (memos, payer names and suggestions are untrusted and placed with `textContent`),
/// and posts the accountant's decisions.
struct ReviewPage {
    let layout: WebLayout
    /// Only credits booked on this day; nil for every open item.
    let date: LocalDate?
    /// A refusal of the filter value, shown above the queue.
    var problem: String?

    /// The queue as a spreadsheet (`GET /api/v1/review?format=csv`), for the same day filter.
    var csvLink: String {
        "/api/v1/review?format=csv" + (date.map { "&date=\($0)" } ?? "")
    }

    func html() -> String {
        let heading = date.map { "Hàng chờ đối soát ngày \(DossierListPage.vietnamese($0))" } ?? "Hàng chờ đối soát"
        let warning = problem.map { "<div class=\"message error\" role=\"alert\">\(HTML.escape($0))</div>" } ?? ""
        let all = date == nil ? "" : "<a class=\"button-link\" href=\"/review\">Mọi ngày</a>"
        let main = """
            <section class="card">
            <div class="card-head">
            <div><h1>\(HTML.escape(heading))</h1>
            <p id="queue-count" class="sub" role="status" aria-live="polite">Đang tải…</p></div>
            <form class="filters" method="get" action="/review">
            <label for="date">Ngày hạch toán</label><input id="date" type="date" name="date" value="\(date.map { "\($0)" } ?? "")">
            <button type="submit">Lọc</button>\(all)
            <button id="reload" type="button" title="Đọc lại hàng chờ từ máy chủ">Tải lại</button>
            <a id="queue-csv" class="button-link" href="\(HTML.escape(csvLink))" download>Tải CSV</a>
            </form>
            </div>
            <p class="hint">Mỗi khoản cần một quyết định có lý do: <strong>gán</strong> cho hồ sơ (có thể gán một phần rồi gán tiếp để
            tách cho nhiều hồ sơ), <strong>hoàn trả</strong> cho người chuyển, hoặc đánh dấu <strong>không phải phí</strong>.
            Gợi ý không bao giờ tự áp dụng. Mọi thao tác được ghi nhật ký và có thể hoàn tác thao tác gần nhất.</p>
            \(warning)
            <div id="queue-message" class="message" role="alert" hidden></div>
            <div id="queue" class="queue"></div>
            </section>
            """
        return layout.page(title: "Đối soát", active: "/review", main: main, scripts: ["review-words.js", "review.js"],
                           bodyAttributes: "data-date=\"\(date.map { "\($0)" } ?? "")\"")
    }
}
