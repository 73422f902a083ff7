/// Every `feedesk` command, in the order `--help` lists them.
enum Commands {
    static let all: [CommandSpec] = setup + dossier + cash + qr + statement + serve + maintenance + bench + benchServer + report + reportBench
}
