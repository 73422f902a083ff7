@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation
import Testing

@Suite struct MoneyOutTests {
    static func debitOutcomes(_ app: FeeDesk) throws -> [String: Int64] {
        let rows = try app.database.read { connection in
            try connection.query("SELECT COALESCE(outcome, '-'), COUNT(*) FROM statement_line WHERE direction = 'debit' GROUP BY 1") {
                ($0.text(0) ?? "", $0.int64(1))
            }
        }
        return Dictionary(uniqueKeysWithValues: rows)
    }

    /// Over-payments, duplicates, two remittances, bank charges and a cash deposit: every debit ends in
    /// an outcome, refunds owed go to zero after payout, remittance due = collected − remitted per kind.
    @Test func everyDebitIsExplained() throws {
        let (_, app) = try ReviewTests.imported()
        #expect(try Self.debitOutcomes(app) == ["bank_fee": 2])
        let owed = try app.refundsOwed()
        #expect(owed.map(\.owed.dong) == [10_000, 150_000, 14_000])
        for (index, line) in owed.enumerated() {
            _ = try app.payRefund(credit: line.credit, amount: line.owed, reference: "HT-00\(index + 1)", by: "user:ke-toan")
        }
        #expect(try app.refundsOwed().isEmpty)
        #expect(try app.recordCashDeposit(amount: Money(dong: 240_000), date: LocalDate(parsing: "2026-11-18"), reference: "GNT0001", by: "t")
                .isPositive)
        let deposit = try app.database.read { try $0.queryOne("SELECT outcome, note FROM credit WHERE memo LIKE '%GNT0001%'") { ($0.text(0), $0.text(1)) } }
        #expect(deposit?.0 == "ignored" && deposit?.1 == "cash deposit GNT0001")
        let period = (try LocalDate(parsing: "2026-11-16"), try LocalDate(parsing: "2026-11-20"))
        let before = try app.remittanceDue(from: period.0, to: period.1)
        let phi = try #require(before.kinds.first { $0.kind == .phi })
        let lePhi = try #require(before.kinds.first { $0.kind == .lePhi })
        _ = try app.recordRemittance(kind: .phi, amount: phi.due, date: period.1, reference: "KBNN-001", by: "t")
        _ = try app.recordRemittance(kind: .lePhi, amount: Money(dong: 100_000), date: period.1, reference: "KBNN-002", by: "t")
        let after = try app.remittanceDue(from: period.0, to: period.1)
        for kind in after.kinds {
            #expect(kind.due == kind.collected - kind.refunded - kind.remitted)
            #expect(kind.fields.values.sum() == kind.collected - kind.refunded)
        }
        #expect(after.kinds.first { $0.kind == .phi }?.due == .zero)
        #expect(after.kinds.first { $0.kind == .lePhi }?.due == lePhi.due - Money(dong: 100_000))
        // The bank's statement of the 21st shows the payouts, the remittances, a charge and one unknown debit.
        let total: Int64 = 10_000 + 150_000 + 14_000 + phi.due.dong + 100_000 + 11_000 + 5_000
        let opening: Int64 = 13_553_000
        let lines = [("HT-001 hoan tra", 10_000), ("Hoan tien HT-002 nop trung", 150_000), ("HT-003", 14_000),
                     ("Nop NSNN KBNN-001 phi", phi.due.dong), ("KBNN-002 le phi", 100_000), ("Phi quan ly tai khoan", 11_000), ("Rut tien", 5_000)]
        var text = ":20:S21\r\n:25:0071000123456\r\n:28C:1/1\r\n:60F:C261120VND\(opening),\r\n"
        for (index, line) in lines.enumerated() { text += ":61:2611211121D\(line.1),NTRFNONREF//FT21\(index)\r\n:86:\(line.0)\r\n" }
        text += ":62F:C261121VND\(opening - total),\r\n-"
        let report = try app.importStatement(StatementUpload(data: Data(text.utf8), fileName: "21.sta"), by: "t")
        #expect(report.debits == 7)
        #expect(try Self.debitOutcomes(app) == ["bank_fee": 3, "refund": 3, "remittance": 2, "unexplained": 1])
        let day = try app.reconcile(date: LocalDate(parsing: "2026-11-21"))
        #expect(day.debitOutcomes.values.map(\.amount).sum() == day.debitTotal)
        #expect(day.blockers == ["1 debit(s) of 2026-11-21 (5.000 ₫) are not explained: record the refund or remittance they pay"])
        #expect(try app.verifyAudit().rows > 0)
    }

    /// Refused money-out requests say why and change nothing.
    @Test func refusalsChangeNothing() throws {
        let (_, app) = try ReviewTests.imported()
        let owed = try #require(try app.refundsOwed().first)
        _ = try app.payRefund(credit: owed.credit, amount: Money(dong: 4_000), reference: "HT-1", by: "t")
        let before = try LedgerSnapshot(app)
        let day = try LocalDate(parsing: "2026-11-20")
        let attempts: [(String, () throws -> Any)] = [
            ("a refund of 7.000 ₫ is more than the 6.000 ₫ still owed on credit #\(owed.credit)",
             { try app.payRefund(credit: owed.credit, amount: Money(dong: 7_000), reference: "HT-2", by: "t") }),
            ("reference 'HT-1' is already used", { try app.payRefund(credit: owed.credit, amount: Money(dong: 1_000), reference: "HT-1", by: "t") }),
            ("a deposit of 9.000.000 ₫ is more than the 1.510.000 ₫ of cash on hand on 2026-11-20",
             { try app.recordCashDeposit(amount: Money(dong: 9_000_000), date: day, reference: "GNT9", by: "t") }),
        ]
        for (message, attempt) in attempts {
            do {
                _ = try attempt()
                Issue.record("accepted: \(message)")
            } catch {
                #expect("\(error)" == message + ".")
            }
        }
        let collected = try #require(try app.remittanceDue(from: LocalDate(parsing: "2026-11-01"), to: day).kinds.first { $0.kind == .lePhi })
        #expect(throws: CoreError.self) {
            try app.recordRemittance(kind: .lePhi, amount: collected.due + Money(dong: 1), date: day, reference: "KB-X", by: "t")
        }
        #expect(try LedgerSnapshot(app) == before)
        _ = try app.payRefund(credit: owed.credit, amount: Money(dong: 6_000), reference: "HT-3", by: "t")
        #expect(throws: CoreError(.conflict, "credit #\(owed.credit) owes nothing more; its refund is paid")) {
            try app.payRefund(credit: owed.credit, amount: Money(dong: 1), reference: "HT-4", by: "t")
        }
    }
}
