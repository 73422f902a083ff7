import Foundation
import Testing

/// `feedesk report receipts` on the real binary: formats, the register number on `dossier show`, refusals.
@Suite struct ReceiptCommandTests {
    @Test func exportsTheRegisterAndShowsNumbersOnDossiers() throws {
        let folder = ScratchFolder()
        let db = folder.file("feedesk.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        let base = ["report", "receipts", "--from", "2026-11-01", "--to", "2026-11-30", "--db", db]
        let json = try Feedesk.run(base + ["--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let lines = try #require(try json.json() as? [[String: Any]])
        let cash = lines.filter { $0["source"] as? String == "cash" }
        #expect(cash.count == 17)
        #expect(cash.compactMap { $0["number"] as? String } == (1...17).map { String(format: "%07d", $0) })
        #expect(cash.allSatisfy { $0["symbol"] as? String == "TM-26E" && $0["form"] as? String == "01BLP0-001" && $0["status"] as? String == "issued" })
        for key in ["symbol", "number", "dossier", "amount", "source", "at"] { #expect(lines.first?[key] != nil, "missing key \(key)") }
        let csvPath = folder.file("receipts.csv")
        let csv = try Feedesk.run(base + ["--format", "csv", "--out", csvPath])
        #expect(csv.status == 0 && csv.stdout.contains(csvPath))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let records = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        #expect(records.count == lines.count + 1)
        let text = try Feedesk.run(base)
        #expect(text.status == 0 && text.stdout.contains("SỔ THEO DÕI BIÊN LAI") && text.stdout.contains("TM-26E"))
        #expect(try Feedesk.run(base + ["--format", "html"]).stdout.contains("Kế toán trưởng"))
        let code = try #require(cash.first?["dossier"] as? String)
        let shown = try #require(try Feedesk.run(["dossier", "show", code, "--json", "--db", db]).json() as? [String: Any])
        let receipts = try #require(shown["receipts"] as? [[String: Any]])
        #expect(receipts.first?["number"] as? String == "0000001" && receipts.first?["symbol"] as? String == "TM-26E")
        #expect(try Feedesk.run(["dossier", "show", code, "--db", db]).stdout.contains("TM-26E số 0000001"))
    }

    @Test(arguments: [
        (["--from", "2026-11-01"], Int32(2), "feedesk: missing required option --to.\nusage: feedesk report receipts --from D --to D [--format text|csv|json|html] [--out FILE] [--force]\n"),
        (["--from", "2026-12-01", "--to", "2026-11-01"], Int32(3), "feedesk: the start date 2026-12-01 is after the end date 2026-11-01.\n"),
        (["--from", "2026-11-1", "--to", "2026-11-30"], Int32(3), "feedesk: --from: date '2026-11-1' is not of the form YYYY-MM-DD.\n"),
        (["--from", "2026-11-01", "--to", "2026-11-31"], Int32(3), "feedesk: --to: date '2026-11-31' is not a real calendar day.\n"),
        (["--from", "2026-11-01", "--to", "2026-11-30", "--format", "xml"], Int32(3), "feedesk: --format: format 'xml' is not one of text, csv, json, html.\n"),
        (["--from", "2020-01-01", "--to", "2026-11-30"], Int32(3),
         "feedesk: the period 2020-01-01 to 2026-11-30 is longer than 5 years; ask for it explicitly with --force (force=true over HTTP).\n"),
    ])
    func badInputIsOneSentence(_ options: [String], _ status: Int32, _ message: String) throws {
        let folder = ScratchFolder()
        let result = try Feedesk.run(["report", "receipts", "--db", folder.file("f.sqlite")] + options)
        #expect(result.status == status)
        #expect(result.stderr == message)
    }
}
