import FeeDeskApp
import FeeDeskCore
import Foundation

/// What a command runs with: its arguments, the global options, the environment and the console.
struct CommandContext: Sendable {
    let spec: CommandSpec
    let arguments: CommandArguments
    let globals: GlobalOptions
    let environment: [String: String]
    let console: any Console

    /// The configuration file: `--config`, else `FEEDESK_CONFIG`, else `config/feedesk.json`.
    var configPath: String {
        globals.config ?? environment["FEEDESK_CONFIG"] ?? "config/feedesk.json"
    }

    /// Who is acting, for the audit journal: `cli:<login>`.
    var actor: String { "cli:" + (environment["USER"] ?? environment["LOGNAME"] ?? "unknown") }

    /// The configuration.
    func config() throws -> FeeDeskConfig {
        try FeeDeskConfig.load(path: configPath)
    }

    /// The application over the database: `--db`, else `FEEDESK_DB`, else the configured path.
    func app() throws -> FeeDesk {
        try FeeDesk(config: config(), databasePath: globals.database ?? environment["FEEDESK_DB"])
    }

    /// Option `name` as an amount of đồng; a bad value is rejected input naming the option.
    func amount(_ name: String) throws -> Money? {
        guard let text = arguments.option(name) else { return nil }
        do {
            return try Money(parsing: text)
        } catch {
            throw error.located(at: "--\(name)")
        }
    }

    /// Option `name` as a `YYYY-MM-DD` date.
    func date(_ name: String) throws -> LocalDate? {
        guard let text = arguments.option(name) else { return nil }
        do {
            return try LocalDate(parsing: text)
        } catch {
            throw error.located(at: "--\(name)")
        }
    }

    /// Prints `value` as pretty JSON with sorted keys.
    func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        console.out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Prints `value` as JSON with `--json`, otherwise the text `render` makes.
    func emit<T: Encodable>(_ value: T, text render: (T) -> String) throws {
        if globals.json {
            try printJSON(value)
        } else {
            console.out(render(value))
        }
    }
}
