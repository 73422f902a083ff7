import Foundation
import Testing

@Suite struct StatementCommandTests {
    static func sample(_ name: String) -> String {
        Feedesk.repository.appendingPathComponent("Samples/statements/\(name)").path
    }

    @Test func parsePreviewsWithoutADatabase() throws {
        let folder = ScratchFolder()
        let result = try Feedesk.run(["statement", "parse", Self.sample("vietcombank-2026-11-19.sta"), "--json", "--db", folder.file("none.sqlite")])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try result.json() as? [String: Any])
        #expect(object["format"] as? String == "mt940")
        let statement = try #require((object["statements"] as? [[String: Any]])?.first)
        #expect(statement["account"] as? String == "0071000123456")
        #expect(statement["currency"] as? String == "VND")
        #expect((statement["opening"] as? [String: Any])?["amount"] as? Int == 13_395_000)
        #expect((statement["closing"] as? [String: Any])?["date"] as? String == "2026-11-19")
        #expect(!FileManager.default.fileExists(atPath: folder.file("none.sqlite")))
        let lines = try #require(statement["lines"] as? [[String: Any]])
        #expect(lines.count == 5)
        #expect(lines[4]["direction"] as? String == "debit")
        #expect(lines[0]["bankReference"] as? String == "FT26323000000")
        for key in ["bookingDate", "valueDate", "amount", "direction", "reversal", "bankReference", "memo"] {
            #expect(lines[0][key] != nil, "missing \(key)")
        }
    }

    @Test func importReportsStableKeysAndIsIdempotent() throws {
        let folder = ScratchFolder()
        let db = folder.file("db.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        let first = try Feedesk.run(["statement", "import", Self.sample("vietcombank-2026-11-16_18.csv"), "--profile", "vietcombank", "--json", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        let report = try #require(try first.json() as? [String: Any])
        #expect(report["alreadyImported"] as? Bool == false)
        #expect(report["lines"] as? Int == 14)
        #expect(report["credits"] as? Int == 13)
        #expect(report["debits"] as? Int == 1)
        #expect(report["creditTotal"] as? Int == 906_000)
        #expect(report["debitTotal"] as? Int == 11_000)
        #expect(report["new"] as? Int == 14)
        #expect(report["known"] as? Int == 0)
        let outcomes = try #require(report["outcomes"] as? [String: Int])
        #expect(outcomes == ["matched": 7, "underpaid": 1, "overpaid": 1, "duplicate": 1, "unmatched": 3])
        let again = try #require(try Feedesk.run(["statement", "import", Self.sample("vietcombank-2026-11-16_18.csv"), "--profile", "vietcombank", "--json", "--db", db]).json() as? [String: Any])
        #expect(again["alreadyImported"] as? Bool == true)
        #expect(try Feedesk.run(["audit", "verify", "--db", db]).status == 0)
    }

    @Test func badFilesExitThreeWithFileAndLine() throws {
        let folder = ScratchFolder()
        let db = folder.file("db.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        let file = folder.file("bad.sta")
        try ":20:X\r\n:25:0071000123456\r\n:28C:1/1\r\n:60F:C261118VND100,\r\n:61:2613411341C10,NTRFNONREF//FT1\r\n:86:x\r\n:62F:C261119VND110,\r\n-"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Feedesk.run(["statement", "import", file, "--db", db])
        #expect(result.status == 3)
        #expect(result.stderr == "feedesk: bad.sta line 5: :61: value date 261341 is not a valid date.\n")
        let missing = try Feedesk.run(["statement", "import", folder.file("nope.csv"), "--db", db])
        #expect(missing.status == 3)
        #expect(missing.stderr == "feedesk: \(folder.file("nope.csv")): the file does not exist.\n")
        let profile = try Feedesk.run(["statement", "import", file, "--profile", "nobank", "--db", db])
        #expect(profile.status == 3)
        #expect(profile.stderr.hasPrefix("feedesk: bank profile 'nobank' does not exist; known profiles: agribank, bidv, generic,"))
    }
}
