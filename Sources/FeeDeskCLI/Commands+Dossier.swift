import FeeDeskApp
import FeeDeskCore

extension Commands {
    static let dossier: [CommandSpec] = [
        CommandSpec("dossier add",
                    options: [.required("code", "CODE"), .required("procedure", "PROC"), .optional("amount", "VND"),
                              .optional("applicant", "NAME"), .optional("desk", "DESK")],
                    summary: "Đăng ký phí cho hồ sơ / register a dossier's fee") { context in
            let request = NewDossier(code: context.arguments.required("code"), procedure: context.arguments.required("procedure"),
                                     amount: try context.amount("amount"), applicant: context.arguments.option("applicant") ?? "",
                                     desk: context.arguments.option("desk"))
            let detail = try context.app().addDossier(request, by: context.actor)
            try context.emit(detail, text: DossierText.detail)
            return 0
        },
        CommandSpec("dossier show", arguments: ["CODE"], summary: "Số phải nộp, đã nộp, trạng thái / amount due, paid, status") { context in
            let detail = try context.app().dossier(code: context.arguments.positionals[0])
            try context.emit(detail, text: DossierText.detail)
            return 0
        },
        CommandSpec("dossier list", options: [.optional("status", "S"), .optional("date", "YYYY-MM-DD")],
                    summary: "Danh sách hồ sơ / list dossiers (status: unpaid|partially_paid|paid|overpaid)") { context in
            var status: DossierStatus?
            if let text = context.arguments.option("status") {
                do throws(CoreError) { status = try DossierStatus(parsing: text) } catch { throw error.located(at: "--status") }
            }
            let list = try context.app().dossiers(status: status, date: try context.date("date"))
            try context.emit(list, text: DossierText.list)
            return 0
        },
    ]
}

/// Text renderings of dossiers.
enum DossierText {
    static func detail(_ detail: DossierDetail) -> String {
        var pairs: [(String, String)] = [
            ("Hồ sơ / dossier", detail.code),
            ("Thủ tục / procedure", "\(detail.procedure) — \(detail.procedureName)"),
            ("Lĩnh vực / field", "\(detail.field) (\(detail.kind.displayName))"),
            ("Người nộp / applicant", detail.applicant.isEmpty ? "—" : detail.applicant),
            ("Phải nộp / due", detail.amountDue.formatted),
            ("Đã nộp / paid", detail.paid.formatted),
            ("Trạng thái / status", "\(detail.status.displayName) (\(detail.status.rawValue))"),
            ("Mã thanh toán / reference", detail.reference),
            ("Tiếp nhận / registered", detail.registeredAt + (detail.desk.map { " tại quầy \($0)" } ?? "")),
        ]
        if detail.cancelled { pairs.append(("Đã huỷ / cancelled", detail.cancelReason ?? "")) }
        var text = TextTable.fields(pairs)
        for payment in detail.payments {
            let source = payment.source == .cash ? "tiền mặt, biên lai \(payment.reference)" : "chuyển khoản, khoản có #\(payment.reference)"
            text += "\n  \(payment.at)  \(payment.amount.formatted)  \(source)"
        }
        for receipt in detail.receipts {
            let state = receipt.status == .issued ? "" : " (đã huỷ / cancelled \(receipt.cancelledAt ?? ""))"
            text += "\n  Biên lai / receipt \(receipt.form) \(receipt.symbol) số \(receipt.numberText)  \(receipt.amount.formatted)\(state)"
        }
        return text
    }

    static func list(_ list: [DossierDetail]) -> String {
        let rows = list.map { [$0.code, $0.procedure, $0.applicant, $0.amountDue.formatted, $0.paid.formatted, $0.status.rawValue, $0.reference] }
        return TextTable.render(header: ["Hồ sơ", "Thủ tục", "Người nộp", "Phải nộp", "Đã nộp", "Trạng thái", "Mã TT"],
                                rows: rows, rightAligned: [3, 4]) + "\n\(list.count) hồ sơ / dossiers"
    }
}
