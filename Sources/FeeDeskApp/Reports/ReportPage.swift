/// The printable A4 frame every report shares: the unit and the national heading, the title and the
/// period, the report's own sections, the date and the signature lines (*Người lập biểu*, *Kế toán
/// trưởng*) and a footer with the generation time.
///
/// `document` is a whole XHTML-compatible page with its style inline (a file, or the API's `html`
/// format); `sheet` is the same content as one `<div class="report-sheet">`, which the web UI embeds
/// under the `report.css` asset (the same style, every rule scoped to `.report-sheet`). Every value the
/// frame places is escaped; `body` is trusted markup built by the report from escaped parts.
struct ReportPage {
    /// The document's `<title>`.
    let title: String
    /// The unit's name, top left.
    let unit: String
    /// The report's title (printed upper case).
    let heading: String
    /// The line under the title: period, account, grouping (plain text).
    let period: String
    /// When the report was made, ISO 8601 with offset.
    let generatedAt: String
    /// The report's sections (trusted markup).
    let body: String

    /// The report as one `<div class="report-sheet">`.
    var sheet: String {
        let stamp = ReportPage.dateParts(generatedAt)
        return """
        <div class="report-sheet">
        <header class="heading">
        <div class="unit"><div class="upper">\(HTML.escape(unit))</div><div class="rule"></div></div>
        <div class="nation"><div class="upper">Cộng hòa xã hội chủ nghĩa Việt Nam</div><div class="motto">Độc lập – Tự do – Hạnh phúc</div><div class="rule"></div></div>
        </header>
        <h1>\(HTML.escape(heading))</h1>
        <p class="period">\(HTML.escape(period))</p>
        \(body)
        <div class="signatures">
        <p class="place">Ngày \(stamp.day) tháng \(stamp.month) năm \(stamp.year)</p>
        <div class="sign"><strong>Người lập biểu</strong><em>(Ký, ghi rõ họ tên)</em></div>
        <div class="sign"><strong>Kế toán trưởng</strong><em>(Ký, ghi rõ họ tên)</em></div>
        </div>
        <footer>Lập lúc \(HTML.escape(generatedAt)) bởi FeeDesk · \(HTML.escape(unit))</footer>
        </div>
        """
    }

    /// The whole printable page.
    var document: String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="vi" xml:lang="vi">
        <head>
        <meta charset="utf-8"/>
        <title>\(HTML.escape(title))</title>
        <style>
        \(ReportPage.pageStyle)
        \(ReportPage.style)
        </style>
        </head>
        <body>
        \(sheet)
        </body>
        </html>

        """
    }

    /// The Content-Security-Policy of a report served as HTML: its own inline `<style>` and inline SVG,
    /// no script and nothing loaded from anywhere (the service's default policy allows only style
    /// sheets from `/assets/`, which would show the report unstyled).
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// Day, month and year of an ISO 8601 timestamp's date.
    static func dateParts(_ timestamp: String) -> (day: String, month: String, year: String) {
        let parts = timestamp.prefix(10).split(separator: "-")
        guard parts.count == 3 else { return ("…", "…", "…") }
        return (String(parts[2]), String(parts[1]), String(parts[0]))
    }

    /// The paper and the page body: only in the stand-alone document.
    static let pageStyle = """
        @page { size: A4 portrait; margin: 15mm 12mm 15mm 15mm; }
        body { margin: 0; background: #fff; }
        @media screen { body { padding: 8mm 6mm; } }
        """

    /// The style of the sheet, every rule under `.report-sheet` (also served as the `report.css` asset).
    static let style = """
        .report-sheet { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 11pt; color: #000; background: #fff; margin: 0 auto; max-width: 183mm; line-height: 1.3; }
        .report-sheet .heading { display: flex; justify-content: space-between; text-align: center; margin-bottom: 6mm; }
        .report-sheet .heading .unit { width: 42%; font-weight: bold; }
        .report-sheet .heading .nation { width: 56%; }
        .report-sheet .upper { text-transform: uppercase; font-weight: bold; font-size: 10.5pt; }
        .report-sheet .motto { font-weight: bold; font-size: 11pt; }
        .report-sheet .rule { width: 35%; margin: 1mm auto 0; border-top: 1px solid #000; }
        .report-sheet h1 { text-align: center; text-transform: uppercase; font-size: 13.5pt; margin: 0 0 1mm; color: #000; }
        .report-sheet h2 { font-size: 11.5pt; margin: 5mm 0 2mm; color: #000; }
        .report-sheet .period { text-align: center; font-style: italic; margin: 0 0 4mm; }
        .report-sheet table { border-collapse: collapse; width: 100%; background: none; }
        .report-sheet table.summary { margin: 0 0 2mm; }
        .report-sheet table.summary th { text-align: left; font-weight: normal; padding: 1mm 2mm; width: 31%; border: 0; background: none; }
        .report-sheet table.summary td { text-align: right; font-weight: bold; padding: 1mm 2mm; width: 19%; white-space: nowrap; border: 0; }
        .report-sheet table.summary td.big { font-size: 13pt; }
        .report-sheet table.data { font-size: 9pt; page-break-inside: auto; }
        .report-sheet table.data th, .report-sheet table.data td { border: 0.6pt solid #000; padding: 0.8mm 1mm; vertical-align: top; color: #000; }
        .report-sheet table.data thead th { background: #eef2f6; font-weight: bold; text-align: center; font-size: 8pt; vertical-align: middle; }
        .report-sheet table.data td:nth-child(2) { min-width: 30mm; }
        .report-sheet table.trend td:nth-child(2) { min-width: 0; }
        .report-sheet .unitline { text-align: right; font-style: italic; font-size: 9pt; margin: 0 0 1mm; }
        .report-sheet table.data thead { display: table-header-group; }
        .report-sheet table.data tr { page-break-inside: avoid; }
        .report-sheet table.data tfoot td { font-weight: bold; background: #f6f6f6; }
        .report-sheet table.trend { margin: 1mm 0 0; }
        .report-sheet td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .report-sheet td.mid { text-align: center; white-space: nowrap; }
        .report-sheet figure { margin: 2mm 0; page-break-inside: avoid; }
        .report-sheet svg.chart { width: 100%; height: auto; display: block; }
        .report-sheet .note { font-size: 8.5pt; font-style: italic; margin: 1.5mm 0; }
        .report-sheet .verdict { font-weight: bold; margin: 1.5mm 0; }
        .report-sheet .signatures { display: flex; flex-wrap: wrap; justify-content: space-around; margin-top: 6mm; page-break-inside: avoid; }
        .report-sheet .signatures .place { width: 100%; text-align: right; font-style: italic; margin: 0 8mm 2mm 0; }
        .report-sheet .sign { width: 40%; text-align: center; min-height: 30mm; }
        .report-sheet .sign strong { display: block; }
        .report-sheet .sign em { display: block; font-size: 9pt; }
        .report-sheet footer { margin-top: 4mm; border-top: 0.5pt solid #999; padding-top: 1mm; font-size: 8pt; color: #444; }
        """
}
