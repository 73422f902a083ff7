/// Every `feedesk` command, in the order `--help` lists them.
enum Commands {
    static let all: [CommandSpec] = setup + dossier + register + cash + qr + statement + review + moneyOut + report + serve + maintenance
        + restore + bench + benchServer + reportBench + benchAll
}
