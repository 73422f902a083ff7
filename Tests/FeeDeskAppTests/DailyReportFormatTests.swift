@testable import FeeDeskApp
import FeeDeskCore
import Foundation
import Testing

/// The daily report's formats: CSV for Excel, JSON with stable keys, printable HTML, the text table.
@Suite struct DailyReportFormatTests {
    static func report(_ day: String = "2026-11-16") throws -> DailyReport {
        let (_, app) = try ReviewTests.imported()
        return try app.dailyReport(date: LocalDate(parsing: day))
    }

    /// RFC 4180 records of a CSV document (quoted fields may hold commas, quotes and line breaks).
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" { quoted = true }
            else if character == "," { record.append(field); field = "" }
            else if character == "\r\n" || character == "\n" { record.append(field); records.append(record); record = []; field = "" }
            else { field.append(character) }
        }
        return records
    }

    @Test func csvHasABomVietnameseTextAndTotalsThatAddUp() throws {
        let report = try Self.report()
        let bytes = try report.rendered(.csv)
        #expect(Array(bytes.prefix(3)) == CSVWriter.byteOrderMark)
        let text = try #require(String(bytes: bytes.dropFirst(3), encoding: .utf8))
        let records = Self.records(text)
        #expect(records.first == ["Phần", "Mục", "Mã", "Số lượng", "Số tiền (đồng)", "Ghi chú"])
        #expect(records.allSatisfy { $0.count == 6 })
        let outcomes = records.filter { $0[0] == "Ghi có theo kết quả" }
        let total = try #require(outcomes.last)
        #expect(total[1] == "Cộng" && total[4] == String(report.credits.amount.dong))
        #expect(outcomes.dropLast().compactMap { Int64($0[4]) }.reduce(0, +) == report.credits.amount.dong)
        #expect(outcomes.dropLast().compactMap { Int($0[3]) }.reduce(0, +) == report.credits.count)
        let cash = records.filter { $0[0] == "Tiền mặt theo người thu" }
        #expect(cash.dropLast().compactMap { Int64($0[4]) }.reduce(0, +) == Int64(cash.last?[4] ?? "") && cash.last?[4] == String(report.cash.amount.dong))
        #expect(cash.contains { $0[1] == "Lê Văn Hòa" && $0[2] == "0000001–0000003" })
        #expect(records.filter { $0[0] == "Ngoại lệ" }.count == report.exceptions.count)
        let closing = String(try #require(report.day.closing).dong)
        #expect(records.contains { $0[0] == "Số dư" && $0[2] == "closing" && $0[4] == closing })
        #expect(records.contains { $0[0] == "Khoá sổ" && $0[2] == "open" })
    }

    @Test func jsonKeysAreStableAndAlwaysPresent() throws {
        for day in ["2026-11-16", "2026-11-21"] {
            let report = try Self.report(day)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(try report.rendered(.json))) as? [String: Any])
            #expect(Set(object.keys) == Set(DailyReport.Keys.allCases.map(\.rawValue)), "\(day)")
            // The keys of `day reconcile` are all there.
            for key in ["account", "date", "closed", "opening", "closing", "balanceOk", "creditTotal", "outcomes", "exceptions"] {
                #expect(object.keys.contains(key), "\(day): \(key)")
            }
            let outcomes = try #require(object["outcomes"] as? [String: [String: Int]])
            #expect(Set(outcomes.keys) == Set(CreditOutcome.allCases.map(\.rawValue)))
            #expect(outcomes.values.allSatisfy { Set($0.keys) == ["count", "amount"] })
            #expect(outcomes.values.compactMap { $0["amount"] }.reduce(0, +) == object["creditTotal"] as? Int)
            let cash = try #require(object["cash"] as? [String: Any])
            #expect(Set(cash.keys) == ["count", "amount", "cashiers", "voidedCount", "voidedAmount", "voided"])
            for cashier in try #require(cash["cashiers"] as? [[String: Any]]) {
                #expect(Set(cashier.keys) == ["cashier", "firstReceipt", "lastReceipt", "count", "amount"])
            }
            for exception in try #require(object["exceptions"] as? [[String: Any]]) {
                #expect(Set(exception.keys).isSuperset(of: ["kind", "label", "message", "detail", "todo"]))
            }
            #expect(Set(try #require(object["checks"] as? [String: Bool]).keys) == ["balance", "outcomes", "debitOutcomes", "cash"])
        }
        // A day without a statement still has every key, with nulls.
        let empty = try #require(try JSONSerialization.jsonObject(with: Data(try Self.report("2026-11-21").rendered(.json))) as? [String: Any])
        #expect(empty["opening"] is NSNull && empty["statement"] is NSNull && empty["closedBy"] is NSNull)
    }

    @Test func htmlIsPrintableXMLWithTablesAndSignatureLines() throws {
        let report = try Self.report()
        let html = String(decoding: try report.rendered(.html), as: UTF8.self)
        let collector = try ElementCollector.parsed(html)
        #expect(collector.count["table", default: 0] == 6)
        #expect(collector.text.contains("Người lập biểu") && collector.text.contains("Kế toán trưởng"))
        #expect(collector.text.contains("Trung tâm Phục vụ Hành chính công (thử nghiệm)"))
        #expect(collector.text.contains("Báo cáo đối soát thu phí, lệ phí ngày 16/11/2026"))
        #expect(collector.text.contains("sao kê từ ngày 16/11/2026 đến ngày 18/11/2026"))
        #expect(collector.text.contains("Lập lúc 2026-11-22T09:00:00+07:00"))
        #expect(collector.text.contains(report.credits.amount.groupedDigits) && collector.text.contains(report.cash.amount.groupedDigits))
        #expect(collector.text.contains("✓ Các dòng cộng lại đúng bằng tổng ghi có trong ngày."))
        #expect(html.contains("@page { size: A4 portrait;"))
        // The same sheet for the web page, without the document around it.
        #expect(report.sheet.hasPrefix("<div class=\"report-sheet\">") && !report.sheet.contains("<html"))
    }

    @Test func textIsAlignedAndSaysWhatAddsUp() throws {
        let report = try Self.report()
        let text = String(decoding: try report.rendered(.text), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Kết quả") })
        #expect(lines[header + 1].count == lines[header].count)
        #expect(lines.contains { $0.hasPrefix("Cộng") && $0.hasSuffix(report.credits.amount.groupedDigits) })
        #expect(text.contains("BÁO CÁO ĐỐI SOÁT THU PHÍ, LỆ PHÍ NGÀY 16/11/2026") && text.contains("✓ Số dư khớp với sao kê."))
    }
}
