import FeeDeskApp
import Foundation

extension Commands {
    static let register: [CommandSpec] = [
        CommandSpec("dossier import", arguments: ["FILE"], options: [.optional("format", "csv|json")],
                    summary: "Nhập sổ hồ sơ từ hệ thống một cửa / bulk register dossiers (all or nothing)") { context in
            let path = context.arguments.positionals[0]
            guard let data = FileManager.default.contents(atPath: path) else {
                throw AppError.file(path: path, message: FileManager.default.fileExists(atPath: path) ? "the file cannot be read" : "the file does not exist")
            }
            let format = try RegisterFormat(parsing: context.arguments.option("format") ?? (path.lowercased().hasSuffix(".json") ? "json" : "csv"))
            let report = try context.app().importDossiers(data, fileName: (path as NSString).lastPathComponent, format: format, by: context.actor)
            try context.emit(report) { report in
                var text = "Đã đọc / read \(report.read) dòng: \(report.new) mới, \(report.updated) cập nhật, \(report.unchanged) không đổi, "
                    + "\(report.refused.count) bị từ chối; \(report.rematched) khoản có được khớp lại."
                for problem in report.refused { text += "\n  dòng \(problem.line): \(problem.reason)" }
                return text
            }
            return 0
        },
        CommandSpec("dossier cancel", arguments: ["CODE"], options: [.required("reason", "TEXT")],
                    summary: "Huỷ hồ sơ (khoản đã nộp chuyển hoàn trả) / cancel a dossier; payments become refunds") { context in
            let detail = try context.app().cancelDossier(code: context.arguments.positionals[0], reason: context.arguments.required("reason"),
                                                         by: context.actor)
            try context.emit(detail, text: DossierText.detail)
            return 0
        },
    ]
}
