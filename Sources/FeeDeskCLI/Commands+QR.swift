import FeeDeskApp
import FeeDeskCore
import VietQR

extension Commands {
    static let qr: [CommandSpec] = [
        CommandSpec("qr encode",
                    options: [.required("bin", "BIN"), .required("account", "ACC"), .flag("card"), .optional("amount", "VND"),
                              .optional("purpose", "TEXT"), .optional("format", "payload|svg|png|text"), .optional("out", "FILE")],
                    summary: "Tạo mã VietQR / make a VietQR payload or image") { context in
            let format = try QRImageFormat(parsing: context.arguments.option("format") ?? "payload")
            let amount = try context.arguments.option("amount").map { text in
                do throws(VietQRError) { return try VietQR.parseAmount(text) } catch { throw AppError.input("--amount: \(error.description)") }
            }
            let request = VietQRRequest(bin: context.arguments.required("bin"), account: context.arguments.required("account"),
                                        service: context.arguments.flag("card") ? .toCard : .toAccount, amount: amount,
                                        purpose: context.arguments.option("purpose"))
            let payload = try VietQR.encode(request)
            if context.globals.json && format == .payload {
                try context.printJSON(["payload": payload])
            } else {
                try context.deliver(try format.render(payload), binary: format == .png)
            }
            return 0
        },
        CommandSpec("qr decode", arguments: ["PAYLOAD"], summary: "Đọc mã VietQR / decode and check a VietQR payload") { context in
            let text = context.arguments.positionals[0].trimmingCharacters(in: .whitespacesAndNewlines)
            let decoded = try VietQR.decode(text)
            try context.emit(DecodedQR(decoded), text: DecodedQR.text)
            return 0
        },
        CommandSpec("dossier qr", arguments: ["CODE"],
                    options: [.optional("format", "payload|svg|png|text"), .optional("out", "FILE")],
                    summary: "Mã VietQR cho số tiền còn phải nộp / VietQR for the amount still due") { context in
            let format = try QRImageFormat(parsing: context.arguments.option("format") ?? "payload")
            let code = try context.app().paymentCode(forDossier: context.arguments.positionals[0])
            if context.globals.json && format == .payload {
                try context.printJSON(["payload": code.payload, "reference": code.dossier.reference, "purpose": code.purpose])
            } else {
                try context.deliver(try format.render(code.payload), binary: format == .png)
            }
            return 0
        },
        CommandSpec("dossier slip", arguments: ["CODE"], options: [.required("out", "FILE.html")],
                    summary: "Phiếu thanh toán in được (HTML, A5) / printable payment slip") { context in
            let html = try context.app().paymentSlip(forDossier: context.arguments.positionals[0])
            try context.deliver(Array(html.utf8))
            if !context.globals.json { context.console.out("Đã tạo phiếu / slip written: \(context.arguments.required("out"))") }
            return 0
        },
    ]
}

/// `qr decode` output: the stable keys of ARCHITECTURE.md plus warnings.
struct DecodedQR: Encodable {
    let valid: Bool
    let initiation: String?
    let bin: String
    let bank: String?
    let bankName: String?
    let account: String
    let service: String?
    let amount: Int64?
    let purpose: String?
    let crc: String
    let tags: [String: String]
    let warnings: [String]

    init(_ code: VietQRCode) {
        valid = true
        initiation = code.initiation?.rawValue
        bin = code.bin
        bank = code.bank?.shortName
        bankName = code.bank?.fullName
        account = code.account
        service = code.service?.rawValue
        amount = code.amount
        purpose = code.purpose
        crc = code.crc
        tags = code.tags
        warnings = code.warnings
    }

    static func text(_ qr: DecodedQR) -> String {
        var pairs: [(String, String)] = [
            ("Loại / initiation", qr.initiation ?? "—"),
            ("Ngân hàng / bank", qr.bank.map { "\($0) (\(qr.bin)) — \(qr.bankName ?? "")" } ?? "BIN \(qr.bin) (không có trong danh mục)"),
            ("Tài khoản / account", qr.account),
            ("Dịch vụ / service", qr.service ?? "—"),
            ("Số tiền / amount", qr.amount.map { Money(dong: $0).formatted } ?? "— (mã tĩnh / static)"),
            ("Nội dung / purpose", qr.purpose ?? "—"),
            ("CRC", qr.crc),
        ]
        pairs += qr.warnings.map { ("Cảnh báo / warning", $0) }
        return TextTable.fields(pairs)
    }
}
