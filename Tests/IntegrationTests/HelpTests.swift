@testable import FeeDeskCLI
import Synchronization
import Testing

/// A console that keeps what is written, for in-process runs of the command line.
final class FakeConsole: Console {
    private let buffers = Mutex<(out: String, error: String)>(("", ""))

    func out(_ text: String) { buffers.withLock { $0.out += text + "\n" } }
    func error(_ text: String) { buffers.withLock { $0.error += text + "\n" } }
    func outBytes(_ bytes: [UInt8]) { buffers.withLock { $0.out += String(decoding: bytes, as: UTF8.self) } }

    var output: String { buffers.withLock { $0.out } }
    var errors: String { buffers.withLock { $0.error } }
}

@Suite struct HelpTests {
    @Test(arguments: Commands.all.map { $0.words })
    func everyCommandHasHelp(words: [String]) throws {
        for placement in [words + ["--help"], ["--help"] + words, words + ["-h"]] {
            let console = FakeConsole()
            let status = FeedeskCommandLine.run(placement, environment: [:], console: console)
            #expect(status == 0)
            #expect(console.output.hasPrefix("usage: feedesk \(words.joined(separator: " "))"))
            #expect(console.errors.isEmpty)
        }
    }

    @Test func topLevelHelpListsEveryCommand() {
        let console = FakeConsole()
        #expect(FeedeskCommandLine.run(["--help"], environment: [:], console: console) == 0)
        for spec in Commands.all {
            #expect(console.output.contains("  " + spec.words.joined(separator: " ")))
        }
        #expect(FeedeskCommandLine.run([], environment: [:], console: FakeConsole()) == 2)
    }

    @Test(arguments: [
        (["--config"], "option --config needs a value"),
        (["dossier", "add", "--code"], "option --code needs a value (CODE)"),
        (["audit", "verify", "--json=yes"], "option --json takes no value"),
        (["dossier", "show", "A", "B"], "expected CODE but got A B"),
    ])
    func usageErrorsExitTwo(arguments: [String], fragment: String) {
        let console = FakeConsole()
        let status = FeedeskCommandLine.run(arguments, environment: [:], console: console)
        #expect(status == 2)
        #expect(console.errors.hasPrefix("feedesk: \(fragment)."))
    }
}
