/// Every `feedesk` command, in the order `--help` lists them.
enum Commands {
    static let all: [CommandSpec] = setup + dossier + cash + qr + statement + review + serve + maintenance + restore + bench + benchServer
}
