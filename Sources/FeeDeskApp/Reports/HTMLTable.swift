/// An HTML table built from plain strings; every cell is escaped. XHTML-compatible markup, so the
/// page also parses as XML.
public struct HTMLTable: Sendable {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable {
        /// Text.
        case left
        /// Numbers.
        case right
        /// Short codes.
        case center
    }

    /// The column headings.
    public var header: [String]
    /// Alignment per column (missing columns are left-aligned).
    public var alignments: [Alignment]
    /// The body rows.
    public var rows: [[String]] = []
    /// Rows after the body, bold (totals).
    public var footer: [[String]] = []
    /// A caption above the table, if any.
    public var caption: String?
    /// The `class` attribute of the table.
    public var className: String

    /// A table with `header` and per-column `alignments`.
    public init(header: [String], alignments: [Alignment] = [], caption: String? = nil, className: String = "data") {
        self.header = header
        self.alignments = alignments
        self.caption = caption
        self.className = className
    }

    /// The `<table>` element.
    public var html: String {
        var out = "<table class=\"\(HTML.escape(className))\">\n"
        if let caption { out += "<caption>\(HTML.escape(caption))</caption>\n" }
        out += "<thead><tr>" + header.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { out += line(row, cell: "td") }
        out += "</tbody>\n"
        if !footer.isEmpty {
            out += "<tfoot>\n" + footer.map { line($0, cell: "td") }.joined() + "</tfoot>\n"
        }
        return out + "</table>"
    }

    private func line(_ cells: [String], cell: String) -> String {
        "<tr>" + cells.enumerated().map { index, text in
            let alignment = index < alignments.count ? alignments[index] : .left
            let attribute: String
            switch alignment {
            case .left: attribute = ""
            case .right: attribute = " class=\"num\""
            case .center: attribute = " class=\"mid\""
            }
            return "<\(cell)\(attribute)>\(HTML.escape(text))</\(cell)>"
        }.joined() + "</tr>\n"
    }
}
