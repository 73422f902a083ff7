import Foundation
import Testing

/// `feedesk restore FILE [--force]` on the real binary: what it prints, when it refuses, exit statuses.
@Suite struct RestoreCommandTests {
    @Test func restoresIntoANewDatabaseAndPrintsWhatItRestored() throws {
        let folder = ScratchFolder()
        let db = folder.file("feedesk.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        let backup = folder.file("backup.sqlite")
        #expect(try Feedesk.run(["backup", backup, "--db", db]).status == 0)
        let head = try #require(try Feedesk.run(["--json", "audit", "verify", "--db", db]).json() as? [String: Any])["head"] as? String

        let restored = try Feedesk.run(["--json", "restore", backup, "--db", folder.file("new/feedesk.sqlite")])
        #expect(restored.status == 0, "\(restored.stderr)")
        let report = try #require(try restored.json() as? [String: Any])
        #expect(report["auditHead"] as? String == head)
        #expect(report["dossiers"] as? Int == 50)
        #expect(report["credits"] as? Int == 0)
        #expect(report["replaced"] as? Bool == false)
        #expect(try Feedesk.run(["--json", "dossier", "list", "--db", folder.file("new/feedesk.sqlite")]).stdout
                == Feedesk.run(["--json", "dossier", "list", "--db", db]).stdout)

        let text = try Feedesk.run(["restore", backup, "--db", folder.file("other.sqlite")])
        #expect(text.stdout.contains("head \(head ?? "?")"))
    }

    @Test func refusesWithOneSentenceAndExitStatus3() throws {
        let folder = ScratchFolder()
        let db = folder.file("feedesk.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        let backup = folder.file("backup.sqlite")
        #expect(try Feedesk.run(["backup", backup, "--db", db]).status == 0)

        let unforced = try Feedesk.run(["restore", backup, "--db", db])
        #expect(unforced.status == 3)
        #expect(unforced.stderr == "feedesk: \(db): already holds 50 dossiers, 17 cash payments; add --force to replace it with the backup.\n")

        let garbage = folder.file("garbage.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: garbage))
        let corrupt = try Feedesk.run(["restore", garbage, "--force", "--db", db])
        #expect(corrupt.status == 3)
        #expect(corrupt.stderr == "feedesk: \(garbage): is not a readable SQLite database (SQLite error 26: file is not a database).\n")

        #expect(try Feedesk.run(["restore", backup, "--force", "--db", db]).status == 0)
        #expect(try Feedesk.run(["audit", "verify", "--db", db]).status == 0)
    }

    @Test func refusesWhileServeHoldsTheDatabase() throws {
        let folder = ScratchFolder()
        let db = folder.file("feedesk.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        let backup = folder.file("backup.sqlite")
        #expect(try Feedesk.run(["backup", backup, "--db", db]).status == 0)
        let (server, _) = try CrashRecoveryTests.startServer(db: db)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let refused = try Feedesk.run(["restore", backup, "--force", "--db", db])
        #expect(refused.status == 3)
        #expect(refused.stderr == "feedesk: \(db): is open in another program (is feedesk serve running?); stop it before restoring.\n")
    }
}
