import FeeDeskCore
import QRRender

/// The printable payment slip a clerk hands to the citizen: an A5 page with the VietQR code.
struct PaymentSlip {
    let unit: FeeDeskConfig.Unit
    let code: DossierPaymentCode
    let printedAt: String

    /// The whole HTML document; every outside value is escaped.
    func html() throws -> String {
        let qr = try QRMatrix(encoding: code.payload).svg(SVGOptions(pixelSize: 260, xmlDeclaration: false, title: "Mã VietQR"))
        let dossier = code.dossier
        let words = VietnameseAmountWords.sentence(code.amount.dong) ?? ""
        let bank = code.bank.map { "\($0.shortName) — \($0.fullName)" } ?? "Ngân hàng BIN \(code.account.bin)"
        let rows: [(String, String)] = [
            ("Mã hồ sơ", dossier.code),
            ("Thủ tục", dossier.procedureName.isEmpty ? dossier.procedure : dossier.procedureName),
            ("Người nộp", dossier.applicant.isEmpty ? "—" : dossier.applicant),
            ("Ngân hàng", bank),
            ("Số tài khoản", code.account.number),
            ("Chủ tài khoản", code.account.holder),
        ]
        let table = rows.map { "<tr><th>\(HTML.escape($0.0))</th><td>\(HTML.escape($0.1))</td></tr>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <title>Phiếu thanh toán \(HTML.escape(dossier.code))</title>
        <style>
        @page { size: A5 portrait; margin: 10mm; }
        body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 128mm; }
        header { text-align: center; border-bottom: 2px solid #0b4f8a; padding-bottom: 4mm; }
        header .unit { font-size: 11pt; text-transform: uppercase; font-weight: 600; }
        h1 { font-size: 15pt; margin: 3mm 0 0; color: #0b4f8a; }
        .qr { text-align: center; margin: 4mm 0 2mm; }
        .qr svg { width: 62mm; height: 62mm; }
        .amount { text-align: center; font-size: 20pt; font-weight: 700; margin: 0; }
        .words { text-align: center; font-style: italic; margin: 1mm 0 3mm; }
        .reference { text-align: center; font-size: 13pt; margin: 2mm 0 4mm; }
        .reference strong { font-family: "DejaVu Sans Mono", monospace; font-size: 16pt; letter-spacing: 1px;
                            border: 1.5px dashed #0b4f8a; padding: 1mm 3mm; }
        table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
        th { text-align: left; font-weight: 500; color: #444; width: 34%; padding: 1mm 0; vertical-align: top; }
        td { padding: 1mm 0; }
        ol { font-size: 10pt; padding-left: 5mm; }
        footer { font-size: 8pt; color: #666; border-top: 1px solid #ccc; margin-top: 3mm; padding-top: 2mm; }
        </style>
        </head>
        <body>
        <header>
        <div class="unit">\(HTML.escape(unit.name))</div>
        <h1>PHIẾU THANH TOÁN PHÍ, LỆ PHÍ</h1>
        <div>(Payment slip — quét mã VietQR bằng ứng dụng ngân hàng)</div>
        </header>
        <div class="qr">\(qr)</div>
        <p class="amount">\(HTML.escape(code.amount.formatted))</p>
        <p class="words">(\(HTML.escape(words)))</p>
        <p class="reference">Nội dung chuyển khoản: <strong>\(HTML.escape(dossier.reference))</strong></p>
        <table>
        \(table)
        </table>
        <ol>
        <li>Mở ứng dụng ngân hàng, chọn <em>Quét mã QR</em> và quét mã trên; số tiền và nội dung đã được điền sẵn.</li>
        <li>Không sửa nội dung chuyển khoản. Nếu chuyển thủ công, ghi đúng mã <strong>\(HTML.escape(dossier.reference))</strong>.</li>
        </ol>
        <footer>In lúc \(HTML.escape(printedAt)) · Mã thanh toán có chữ số kiểm tra: gõ sai một ký tự sẽ không khớp hồ sơ.</footer>
        </body>
        </html>

        """
    }
}
