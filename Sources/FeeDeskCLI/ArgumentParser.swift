/// The global options, accepted anywhere on the command line.
struct GlobalOptions: Sendable, Equatable {
    var config: String?
    var database: String?
    var json = false
    var help = false
}

/// A command line split into global options, the command's words and the rest.
struct ParsedCommandLine: Sendable, Equatable {
    var globals = GlobalOptions()
    /// Everything that is not a global option, in order.
    var rest: [String] = []

    /// Pulls `--config`, `--db`, `--json` and `--help` out of `arguments` wherever they are.
    init(_ arguments: [String]) throws(CLIError) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let (name, inline) = ParsedCommandLine.split(argument)
            switch name {
            case "--config", "--db":
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard index + 1 < arguments.count else { throw CLIError("option \(name) needs a value") }
                    index += 1
                    value = arguments[index]
                }
                if name == "--config" { globals.config = value } else { globals.database = value }
            case "--json", "--help", "-h":
                guard inline == nil else { throw CLIError("option \(name) takes no value") }
                if name == "--json" { globals.json = true } else { globals.help = true }
            default: rest.append(argument)
            }
            index += 1
        }
    }

    /// `--name=value` as (`--name`, `value`); anything else as (argument, nil).
    static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}

/// The arguments of one command, checked against its spec.
struct CommandArguments: Sendable {
    /// Option values by name (flags map to an empty string).
    private(set) var options: [String: String] = [:]
    /// Positional arguments.
    private(set) var positionals: [String] = []

    /// Parses `arguments` (the words after the command) for `spec`.
    init(_ arguments: [String], spec: CommandSpec) throws(CLIError) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--") {
                let (name, inline) = ParsedCommandLine.split(argument)
                let key = String(name.dropFirst(2))
                guard let option = spec.options.first(where: { $0.name == key }) else {
                    throw CLIError("unknown option \(name) for 'feedesk \(spec.words.joined(separator: " "))'", usage: spec.usage)
                }
                if option.value == nil {
                    guard inline == nil else { throw CLIError("option \(name) takes no value", usage: spec.usage) }
                    options[key] = ""
                } else if let inline {
                    options[key] = inline
                } else {
                    guard index + 1 < arguments.count else {
                        throw CLIError("option \(name) needs a value (\(option.value ?? "VALUE"))", usage: spec.usage)
                    }
                    index += 1
                    options[key] = arguments[index]
                }
            } else {
                positionals.append(argument)
            }
            index += 1
        }
        for option in spec.options where option.required && options[option.name] == nil {
            throw CLIError("missing required option --\(option.name)", usage: spec.usage)
        }
        guard positionals.count == spec.arguments.count else {
            let expected = spec.arguments.isEmpty ? "no arguments" : spec.arguments.joined(separator: " ")
            throw CLIError("expected \(expected) but got \(positionals.isEmpty ? "none" : positionals.joined(separator: " "))", usage: spec.usage)
        }
    }

    /// The value of option `name`, if given.
    func option(_ name: String) -> String? { options[name] }

    /// True when flag `name` was given.
    func flag(_ name: String) -> Bool { options[name] != nil }

    /// The value of a required option (the parser already checked it is there).
    func required(_ name: String) -> String { options[name] ?? "" }
}
