@testable import FeeDeskApp
import BankCallbacks
import FeeDeskCore
import FeeDeskStore
import Foundation

/// A fresh installation at 2026-11-22 09:30 (Hanoi) with helpers to post signed callbacks and import
/// small CSV statements, for the tests of one credit reported by several sources.
struct CreditLinkBed {
    static let now = "2026-11-22T09:30:00+07:00"
    static let twoAccounts = AppFixture.standardConfig.replacingOccurrences(
        of: #""accounts": [{"id": "main", "bin": "970436", "number": "0071000123456", "holder": "TRUNG TAM PVHCC"}]"#,
        with: #""accounts": [{"id": "main", "bin": "970436", "number": "0071000123456", "holder": "TRUNG TAM PVHCC"}, {"id": "second", "bin": "970415", "number": "0099000111222", "holder": "TRUNG TAM PVHCC"}]"#)

    let fixture: AppFixture
    let app: FeeDesk
    let committer: GroupCommitter
    private var files = 0

    init(config: String = AppFixture.standardConfig) throws {
        fixture = try AppFixture(config: config)
        app = try fixture.app(at: Self.now)
        _ = try app.setUp(by: "test")
        committer = GroupCommitter(database: app.database)
    }

    /// Registers a signature-certification dossier (10.000 ₫) and returns its payment reference.
    func dossier(_ number: Int, amount: Money = Money(dong: 10_000)) throws -> String {
        let code = "000.06.16.G09-261122-" + String(number + 10_000).dropFirst()
        return try app.addDossier(NewDossier(code: code, procedure: "CT.CHUKY", amount: amount, applicant: "NGUYEN VAN AN"), by: "test").reference
    }

    static func code(_ number: Int) -> String { "000.06.16.G09-261122-" + String(number + 10_000).dropFirst() }

    /// Posts a genuine `bank` callback, signed now.
    @discardableResult
    func callback(id: String, amount: Int64, memo: String, bookedAt: String = "2026-11-22T09:15:00+07:00") throws -> CallbackResult {
        let body = #"{"id":"\#(id)","account":"0071000123456","amount":\#(amount),"currency":"VND","bookedAt":"\#(bookedAt)","description":"\#(memo)"}"#
        let signed = try CallbackScheme.standardWebhooks.sign(body: Array(body.utf8), secret: ServerFixture.bankSecret, now: Timestamp.parse(Self.now))
        return try app.acceptCallback(partner: "bank", headers: signed.headers.map { ($0.name, $0.value) }, body: signed.body,
                                      secrets: [ServerFixture.bankSecret], committer: committer)
    }

    /// Imports a balanced CSV statement of `account` with credit lines `(time, reference, amount, memo)`
    /// booked on 22 November 2026 (time `HH:mm:ss`, or empty for a date only).
    @discardableResult
    mutating func statement(_ lines: [(time: String, reference: String, amount: Int64, memo: String)],
                            account: String = "0071000123456") throws -> ImportReport {
        files += 1
        let opening: Int64 = 1_000_000
        var text = "SAO KÊ TÀI KHOẢN \(files)\r\n\"Số tài khoản: \(account)\"\r\n\"Số dư đầu kỳ: \(opening)\"\r\n"
        text += "Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Nội dung\r\n"
        for line in lines {
            text += "22/11/2026\(line.time.isEmpty ? "" : " " + line.time),\(line.reference),,\(line.amount),\"\(line.memo)\"\r\n"
        }
        text += "\"Số dư cuối kỳ: \(opening + lines.map(\.amount).reduce(0, +))\"\r\n"
        return try app.importStatement(StatementUpload(data: Data(text.utf8), fileName: "statement-\(files).csv", format: .csv), by: "test")
    }

    /// Every credit: id, account, amount, source, outcome, provider reference, statement line.
    func credits() throws -> [(id: Int64, account: String, amount: Int64, source: String, outcome: String, provider: String?, line: Int64?)] {
        try app.database.read { connection in
            try connection.query("SELECT id, account_id, amount, source, outcome, provider_reference, statement_line_id FROM credit ORDER BY id") {
                ($0.int64(0), $0.text(1) ?? "", $0.int64(2), $0.text(3) ?? "", $0.text(4) ?? "", $0.text(5), $0.optionalInt64(6))
            }
        }
    }

    /// Live allocations per dossier code.
    func allocated() throws -> [String: Int64] {
        let rows = try app.database.read { connection in
            try connection.query("""
                SELECT d.code, SUM(a.amount) FROM allocation a JOIN dossier d ON d.id = a.dossier_id WHERE a.reversed_at IS NULL GROUP BY d.code
                """) { (($0.text(0) ?? ""), $0.int64(1)) }
        }
        return Dictionary(uniqueKeysWithValues: rows)
    }
}
