import FeeDeskApp
import FeeDeskCore

extension Commands {
    static let cash: [CommandSpec] = [
        CommandSpec("cash record",
                    options: [.required("dossier", "CODE"), .required("amount", "VND"), .required("receipt", "NO"), .optional("cashier", "NAME")],
                    summary: "Ghi nhận thu tiền mặt có biên lai / record a cash payment with its receipt") { context in
            guard let amount = try context.amount("amount") else { throw CLIError("missing required option --amount", usage: context.spec.usage) }
            let payment = NewCashPayment(dossierCode: context.arguments.required("dossier"), amount: amount,
                                         receipt: context.arguments.required("receipt"),
                                         cashier: context.arguments.option("cashier") ?? context.actor)
            let detail = try context.app().recordCash(payment, by: context.actor)
            try context.emit(detail) { detail in
                "Đã thu tiền mặt / cash recorded: biên lai \(payment.receipt), \(amount.formatted), hồ sơ \(detail.code).\n"
                    + DossierText.detail(detail)
            }
            return 0
        },
        CommandSpec("cash void", options: [.required("receipt", "NO"), .required("reason", "TEXT")],
                    summary: "Huỷ biên lai tiền mặt / void a cash receipt") { context in
            let receipt = context.arguments.required("receipt")
            let detail = try context.app().voidCash(receipt: receipt, reason: context.arguments.required("reason"), by: context.actor)
            try context.emit(detail) { detail in
                "Đã huỷ biên lai / receipt voided: \(receipt), hồ sơ \(detail.code).\n" + DossierText.detail(detail)
            }
            return 0
        },
    ]
}
