import FeeDeskApp
import FeeDeskCore

extension Commands {
    static let setup: [CommandSpec] = [
        CommandSpec("init", summary: "Tạo/nâng cấp CSDL, nạp biểu phí / create or migrate the database, load fees") { context in
            let report = try context.app().setUp(by: context.actor)
            try context.emit(report) { report in
                """
                Cơ sở dữ liệu / database: \(report.database) (schema \(report.schemaVersion))
                Biểu phí / fees in force: \(report.feesInForce) (mới \(report.feesAdded.count), đổi \(report.feesChanged.count), ngừng \(report.feesDeactivated.count))
                Tài khoản thu / accounts updated: \(report.accountsChanged.isEmpty ? "không / none" : report.accountsChanged.joined(separator: ", "))
                """
            }
            return 0
        },
        CommandSpec("fees list", summary: "Biểu phí đang áp dụng / the fee schedule in force") { context in
            let fees = try context.app().fees()
            if context.globals.json {
                try context.printJSON(fees)
            } else {
                let rows = fees.map { [$0.procedure, $0.kind.displayName, $0.field, $0.amount.formatted, $0.name] }
                context.console.out(TextTable.render(header: ["Mã thủ tục", "Loại", "Lĩnh vực", "Mức thu", "Tên thủ tục"],
                                                     rows: rows, rightAligned: [3]))
            }
            return 0
        },
        CommandSpec("demo", summary: "Nạp dữ liệu mẫu (chạy lại không đổi gì) / load demo data (idempotent)") { context in
            let report = try context.app().loadDemo(by: context.actor)
            try context.emit(report) { report in
                """
                Dữ liệu mẫu / demo data: \(report.feesInForce) mức phí, \(report.dossiersAdded) hồ sơ mới (\(report.dossiersPresent) đã có), \
                \(report.cashAdded) biên lai tiền mặt mới (\(report.cashPresent) đã có).
                """ + report.users.map { user in
                    user.password.map { "\nTài khoản mẫu / demo account: \(user.name) (\(user.role.rawValue)), mật khẩu / password: \($0)  — chỉ hiện một lần / shown once" }
                        ?? "\nTài khoản mẫu / demo account: \(user.name) (\(user.role.rawValue)) đã có / exists"
                }.joined()
            }
            return 0
        },
        CommandSpec("status", summary: "Tóm tắt CSDL / database summary") { context in
            let status = try context.app().status()
            try context.emit(status) { status in
                let byStatus = DossierStatus.allCases.map { "\($0.displayName): \(status.dossiersByStatus[$0.rawValue] ?? 0)" }
                return """
                \(status.unit)
                Cơ sở dữ liệu / database: \(status.database) (schema \(status.schemaVersion))
                Biểu phí / fees: \(status.fees) · Hồ sơ / dossiers: \(status.dossiers) (\(byStatus.joined(separator: ", ")))
                Biên lai tiền mặt / cash receipts: \(status.cashPayments) · Nhật ký / audit rows: \(status.auditRows)
                """
            }
            return 0
        },
    ]
}
