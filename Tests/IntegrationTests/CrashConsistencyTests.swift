import Foundation
import Testing

/// SIGKILL in the middle of `feedesk demo` leaves a database that opens, verifies, and holds all or
/// none of the demo's changes.
@Suite struct CrashConsistencyTests {
    @Test func killedDemoLeavesAllOrNothing() throws {
        // How long one uninterrupted demo takes on this machine, to spread the kills across it.
        let timing = ScratchFolder()
        let start = Date()
        #expect(try Feedesk.run(["demo", "--db", timing.file("t.sqlite")]).status == 0)
        let duration = Date().timeIntervalSince(start)
        var generator = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = [:]
        for round in 0..<12 {
            let folder = ScratchFolder()
            let db = folder.file("feedesk.sqlite")
            let (process, _, _) = try Feedesk.start(["demo", "--db", db])
            let delay = duration * Double(round % 6 + 1) / 6 * Double.random(in: 0.6...1.1, using: &generator)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            guard FileManager.default.fileExists(atPath: db) else {
                outcomes["no file", default: 0] += 1
                continue
            }
            let verify = try Feedesk.run(["audit", "verify", "--db", db])
            #expect(verify.status == 0, "round \(round): \(verify.stderr)")
            let status = try #require(try Feedesk.run(["--json", "status", "--db", db]).json() as? [String: Any])
            let dossiers = status["dossiers"] as? Int ?? -1
            let cash = status["cashPayments"] as? Int ?? -1
            let fees = status["fees"] as? Int ?? -1
            let all = dossiers == 50 && cash == 17 && fees == 9
            let none = dossiers == 0 && cash == 0 && fees == 0
            #expect(all || none, "round \(round): \(dossiers) dossiers, \(cash) cash, \(fees) fees")
            outcomes[all ? "all" : "none", default: 0] += 1
            // Whatever state the kill left, the demo completes afterwards.
            #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
            let after = try #require(try Feedesk.run(["--json", "status", "--db", db]).json() as? [String: Any])
            #expect(after["dossiers"] as? Int == 50)
        }
        print("kill outcomes over 12 rounds: \(outcomes)")
    }
}
