import Foundation
import Testing

/// Our MT940 reader agrees with an independent parser (PyPI `mt-940`) on line count, credit total and
/// debit total. `make test` installs the library; without it the test is skipped and says so.
@Suite struct MT940InteropTests {
    static let script = Feedesk.repository.appendingPathComponent("Tests/interop/mt940_interop.py").path
    static let available: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import mt940"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        if probe.terminationStatus != 0 { print("MT940InteropTests skipped: python3 module mt940 is not installed (pip install mt-940)") }
        return probe.terminationStatus == 0
    }()

    /// Files of different shapes: a bank's FIN-enveloped daily statement, a paged statement in EUR with
    /// cents and entry dates, and a separator-less file of several statements.
    static func files(in folder: ScratchFolder) throws -> [(String, Int)] {
        let eur = """
        :20:STMT-EUR-1\r\n:25:NL91ABNA0417164300\r\n:28C:00042/001\r\n:60F:C261118EUR1000,00\r\n\
        :61:2611191119C250,75NTRFNONREF//B1\r\n:86:Payment 1\r\n:61:2611191120D12,5NMSCNONREF//B2\r\n:86:Fee\r\n:62M:C261119EUR1238,25\r\n-\r\n\
        :20:STMT-EUR-1\r\n:25:NL91ABNA0417164300\r\n:28C:00042/002\r\n:60M:C261119EUR1238,25\r\n\
        :61:2611201120C0,5NTRFNONREF//B3\r\n:86:Cents\r\n:61:2611201120D100,NTRFNONREF//B4\r\n:86:Round\r\n:62F:C261120EUR1138,75\r\n-
        """
        var many = ""
        for statement in 0..<5 {
            many += ":20:S\(statement)\r\n:25:0071000123456\r\n:28C:\(statement)/1\r\n:60F:C26112\(statement)VND1000000,\r\n"
            var balance = 1_000_000
            for line in 0..<40 {
                let amount = 1_000 * (line + 1)
                let credit = line % 4 != 0
                balance += credit ? amount : -amount
                many += ":61:26112\(statement)112\(statement)\(credit ? "C" : "D")\(amount),NTRFNONREF//R\(statement)L\(line)\r\n:86:HS000001\(line % 10)8 memo \(line)\r\n"
            }
            many += ":62F:C26112\(statement)VND\(balance),\r\n"
        }
        try eur.write(toFile: folder.file("eur.sta"), atomically: true, encoding: .utf8)
        try many.write(toFile: folder.file("many.sta"), atomically: true, encoding: .utf8)
        return [(Feedesk.repository.appendingPathComponent("Samples/statements/vietcombank-2026-11-19.sta").path, 0),
                (folder.file("eur.sta"), 2), (folder.file("many.sta"), 0)]
    }

    @Test(.enabled(if: available)) func lineCountsAndTotalsAgree() throws {
        let folder = ScratchFolder()
        for (path, exponent) in try Self.files(in: folder) {
            let theirs = Process()
            theirs.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            theirs.arguments = ["python3", Self.script, path, String(exponent)]
            let output = Pipe()
            theirs.standardOutput = output
            try theirs.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            theirs.waitUntilExit()
            let reference = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Int])
            let ours = try #require(try Feedesk.run(["statement", "parse", path, "--format", "mt940", "--json"]).json() as? [String: Any])
            let lines = (ours["statements"] as? [[String: Any]] ?? []).flatMap { $0["lines"] as? [[String: Any]] ?? [] }
            let credits = lines.filter { $0["direction"] as? String == "credit" }.compactMap { $0["amount"] as? Int }.reduce(0, +)
            let debits = lines.filter { $0["direction"] as? String == "debit" }.compactMap { $0["amount"] as? Int }.reduce(0, +)
            #expect(lines.count == reference["lines"], "\(path)")
            #expect(credits == reference["credits"], "\(path)")
            #expect(debits == reference["debits"], "\(path)")
        }
    }
}
