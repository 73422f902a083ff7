import FeeDeskApp
import FeeDeskCore
import Foundation

extension Commands {
    static let review: [CommandSpec] = [
        CommandSpec("review list", options: [.optional("date", "YYYY-MM-DD"), .optional("format", "text|csv|json"), .optional("out", "FILE")],
                    summary: "Hàng chờ đối soát kèm gợi ý / the review queue with suggestions") { context in
            let format = try context.reportFormat()
            guard format != .html else { throw AppError.input("--format: format 'html' is not one of text, csv, json for the review queue") }
            let items = try context.app().reviewQueue(date: try context.date("date"))
            if format == .csv {
                try context.deliver(ReviewQueueCSV.render(items))
            } else if context.arguments.option("out") != nil {
                throw AppError.input("--out: the review queue is written to a file only as CSV (add --format csv)")
            } else if format == .json {
                try context.printJSON(items)
            } else {
                try context.emit(items, text: ReviewText.list)
            }
            return 0
        },
        CommandSpec("review assign", arguments: ["CREDIT"], options: [.required("dossier", "CODE"), .optional("amount", "VND"), .required("reason", "TEXT")],
                    summary: "Gán (một phần) khoản có cho hồ sơ / count a credit (or part) for a dossier") { context in
            let item = try context.app().assign(credit: try context.creditNumber(), to: context.arguments.required("dossier"),
                                                amount: try context.amount("amount"), reason: context.arguments.required("reason"), by: context.actor)
            try context.emit(item, text: ReviewText.item)
            return 0
        },
        CommandSpec("review refund", arguments: ["CREDIT"], options: [.required("reason", "TEXT")],
                    summary: "Đánh dấu hoàn trả / mark what a credit owes back for refund") { context in
            let item = try context.app().markRefund(credit: try context.creditNumber(), reason: context.arguments.required("reason"), by: context.actor)
            try context.emit(item, text: ReviewText.item)
            return 0
        },
        CommandSpec("review ignore", arguments: ["CREDIT"], options: [.required("reason", "TEXT")],
                    summary: "Không phải phí (ghi lý do) / set aside as not a fee, with a reason") { context in
            let item = try context.app().ignore(credit: try context.creditNumber(), reason: context.arguments.required("reason"), by: context.actor)
            try context.emit(item, text: ReviewText.item)
            return 0
        },
        CommandSpec("review undo", arguments: ["ACTION"], options: [.required("reason", "TEXT")],
                    summary: "Hoàn tác một thao tác (ghi nhận) / undo a review action by a recorded reversal") { context in
            guard let number = Int64(context.arguments.positionals[0]), number > 0 else {
                throw AppError.input("action number '\(context.arguments.positionals[0])' is not a positive whole number")
            }
            let item = try context.app().undoReview(action: number, reason: context.arguments.required("reason"), by: context.actor)
            try context.emit(item, text: ReviewText.item)
            return 0
        },
        CommandSpec("day reconcile", options: [.required("date", "YYYY-MM-DD"), .optional("account", "ID")],
                    summary: "Đối soát ngày / reconcile a business day") { context in
            guard let date = try context.date("date") else { throw CLIError("missing required option --date", usage: context.spec.usage) }
            let day = try context.app().reconcile(date: date, account: context.arguments.option("account"))
            try context.emit(day, text: DayText.render)
            return 0
        },
        CommandSpec("day close", options: [.required("date", "YYYY-MM-DD"), .optional("account", "ID"), .flag("force"), .optional("reason", "TEXT")],
                    summary: "Khoá sổ ngày (từ chối nếu còn tồn) / close a day (refused while items are open)") { context in
            guard let date = try context.date("date") else { throw CLIError("missing required option --date", usage: context.spec.usage) }
            let day = try context.app().closeDay(date: date, account: context.arguments.option("account"), force: context.arguments.flag("force"),
                                                 reason: context.arguments.option("reason"), by: context.actor)
            try context.emit(day, text: DayText.render)
            return 0
        },
    ]
}

extension CommandContext {
    /// The CREDIT argument as a credit number.
    func creditNumber() throws -> Int64 {
        let text = arguments.positionals[0].trimmingCharacters(in: CharacterSet(charactersIn: "#"))
        guard let number = Int64(text), number > 0 else { throw AppError.input("credit number '\(arguments.positionals[0])' is not a positive whole number") }
        return number
    }
}

/// Text renderings of the review queue and the day view.
enum ReviewText {
    static func list(_ items: [ReviewItem]) -> String {
        guard !items.isEmpty else { return "Hàng chờ trống / the review queue is empty." }
        return items.map(item).joined(separator: "\n\n") + "\n\n\(items.count) khoản cần xử lý / items to review"
    }

    static func item(_ item: ReviewItem) -> String {
        var lines = ["#\(item.credit)  \(item.bookingDate)  \(item.amount.formatted)  [\(item.outcome.rawValue)]  \(item.issue)",
                     "    Nội dung / memo: \(item.memo.replacingOccurrences(of: "\n", with: " "))"]
        if let payer = item.payer { lines.append("    Người chuyển / payer: \(payer)") }
        if !item.dossiers.isEmpty { lines.append("    Hồ sơ / dossiers: \(item.dossiers.joined(separator: ", "))") }
        for suggestion in item.suggestions {
            lines.append("    Gợi ý / suggestion: \(suggestion.dossier) (\(String(format: "%.2f", suggestion.score))) — \(suggestion.reason)")
        }
        return lines.joined(separator: "\n")
    }
}

enum DayText {
    static func render(_ day: DayReconciliation) -> String {
        let money = { (value: Money?) in value?.formatted ?? "—" }
        var text = TextTable.fields([
            ("Tài khoản / account", day.account), ("Ngày / date", day.date.description),
            ("Trạng thái / state", day.closed ? "đã khoá sổ / closed by \(day.closedBy ?? "?")" : "đang mở / open"),
            ("Số dư đầu / opening", money(day.opening)), ("Số dư cuối / closing", money(day.closing)),
            ("Khớp số dư / balance", day.balanceOk ? "đúng / ok" : "chưa / not ok"),
            ("Ghi có / credits", "\(day.creditCount) = \(day.creditTotal.formatted)"), ("Ghi nợ / debits", "\(day.debitCount) = \(day.debitTotal.formatted)"),
        ])
        let rows = CreditOutcome.allCases.compactMap { outcome -> [String]? in
            guard let total = day.outcomes[outcome.rawValue] else { return nil }
            return [outcome.displayName, outcome.rawValue, String(total.count), total.amount.formatted]
        } + [["Cộng", "total", String(day.creditCount), day.creditTotal.formatted]]
        text += "\n\n" + TextTable.render(header: ["Kết quả", "outcome", "số", "số tiền"], rows: rows, rightAligned: [2, 3])
        if !day.exceptions.isEmpty { text += "\n\nNgoại lệ / exceptions:\n" + day.exceptions.map { "  - \($0.message)" }.joined(separator: "\n") }
        if !day.closed && !day.blockers.isEmpty { text += "\n\nChưa thể khoá sổ / cannot close yet:\n" + day.blockers.map { "  - \($0)" }.joined(separator: "\n") }
        return text
    }
}
