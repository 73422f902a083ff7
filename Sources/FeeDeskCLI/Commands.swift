/// Every `feedesk` command, in the order `--help` lists them.
enum Commands {
    static let all: [CommandSpec] = setup + dossier + register + cash + qr + statement + review + moneyOut + report + dailyReport + remittanceReport + serve + maintenance
        + restore + bench + benchServer + reportBench + dailyReportBench + benchAll
}
