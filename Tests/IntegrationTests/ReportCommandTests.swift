import Foundation
import Testing

/// `feedesk report cash-vs-cashless` on the real binary: formats, files and the refusals of bad input.
@Suite struct ReportCommandTests {
    @Test func reportsInEveryFormat() throws {
        let folder = ScratchFolder()
        let db = folder.file("feedesk.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        let base = ["report", "cash-vs-cashless", "--from", "2026-11-01", "--to", "2026-11-30", "--db", db]
        let json = try Feedesk.run(base + ["--by", "kind", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try json.json() as? [String: Any])
        for key in ["from", "to", "by", "groups", "totals"] { #expect(object[key] != nil, "missing key \(key)") }
        let totals = try #require(object["totals"] as? [String: Any])
        for key in ["dossiers", "cashCount", "cashAmount", "cashlessCount", "cashlessAmount", "totalAmount", "cashlessShareAmount", "cashlessShareCount"] {
            #expect(totals[key] != nil, "missing totals key \(key)")
        }
        #expect(totals["cashAmount"] as? Int == 1_510_000)
        let text = try Feedesk.run(base)
        #expect(text.status == 0 && text.stdout.contains("Tổng cộng") && text.stdout.contains("1.510.000"))
        let csvPath = folder.file("r.csv")
        let csv = try Feedesk.run(base + ["--by", "procedure", "--format", "csv", "--out", csvPath])
        #expect(csv.status == 0 && csv.stdout.contains(csvPath))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).contains("Chứng thực chữ ký"))
        let htmlPath = folder.file("r.html")
        #expect(try Feedesk.run(base + ["--format", "html", "--out", htmlPath]).status == 0)
        #expect(try String(contentsOfFile: htmlPath, encoding: .utf8).contains("Người lập biểu"))
    }

    @Test(arguments: [
        (["--from", "2026-11-01"], Int32(2), "feedesk: missing required option --to.\nusage: feedesk report cash-vs-cashless --from D --to D [--by kind|field|procedure|desk|day|month] [--format text|csv|json|html] [--out FILE] [--force]\n"),
        (["--from", "2026-12-01", "--to", "2026-11-01"], Int32(3), "feedesk: the start date 2026-12-01 is after the end date 2026-11-01.\n"),
        (["--from", "2026-11-1", "--to", "2026-11-30"], Int32(3), "feedesk: --from: date '2026-11-1' is not of the form YYYY-MM-DD.\n"),
        (["--from", "2026-02-30", "--to", "2026-11-30"], Int32(3), "feedesk: --from: date '2026-02-30' is not a real calendar day.\n"),
        (["--from", "2026-11-01", "--to", "2026-11-30", "--by", "week"], Int32(3),
         "feedesk: --by: grouping 'week' is not one of kind, field, procedure, desk, day, month.\n"),
        (["--from", "2026-11-01", "--to", "2026-11-30", "--format", "pdf"], Int32(3), "feedesk: --format: format 'pdf' is not one of text, csv, json, html.\n"),
        (["--from", "2020-01-01", "--to", "2026-11-30"], Int32(3),
         "feedesk: the period 2020-01-01 to 2026-11-30 is longer than 5 years; ask for it explicitly with --force (force=true over HTTP).\n"),
    ])
    func badInputIsOneSentence(_ options: [String], _ status: Int32, _ message: String) throws {
        let folder = ScratchFolder()
        let result = try Feedesk.run(["report", "cash-vs-cashless", "--db", folder.file("f.sqlite")] + options)
        #expect(result.status == status)
        #expect(result.stderr == message)
    }

    @Test func forceRunsALongPeriod() throws {
        let folder = ScratchFolder()
        let result = try Feedesk.run(["report", "cash-vs-cashless", "--from", "2020-01-01", "--to", "2026-11-30", "--force", "--json",
                                      "--db", folder.file("f.sqlite")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect((try result.json() as? [String: Any])?["by"] as? String == "kind")
    }
}
