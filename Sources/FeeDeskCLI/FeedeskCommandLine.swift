import BankCallbacks
import BankStatements
import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation
import QRRender
import VietQR

/// The `feedesk` command line: parses arguments, runs the command, maps errors to exit statuses.
///
/// Exit statuses: 0 success, 2 usage error, 3 rejected input (bad value, bad file, unknown or
/// conflicting record), 1 anything else. Errors go to standard error as one sentence.
public enum FeedeskCommandLine {
    /// Runs `arguments` (without the program name) and returns the exit status.
    public static func run(_ arguments: [String], environment: [String: String], console: any Console) -> Int32 {
        do {
            let parsed = try ParsedCommandLine(arguments)
            guard let (spec, rest) = try match(parsed.rest) else {
                console.out(overview)
                return parsed.globals.help ? 0 : 2
            }
            if parsed.globals.help {
                console.out(spec.help)
                return 0
            }
            let commandArguments = try CommandArguments(rest, spec: spec)
            let context = CommandContext(spec: spec, arguments: commandArguments, globals: parsed.globals,
                                         environment: environment, console: console)
            return try spec.run(context)
        } catch let error as CLIError {
            console.error("feedesk: \(error)")
            if let usage = error.usage { console.error("usage: \(usage)") }
            return 2
        } catch {
            console.error("feedesk: " + sentence(error))
            return exitStatus(for: error)
        }
    }

    /// The error's description as one sentence ending with a period.
    static func sentence(_ error: any Error) -> String {
        let text = "\(error)"
        return text.hasSuffix(".") ? text : text + "."
    }

    /// 3 for rejected input, 1 for everything else.
    static func exitStatus(for error: any Error) -> Int32 {
        switch error {
        case is CoreError, is AppError, is VietQRError, is QRRenderError, is StatementError, is CallbackError: 3
        default: 1
        }
    }

    /// The command named by the leading words of `words`, and the words after it; nil for none.
    static func match(_ words: [String]) throws(CLIError) -> (CommandSpec, [String])? {
        guard let first = words.first else { return nil }
        let candidates = Commands.all.filter { words.starts(with: $0.words) }
        if let best = candidates.max(by: { $0.words.count < $1.words.count }) {
            return (best, Array(words.dropFirst(best.words.count)))
        }
        let group = Commands.all.filter { $0.words.first == first }
        if !group.isEmpty {
            let names = group.map { $0.words.joined(separator: " ") }.joined(separator: ", ")
            let what = words.count > 1 ? "'\(first) \(words[1])'" : "'\(first)' alone"
            throw CLIError("unknown command \(what); try one of: \(names)")
        }
        throw CLIError("unknown command '\(first)'; run 'feedesk --help' for the list")
    }

    /// The list of commands shown by `feedesk --help`.
    static var overview: String {
        let width = Commands.all.map { $0.words.joined(separator: " ").count }.max() ?? 0
        let lines = Commands.all.map { spec in
            let name = spec.words.joined(separator: " ")
            return "  " + name + String(repeating: " ", count: width - name.count + 2) + spec.summary
        }
        return """
        feedesk: thu phí không dùng tiền mặt và đối soát cho Bộ phận Một cửa
        (cashless fee collection and reconciliation for one-stop desks)

        usage: feedesk COMMAND [OPTIONS] [--config PATH] [--db PATH] [--json]

        Commands:
        \(lines.joined(separator: "\n"))

        'feedesk COMMAND --help' shows a command's options. Exit status: 0 ok, 2 usage, 3 rejected input, 1 other.
        """
    }
}
