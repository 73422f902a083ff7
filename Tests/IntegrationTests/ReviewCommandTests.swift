import Foundation
import Testing

@Suite struct ReviewCommandTests {
    @Test func reviewAndDayCommandsGiveTheStableJSON() throws {
        let folder = ScratchFolder()
        let db = folder.file("db.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        for name in ["vietcombank-2026-11-16_18.csv", "vietcombank-2026-11-19.sta", "vietcombank-2026-11-20.camt053.xml"] {
            let path = Feedesk.repository.appendingPathComponent("Samples/statements/\(name)").path
            #expect(try Feedesk.run(["statement", "import", path, "--profile", "vietcombank", "--db", db]).status == 0)
        }
        let queue = try #require(try Feedesk.run(["review", "list", "--json", "--db", db]).json() as? [[String: Any]])
        #expect(queue.count == 6)
        for key in ["credit", "amount", "bookingDate", "memo", "outcome", "dossiers", "suggestions"] {
            #expect(queue[0][key] != nil, "missing \(key)")
        }
        let typo = try #require(queue.first { ($0["memo"] as? String)?.contains("HS00001557") == true })
        let suggestion = try #require((typo["suggestions"] as? [[String: Any]])?.first)
        #expect(suggestion["dossier"] as? String == "000.06.16.G09-261117-0005")
        #expect(suggestion["score"] as? Double != nil && suggestion["reason"] as? String != nil)
        let credit = try #require(typo["credit"] as? Int)
        let assign = try Feedesk.run(["review", "assign", String(credit), "--dossier", "000.06.16.G09-261117-0005", "--reason", "typo", "--db", db])
        #expect(assign.status == 0, "\(assign.stderr)")
        let twice = try Feedesk.run(["review", "assign", String(credit), "--dossier", "000.06.16.G09-261117-0005", "--reason", "typo", "--db", db])
        #expect(twice.status == 3)
        #expect(twice.stderr == "feedesk: credit #\(credit) is already fully counted for dossiers.\n")

        let day = try #require(try Feedesk.run(["day", "reconcile", "--date", "2026-11-17", "--json", "--db", db]).json() as? [String: Any])
        for key in ["account", "date", "closed", "opening", "closing", "balanceOk", "creditTotal", "outcomes", "exceptions"] {
            #expect(day[key] != nil, "missing \(key)")
        }
        #expect((day["outcomes"] as? [String: [String: Int]])?["matched"]?["count"] != nil)
        let close = try Feedesk.run(["day", "close", "--date", "2026-11-17", "--json", "--db", db])
        #expect(close.status == 0, "\(close.stderr)")
        #expect((try close.json() as? [String: Any])?["closed"] as? Bool == true)
        let refused = try Feedesk.run(["day", "close", "--date", "2026-11-16", "--db", db])
        #expect(refused.status == 3)
        #expect(refused.stderr.hasPrefix("feedesk: day 2026-11-16 of account main cannot be closed: 3 credit(s) of 2026-11-16 still need review"))
        #expect(try Feedesk.run(["audit", "verify", "--db", db]).status == 0)
    }
}

@Suite struct ReviewExportCommandTests {
    @Test func theQueueExportsAsCSVToAFileAndRefusesOtherCombinations() throws {
        let folder = ScratchFolder()
        let db = folder.file("db.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        let path = Feedesk.repository.appendingPathComponent("Samples/statements/vietcombank-2026-11-16_18.csv").path
        #expect(try Feedesk.run(["statement", "import", path, "--profile", "vietcombank", "--db", db]).status == 0)
        let out = folder.file("queue.csv")
        let written = try Feedesk.run(["review", "list", "--format", "csv", "--out", out, "--db", db])
        #expect(written.status == 0, "\(written.stderr)")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let queue = try #require(try Feedesk.run(["review", "list", "--format", "json", "--db", db]).json() as? [[String: Any]])
        #expect(rows.count == queue.count + 1 && queue.count > 0)
        let html = try Feedesk.run(["review", "list", "--format", "html", "--db", db])
        #expect(html.status == 3)
        #expect(html.stderr == "feedesk: --format: format 'html' is not one of text, csv, json for the review queue.\n")
        let textToFile = try Feedesk.run(["review", "list", "--out", out, "--db", db])
        #expect(textToFile.status == 3)
    }
}
