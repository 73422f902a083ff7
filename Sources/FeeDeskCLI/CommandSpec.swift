/// An option a command accepts.
struct OptionSpec: Sendable {
    /// The name without dashes, e.g. `amount`.
    let name: String
    /// The placeholder of its value (`VND`), or nil for a flag.
    let value: String?
    /// Whether the command cannot run without it.
    let required: Bool

    static func required(_ name: String, _ value: String) -> OptionSpec { OptionSpec(name: name, value: value, required: true) }
    static func optional(_ name: String, _ value: String) -> OptionSpec { OptionSpec(name: name, value: value, required: false) }
    static func flag(_ name: String) -> OptionSpec { OptionSpec(name: name, value: nil, required: false) }

    var usage: String {
        let body = value.map { "--\(name) \($0)" } ?? "--\(name)"
        return required ? body : "[\(body)]"
    }
}

/// One `feedesk` command: its words, arguments, help and what it does.
struct CommandSpec: Sendable {
    /// The command words, e.g. `["dossier", "add"]`.
    let words: [String]
    /// Placeholders of required positional arguments, e.g. `["CODE"]`.
    let arguments: [String]
    /// The options it accepts besides the global ones.
    let options: [OptionSpec]
    /// One line: Vietnamese / English.
    let summary: String
    /// What it does.
    let run: @Sendable (CommandContext) throws -> Int32

    init(_ words: String, arguments: [String] = [], options: [OptionSpec] = [], summary: String,
         run: @escaping @Sendable (CommandContext) throws -> Int32) {
        self.words = words.split(separator: " ").map(String.init)
        self.arguments = arguments
        self.options = options
        self.summary = summary
        self.run = run
    }

    /// `feedesk dossier show CODE [--json]`-style usage line.
    var usage: String {
        (["feedesk"] + words + arguments + options.map(\.usage)).joined(separator: " ")
    }

    /// The help text printed by `--help`.
    var help: String {
        """
        usage: \(usage)

        \(summary)

        Global options: --config PATH (env FEEDESK_CONFIG, default config/feedesk.json), --db PATH (env FEEDESK_DB),
        --json (machine-readable output), --help.
        """
    }
}
