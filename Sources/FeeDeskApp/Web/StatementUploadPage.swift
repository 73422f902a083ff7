import FeeDeskCore
import Foundation
import VietQR

/// `/statements`: choose a bank statement file, its bank profile, format and account, and upload it
/// with a progress bar to `POST /api/v1/statements`; `statements.js` then shows the import summary
/// with `textContent` only. Profile and account names come from configuration files and are escaped.
struct StatementUploadPage {
    let layout: WebLayout
    let profiles: [BankProfileChoice]
    let accounts: [CollectionAccount]

    /// `Vietcombank · 0071000123456 (main)`.
    static func accountLabel(_ account: CollectionAccount) -> String {
        let bank = BankDirectory.bank(bin: account.bin)?.shortName ?? account.bin
        return "\(bank) · \(account.number) (\(account.id))"
    }

    /// `Vietcombank (Ngân hàng TMCP …)` → `Vietcombank`.
    static func shortName(_ bank: String) -> String {
        let short = bank.split(separator: "(", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? bank
        return short.isEmpty ? bank : short
    }

    func html() -> String {
        let banks = profiles.filter { $0.name != "generic" }
        let profileOptions = banks.map { profile in
            "<option value=\"\(HTML.escape(profile.name))\" title=\"\(HTML.escape(profile.bank))\">\(HTML.escape(StatementUploadPage.shortName(profile.bank)))</option>"
        }.joined()
        let unconfirmed = banks.filter { !$0.confirmed }.map { StatementUploadPage.shortName($0.bank) }
        let caution = unconfirmed.isEmpty ? "" : "<p class=\"hint\">Mẫu CSV chưa được đối chiếu với sao kê thật của ngân hàng: "
            + HTML.escape(unconfirmed.joined(separator: ", ")) + ". Hãy kiểm tra kết quả nhập.</p>"
        let accountOptions = accounts.map { account in
            "<option value=\"\(HTML.escape(account.id))\">\(HTML.escape(StatementUploadPage.accountLabel(account)))</option>"
        }.joined()
        let main = """
            <div class="two-col">
            <section class="card" aria-labelledby="upload-title">
            <h1 id="upload-title">Nhập sao kê ngân hàng</h1>
            <p class="lead-text">Tải tệp sao kê của tài khoản thu để ghi nhận các khoản chuyển khoản và đối chiếu với hồ sơ.
            Một tệp được nhập trọn vẹn hoặc không nhập gì; nhập lại cùng một tệp không làm thay đổi dữ liệu.</p>
            <form id="upload-form" novalidate>
            <label for="file">Tệp sao kê</label>
            <input id="file" name="file" type="file" accept=".csv,.txt,.tsv,.sta,.mt940,.940,.xml">
            <p class="hint">MT940 (.sta, .txt), camt.053/054 (.xml) hoặc CSV/Excel-text xuất từ Internet Banking; tối đa 64 MB.</p>
            <div class="field-row">
            <div><label for="profile">Mẫu sao kê (tệp CSV)</label>
            <select id="profile" name="profile"><option value="">Mẫu chung (MT940, camt, CSV khác)</option>\(profileOptions)</select></div>
            <div><label for="format">Định dạng</label>
            <select id="format" name="format"><option value="auto">Tự nhận dạng</option><option value="mt940">MT940</option>
            <option value="camt">camt.053 / camt.054 (XML)</option><option value="csv">CSV / Excel-text</option></select></div>
            </div>
            \(caution)
            <label for="account">Tài khoản thu</label>
            <select id="account" name="account"><option value="">Theo số tài khoản ghi trong tệp</option>\(accountOptions)</select>
            <label class="check"><input id="allow-unbalanced" type="checkbox"> Vẫn nhập khi số dư đầu kỳ + ghi có − ghi nợ không bằng số dư cuối kỳ (đánh dấu để kiểm tra)</label>
            <div id="progress-box" class="progress" hidden>
            <progress id="progress" max="100" value="0"></progress>
            <span id="progress-text" role="status" aria-live="polite"></span>
            </div>
            <div id="upload-message" class="message" role="alert" hidden></div>
            <button id="upload" class="primary big" type="submit">Tải lên và nhập sao kê</button>
            </form>
            </section>
            <section class="card" aria-labelledby="summary-title">
            <h2 id="summary-title" class="card-title">Kết quả nhập</h2>
            <div id="summary-empty" class="empty"><div class="big-icon" aria-hidden="true">⇪</div>
            <p>Chưa nhập tệp nào trong lần làm việc này.<br>Chọn tệp sao kê rồi bấm <strong>Tải lên và nhập sao kê</strong>.</p></div>
            <div id="summary" hidden></div>
            </section>
            </div>
            """
        return layout.page(title: "Nhập sao kê", active: "/statements", main: main, scripts: ["statements.js"])
    }
}
