import FeeDeskApp
import FeeDeskCore
import Foundation

extension Commands {
    static let moneyOut: [CommandSpec] = [
        CommandSpec("refund list", options: [.flag("all")], summary: "Khoản phải hoàn trả / refunds owed, to whom") { context in
            let lines = try context.app().refundsOwed(includeSettled: context.arguments.flag("all"))
            try context.emit(lines) { lines in
                TextTable.render(header: ["Khoản có", "Ngày", "Phải trả", "Đã trả", "Người nhận", "Tài khoản", "Lý do"],
                                 rows: lines.map { ["#\($0.credit)", $0.bookingDate.description, $0.owed.formatted, $0.paid.formatted,
                                                    $0.payerName ?? "—", $0.payerAccount ?? "—", $0.reason] }, rightAligned: [2, 3])
            }
            return 0
        },
        CommandSpec("refund pay", arguments: ["CREDIT"], options: [.required("amount", "VND"), .required("reference", "TEXT")],
                    summary: "Ghi nhận đã chi hoàn trả / record a refund payout") { context in
            guard let amount = try context.amount("amount") else { throw CLIError("missing required option --amount", usage: context.spec.usage) }
            let line = try context.app().payRefund(credit: try context.creditNumber(), amount: amount,
                                                   reference: context.arguments.required("reference"), by: context.actor)
            try context.emit(line) { "Đã ghi hoàn trả / refund recorded: khoản có #\($0.credit), đã trả \($0.paid.formatted) / \($0.owed.formatted)." }
            return 0
        },
        CommandSpec("remittance due", options: [.required("from", "YYYY-MM-DD"), .required("to", "YYYY-MM-DD")],
                    summary: "Số phải nộp Kho bạc theo loại phí / what is due to the Treasury, per kind") { context in
            guard let from = try context.date("from"), let to = try context.date("to") else { throw CLIError("--from and --to are required") }
            let due = try context.app().remittanceDue(from: from, to: to)
            try context.emit(due) { due in
                TextTable.render(header: ["Loại", "Đã thu", "Hoàn trả", "Đã nộp", "Còn phải nộp"],
                                 rows: due.kinds.map { [$0.kind.displayName, $0.collected.formatted, $0.refunded.formatted, $0.remitted.formatted,
                                                        $0.due.formatted] }, rightAligned: [1, 2, 3, 4])
            }
            return 0
        },
        CommandSpec("remittance record", options: [.required("kind", "phi|le_phi"), .required("amount", "VND"), .required("date", "YYYY-MM-DD"),
                                                   .required("reference", "TEXT")],
                    summary: "Ghi nhận nộp Kho bạc / record a remittance to the Treasury") { context in
            let kindText = context.arguments.required("kind")
            guard let kind = FeeKind(rawValue: kindText) else { throw AppError.input("--kind: '\(kindText)' is not phi or le_phi") }
            guard let amount = try context.amount("amount"), let date = try context.date("date") else { throw CLIError("--amount and --date are required") }
            let due = try context.app().recordRemittance(kind: kind, amount: amount, date: date, reference: context.arguments.required("reference"),
                                                         by: context.actor)
            try context.emit(due) { _ in "Đã ghi nộp Kho bạc / remittance recorded: \(kind.displayName) \(amount.formatted) ngày \(date)." }
            return 0
        },
        CommandSpec("cash deposit", options: [.required("amount", "VND"), .required("date", "YYYY-MM-DD"), .required("reference", "TEXT")],
                    summary: "Ghi nhận nộp tiền mặt vào ngân hàng / record cash handed to the bank") { context in
            guard let amount = try context.amount("amount"), let date = try context.date("date") else { throw CLIError("--amount and --date are required") }
            let left = try context.app().recordCashDeposit(amount: amount, date: date, reference: context.arguments.required("reference"), by: context.actor)
            struct Result: Encodable { let deposited: Money; let cashOnHand: Money }
            try context.emit(Result(deposited: amount, cashOnHand: left)) { "Đã nộp / deposited \($0.deposited.formatted); tiền mặt còn lại / cash on hand \($0.cashOnHand.formatted)." }
            return 0
        },
    ]
}
