import BankStatements
import FeeDeskApp
import FeeDeskCore
import Foundation

extension Commands {
    static let statement: [CommandSpec] = [
        CommandSpec("statement parse", arguments: ["FILE"],
                    options: [.optional("format", "auto|mt940|camt|csv"), .optional("profile", "NAME")],
                    summary: "Xem trước sao kê, không ghi CSDL / preview a statement (any currency)") { context in
            let parsed = try context.config().parseStatement(try context.upload())
            try context.emit(StatementPreview(parsed), text: StatementPreview.text)
            return 0
        },
        CommandSpec("statement import", arguments: ["FILE"],
                    options: [.optional("format", "auto|mt940|camt|csv"), .optional("profile", "NAME"), .optional("account", "ID"),
                              .flag("allow-unbalanced")],
                    summary: "Nhập sao kê (tất cả hoặc không gì) / import a statement, all or nothing") { context in
            let progress = context.progressReporter(label: "Đang nhập / importing")
            let report = try context.app().importStatement(try context.upload(), by: context.actor, progress: progress)
            if progress != nil { context.console.progress(nil) }
            try context.emit(report, text: ImportText.render)
            return 0
        },
    ]
}

extension CommandContext {
    /// A progress callback that updates one line on a terminal; nil when standard error is not one.
    func progressReporter(label: String) -> (@Sendable (Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1, !globals.json else { return nil }
        let console = self.console
        return { count in console.progress("\(label): \(count) dòng…") }
    }

    /// The statement file named by the command's argument, memory-mapped, with its options.
    func upload() throws -> StatementUpload {
        let path = arguments.positionals[0]
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "the file cannot be read" : "the file does not exist"
            throw AppError.file(path: path, message: reason)
        }
        let formatText = arguments.option("format") ?? "auto"
        guard let format = StatementFormatChoice(argument: formatText) else {
            throw AppError.input("--format: '\(formatText)' is not one of auto, mt940, camt, csv")
        }
        return StatementUpload(data: data, fileName: (path as NSString).lastPathComponent, format: format,
                               profile: arguments.option("profile"), accountID: arguments.option("account"),
                               allowUnbalanced: arguments.flag("allow-unbalanced"))
    }
}

/// Text of an import report.
enum ImportText {
    static func render(_ report: ImportReport) -> String {
        if report.alreadyImported {
            return "Tệp đã được nhập lúc \(report.importedBefore ?? "?") / already imported: \(report.file) (\(report.lines) dòng); không thay đổi gì."
        }
        let o = report.outcomes
        var text = """
        Đã nhập / imported \(report.file) (\(report.format ?? "")): \(report.lines) dòng — \(report.new) mới, \(report.known) đã có
        Ghi có / credits: \(report.credits) = \(Money(dong: report.creditTotal).formatted) · Ghi nợ / debits: \(report.debits) = \(Money(dong: report.debitTotal).formatted)
        Kết quả khớp / outcomes: khớp \(o.matched), nộp thiếu \(o.underpaid), nộp thừa \(o.overpaid), nộp trùng \(o.duplicate), chưa xác định \(o.unmatched)
        """
        for balance in report.balances {
            text += "\nSố dư / balance \(balance.account): \(balance.status)" + (balance.note.map { " — \($0)" } ?? "")
        }
        return text
    }
}
