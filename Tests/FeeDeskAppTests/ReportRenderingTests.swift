@testable import FeeDeskApp
import FeeDeskCore
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct ReportRenderingTests {
    @Test(arguments: [
        ("plain", "plain"), ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+84 912", "'+84 912"), ("-5", "'-5"), ("@cmd", "'@cmd"),
        ("\tx", "'\tx"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("=1,2", "\"'=1,2\""), ("\rx", "\"'\rx\""), ("Lệ phí", "Lệ phí"),
    ])
    func csvCellsAreQuotedAndNeutralised(_ input: String, _ expected: String) {
        #expect(CSVWriter.field(.text(input)) == expected)
    }

    @Test func csvHasABomCRLFAndLeavesNumbersAlone() {
        var writer = CSVWriter()
        writer.append([.text("Hộ tịch"), .integer(-5), .decimal("0.0211")])
        #expect(Array(writer.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(writer.text == "Hộ tịch,-5,0.0211\r\n")
    }

    static func report() throws -> CashlessReport {
        let (app, _) = try CashlessReportTests.townApp()
        return try app.cashVsCashlessReport(try #require(CashlessReportTests.year2021), by: .field)
    }

    /// Excel's reading of the CSV: strip the BOM, decode UTF-8, split RFC 4180 records.
    @Test func csvRoundTripsVietnameseText() throws {
        let report = try Self.report()
        let bytes = try report.rendered(.csv)
        #expect(Array(bytes.prefix(3)) == CSVWriter.byteOrderMark)
        let text = try #require(String(bytes: bytes.dropFirst(3), encoding: .utf8))
        let records = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(records.count == 1 + report.groups.count + 1)
        #expect(records[0][1] == "Lĩnh vực" && records[0][4] == "Tiền mặt (đồng)")
        #expect(Set(records.dropFirst().dropLast().map { $0[0] }) == Set(report.groups.map(\.key)))
        #expect(records.contains { $0[0] == "Đất đai" } && records.contains { $0[0] == "Văn hóa – Thông tin" })
        let total = try #require(records.last)
        #expect(total[7] == "594462000" && total[6] == "12562000" && total[8] == "0.0211")
        // Groups add up to the total line, read back from the CSV.
        #expect(records.dropFirst().dropLast().compactMap { Int64($0[7]) }.reduce(0, +) == 594_462_000)
    }

    @Test func htmlParsesAsXMLWithTablesChartAndSignatures() throws {
        let report = try Self.report()
        let html = String(decoding: try report.rendered(.html), as: UTF8.self)
        let collector = try ElementCollector.parsed(html)
        #expect(collector.count["table", default: 0] == 3)
        #expect(collector.count["svg", default: 0] == 1)
        #expect(collector.count["rect", default: 0] >= 12)
        #expect(collector.count["polyline", default: 0] >= 1)
        #expect(collector.text.contains("Người lập biểu") && collector.text.contains("Kế toán trưởng"))
        #expect(collector.text.contains("Trung tâm Phục vụ Hành chính công (thử nghiệm)"))
        #expect(collector.text.contains("594.462.000") && collector.text.contains("2,11%"))
        #expect(collector.text.contains("từ ngày 01/01/2021 đến ngày 31/12/2021"))
        #expect(collector.text.contains("Lập lúc 2026-11-22T09:00:00+07:00"))
    }

    @Test func everyValueIsEscaped() throws {
        let hostile = CashlessRow(key: "<script>alert(1)</script>", label: "<b>\"x\" & 'y'</b>", figures: .zero)
        let period = try ReportPeriod(from: LocalDate(parsing: "2021-01-01"), to: LocalDate(parsing: "2021-01-31"))
        let report = CashlessReport(unit: "Trung tâm <Một cửa> & \"Hành chính\"", period: period, grouping: .desk, groups: [hostile],
                                    totals: .zero, trend: .filled([], period: period), generatedAt: "2026-11-22T09:00:00+07:00")
        let html = String(decoding: try report.rendered(.html), as: UTF8.self)
        #expect(!html.contains("<script>") && !html.contains("<b>") && !html.contains("<Một cửa>"))
        #expect(html.contains("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"))
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse())
        let csv = String(decoding: try report.rendered(.csv).dropFirst(3), as: UTF8.self)
        #expect(csv.contains("\r\n<script>alert(1)</script>,\"<b>\"\"x\"\" & 'y'</b>\",0,"))
    }

    @Test func textTableIsAligned() throws {
        let text = String(decoding: try Self.report().rendered(.text), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Lĩnh vực") })
        let width = lines[header].count
        #expect(lines[header + 1].count == width)
        #expect(lines.contains { $0.hasPrefix("Tổng cộng") && $0.hasSuffix("%") && $0.contains("594.462.000") && $0.contains("2,11%") })
    }

    /// Renders the page in headless Chromium when it is installed and keeps the screenshot for a look.
    @Test func htmlRendersInARealBrowserWhenAvailable() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return }
        let folder = NSTemporaryDirectory() + "feedesk-report-render"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let page = folder + "/cash-vs-cashless.html", shot = folder + "/cash-vs-cashless.png"
        try Data(try Self.report().rendered(.html)).write(to: URL(fileURLWithPath: page))
        try? FileManager.default.removeItem(atPath: shot)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=794,2200",
                             "--screenshot=\(shot)", "file://\(page)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let size = (try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0
        #expect(process.terminationStatus == 0 && size > 20_000)
    }
}

/// Counts elements and gathers text while XMLParser walks a document.
final class ElementCollector: NSObject, XMLParserDelegate {
    var count: [String: Int] = [:]
    var text = ""

    /// The elements and text of `document`, which must parse as XML (the test fails otherwise).
    static func parsed(_ document: String) throws -> ElementCollector {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "XML error: \(parser.parserError.map { "\($0)" } ?? "none") at line \(parser.lineNumber)")
        try #require(parsed)
        return collector
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        count[name, default: 0] += 1
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}
