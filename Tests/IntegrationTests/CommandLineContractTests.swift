import Foundation
import Testing

/// The CLI contract of ARCHITECTURE.md, exercised on the real binary over a real SQLite file.
@Suite struct CommandLineContractTests {
    @Test func demoThenShowGivesTheStableJSONKeys() throws {
        let folder = ScratchFolder()
        let db = folder.file("feedesk.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        // Global options anywhere: before or after the command.
        let shown = try Feedesk.run(["--json", "dossier", "show", "000.06.16.G09-261116-0001", "--db", db])
        #expect(shown.status == 0, "\(shown.stderr)")
        let object = try #require(try shown.json() as? [String: Any])
        for key in ["code", "procedure", "applicant", "amountDue", "paid", "status", "reference", "payments"] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        #expect(object["amountDue"] as? Int == 150_000)
        #expect(object["status"] as? String == "paid")
        let payment = try #require((object["payments"] as? [[String: Any]])?.first)
        #expect(payment["source"] as? String == "cash")
        #expect(payment["amount"] as? Int == 150_000)
        #expect(payment["at"] as? String == "2026-11-16T08:54:00+07:00")

        let fees = try #require(try Feedesk.run(["fees", "list", "--json", "--db", db]).json() as? [[String: Any]])
        #expect(fees.count == 9)
        #expect(Set(fees[0].keys).isSuperset(of: ["procedure", "name", "field", "kind", "amount"]))

        let list = try #require(try Feedesk.run(["dossier", "list", "--status", "unpaid", "--json", "--db", db]).json() as? [[String: Any]])
        #expect(list.count == 33)

        // A second demo adds nothing.
        let again = try Feedesk.run(["--json", "demo", "--db", db])
        let report = try #require(try again.json() as? [String: Any])
        #expect(report["dossiersAdded"] as? Int == 0)
        #expect(report["cashAdded"] as? Int == 0)
        #expect(try Feedesk.run(["audit", "verify", "--db", db]).status == 0)
    }

    @Test(arguments: [
        (["dossier", "add", "--code", "000.06.16.G09-261122-0001", "--procedure", "NOPE"], Int32(3), "feedesk: procedure 'NOPE' is not in the fee schedule.\n"),
        (["dossier", "add", "--code", "000.06.16.G09-261122-0001", "--procedure", "CT.CHUKY", "--amount", "1,5"], 3,
         "feedesk: --amount: amount '1,5' is not a whole number of đồng.\n"),
        (["dossier", "add", "--code", "000.06.16.G09-261122-0001", "--procedure", "CT.CHUKY", "--amount", "-5"], 3,
         "feedesk: --amount: amount '-5' must be a whole number of đồng without a sign.\n"),
        (["dossier", "add", "--code", "000.06.16.G09-261116-0001", "--procedure", "CT.CHUKY"], 3,
         "feedesk: dossier '000.06.16.G09-261116-0001' is already registered.\n"),
        (["cash", "record", "--dossier", "000.06.16.G09-261116-0002", "--amount", "6000", "--receipt", "0000001"], 3,
         "feedesk: receipt number '0000001' is already used for dossier '000.06.16.G09-261116-0001'.\n"),
        (["cash", "void", "--receipt", "NOPE", "--reason", "x"], 3, "feedesk: no cash payment has the receipt number 'NOPE'.\n"),
        (["dossier", "add", "--procedure", "CT.CHUKY"], 2,
         "feedesk: missing required option --code.\nusage: feedesk dossier add --code CODE --procedure PROC [--amount VND] [--applicant NAME] [--desk DESK]\n"),
        (["dossier", "show"], 2, "feedesk: expected CODE but got none.\nusage: feedesk dossier show CODE\n"),
        (["dossier", "show", "X", "--colour"], 2, "feedesk: unknown option --colour for 'feedesk dossier show'.\nusage: feedesk dossier show CODE\n"),
        (["frobnicate"], 2, "feedesk: unknown command 'frobnicate'; run 'feedesk --help' for the list.\n"),
    ])
    func badInputExitsWithOneSentenceAndChangesNothing(arguments: [String], status: Int32, stderr: String) throws {
        let folder = ScratchFolder()
        let db = folder.file("feedesk.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        let before = try Feedesk.run(["--json", "dossier", "list", "--db", db]).stdout
        let audit = try Feedesk.run(["--json", "audit", "verify", "--db", db]).stdout
        let result = try Feedesk.run(arguments + ["--db", db])
        #expect(result.status == status)
        #expect(result.stderr == stderr)
        #expect(result.stdout.isEmpty)
        #expect(try Feedesk.run(["--json", "dossier", "list", "--db", db]).stdout == before)
        #expect(try Feedesk.run(["--json", "audit", "verify", "--db", db]).stdout == audit)
    }

    @Test func malformedConfigIsRejectedWithFileAndField() throws {
        let folder = ScratchFolder()
        let config = folder.file("feedesk.json")
        try #"{"unit": {"name": "X", "code": "Y"}, "accounts": [{"id": "main", "bin": "9704", "number": "1", "holder": "H"}]}"#
            .write(toFile: config, atomically: true, encoding: .utf8)
        let result = try Feedesk.run(["init", "--config", config, "--db", folder.file("x.sqlite")])
        #expect(result.status == 3)
        #expect(result.stderr == "feedesk: \(config): field accounts[0].bin: bank BIN '9704' is not 6 digits.\n")
        #expect(!FileManager.default.fileExists(atPath: folder.file("x.sqlite")))
    }

    @Test func backupGivesACopyThatVerifies() throws {
        let folder = ScratchFolder()
        let db = folder.file("feedesk.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        let backup = try Feedesk.run(["backup", folder.file("copy.sqlite"), "--db", db])
        #expect(backup.status == 0, "\(backup.stderr)")
        let original = try Feedesk.run(["--json", "audit", "verify", "--db", db]).stdout
        #expect(try Feedesk.run(["--json", "audit", "verify", "--db", folder.file("copy.sqlite")]).stdout == original)
        #expect(try Feedesk.run(["--json", "dossier", "list", "--db", folder.file("copy.sqlite")]).stdout
                == Feedesk.run(["--json", "dossier", "list", "--db", db]).stdout)
    }
}
