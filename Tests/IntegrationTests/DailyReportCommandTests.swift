import Foundation
import Testing

/// `feedesk report daily` on the real binary: formats, files, exit statuses and the refusals of bad input.
@Suite struct DailyReportCommandTests {
    @Test func reportsInEveryFormat() throws {
        let folder = ScratchFolder()
        let db = folder.file("feedesk.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        let statement = Feedesk.repository.appendingPathComponent("Samples/statements/vietcombank-2026-11-16_18.csv").path
        #expect(try Feedesk.run(["statement", "import", statement, "--profile", "vietcombank", "--db", db]).status == 0)
        let base = ["report", "daily", "--date", "2026-11-16", "--account", "main", "--db", db]
        let json = try Feedesk.run(base + ["--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try json.json() as? [String: Any])
        #expect(object["account"] as? String == "main" && object["date"] as? String == "2026-11-16")
        let outcomes = try #require(object["outcomes"] as? [String: [String: Int]])
        #expect(outcomes.values.compactMap { $0["amount"] }.reduce(0, +) == object["creditTotal"] as? Int)
        let cash = try #require(object["cash"] as? [String: Any])
        let cashiers = try #require(cash["cashiers"] as? [[String: Any]])
        #expect(cashiers.compactMap { $0["amount"] as? Int }.reduce(0, +) == cash["amount"] as? Int)
        let formatJSON = try #require(try Feedesk.run(base + ["--format", "json"]).json() as? [String: Any])
        #expect(Set(formatJSON.keys) == Set(object.keys) && formatJSON["creditTotal"] as? Int == object["creditTotal"] as? Int)
        let text = try Feedesk.run(base)
        #expect(text.status == 0 && text.stdout.contains("BÁO CÁO ĐỐI SOÁT THU PHÍ, LỆ PHÍ NGÀY 16/11/2026") && text.stdout.contains("Lê Văn Hòa"))
        let csvPath = folder.file("daily.csv")
        let csv = try Feedesk.run(base + ["--format", "csv", "--out", csvPath])
        #expect(csv.status == 0 && csv.stdout.contains(csvPath))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).contains("Ghi có theo kết quả,Khớp,matched,"))
        let htmlPath = folder.file("daily.html")
        #expect(try Feedesk.run(base + ["--format", "html", "--out", htmlPath]).status == 0)
        let html = try String(contentsOfFile: htmlPath, encoding: .utf8)
        #expect(html.contains("Người lập biểu") && html.contains("Kế toán trưởng"))
        // Without --account the first collection account is used.
        #expect(try Feedesk.run(["report", "daily", "--date", "2026-11-16", "--db", db, "--json"]).stdout.contains("\"account\" : \"main\""))
    }

    @Test(arguments: [
        ([String](), Int32(2), "feedesk: missing required option --date.\nusage: feedesk report daily --date YYYY-MM-DD [--account ID] [--format text|csv|json|html] [--out FILE]\n"),
        (["--date", "16/11/2026"], Int32(3), "feedesk: --date: date '16/11/2026' is not of the form YYYY-MM-DD.\n"),
        (["--date", "2026-02-30"], Int32(3), "feedesk: --date: date '2026-02-30' is not a real calendar day.\n"),
        (["--date", "2026-11-16", "--account", "other"], Int32(3), "feedesk: --account: 'other' is not a configured collection account (configured: main).\n"),
        (["--date", "2026-11-16", "--format", "pdf"], Int32(3), "feedesk: --format: format 'pdf' is not one of text, csv, json, html.\n"),
        (["--date", "2026-11-16", "--bogus"], Int32(2), nil),
    ] as [([String], Int32, String?)])
    func badInputIsOneSentence(_ options: [String], _ status: Int32, _ message: String?) throws {
        let folder = ScratchFolder()
        let out = folder.file("never.html")
        let result = try Feedesk.run(["report", "daily", "--db", folder.file("f.sqlite"), "--out", out] + options)
        #expect(result.status == status)
        if let message { #expect(result.stderr == message) } else { #expect(result.stderr.hasPrefix("feedesk: ") && result.stderr.contains("--bogus")) }
        // Nothing is half-written.
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

@Suite struct RemittanceReportCommandTests {
    @Test func theStatementPrintsInEveryFormatAndRefusesBadPeriods() throws {
        let folder = ScratchFolder()
        let db = folder.file("db.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        let json = try Feedesk.run(["report", "remittance", "--from", "2026-11-01", "--to", "2026-11-30", "--json", "--db", db])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try json.json() as? [String: Any])
        let totals = try #require(report["totals"] as? [String: Int])
        #expect(totals["collected"] ?? 0 > 0 && totals["due"] == totals["collected"]! - totals["refunded"]! - totals["remitted"]!)
        let out = folder.file("remittance.html")
        #expect(try Feedesk.run(["report", "remittance", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "html", "--out", out, "--db", db]).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Bảng kê thu, nộp phí và lệ phí vào ngân sách nhà nước"))
        let reversed = try Feedesk.run(["report", "remittance", "--from", "2026-11-30", "--to", "2026-11-01", "--db", db])
        #expect(reversed.status == 3 && reversed.stderr == "feedesk: the start date 2026-11-30 is after the end date 2026-11-01.\n")
        #expect(try Feedesk.run(["report", "remittance", "--from", "2026-11-01", "--db", db]).status == 2)
        #expect(try Feedesk.run(["report", "remittance", "--from", "2020-01-01", "--to", "2026-11-30", "--db", db]).status == 3)
        #expect(try Feedesk.run(["report", "remittance", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "pdf", "--db", db]).status == 3)
    }
}
