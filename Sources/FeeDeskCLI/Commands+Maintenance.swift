import FeeDeskApp
import FeeDeskStore
import Foundation

extension Commands {
    static let maintenance: [CommandSpec] = [
        CommandSpec("version", summary: "Phiên bản các thư viện C đang dùng / linked C library versions") { context in
            let versions = LibraryVersions.current()
            try context.emit(versions) { versions in
                TextTable.fields([("SQLite", versions.sqlite), ("OpenSSL", versions.openssl), ("libmicrohttpd", versions.microhttpd),
                                  ("libqrencode", versions.qrencode), ("libpng", versions.png)])
            }
            return 0
        },
        CommandSpec("backup", arguments: ["FILE"], summary: "Sao lưu trực tuyến CSDL / online, consistent copy of the database") { context in
            let destination = context.arguments.positionals[0]
            let app = try context.app()
            try app.backup(to: destination)
            let size = (try? FileManager.default.attributesOfItem(atPath: destination)[.size] as? Int) ?? 0
            struct Result: Encodable { let file: String; let bytes: Int; let source: String }
            try context.emit(Result(file: destination, bytes: size, source: app.database.path)) { result in
                "Đã sao lưu / backed up \(result.source) → \(result.file) (\(result.bytes) bytes)."
            }
            return 0
        },
        CommandSpec("audit verify", summary: "Kiểm tra chuỗi băm nhật ký / walk the hash-chained audit journal") { context in
            struct Result: Encodable { let ok: Bool; let rows: Int64?; let head: String?; let brokenAt: Int64?; let reason: String? }
            do {
                let verification = try context.app().verifyAudit()
                try context.emit(Result(ok: true, rows: verification.rows, head: verification.head, brokenAt: nil, reason: nil)) { result in
                    "Nhật ký kiểm toán hợp lệ / audit journal intact: \(verification.rows) dòng, mã băm cuối / head \(verification.head)"
                }
                return 0
            } catch let StoreError.auditBroken(row, reason) {
                if context.globals.json {
                    try context.printJSON(Result(ok: false, rows: nil, head: nil, brokenAt: row, reason: reason))
                }
                context.console.error("feedesk: audit journal broken at row \(row): \(reason).")
                return 1
            }
        },
    ]
}
