@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation
import Testing

/// Issue 11's acceptance on a month of data: November 2026 with a dossier or more every day, exact
/// payments, over-payments, duplicates, bank charges, refund payouts and two remittances, all through
/// real MT940 statements. Expected figures come from the test's own ledger, not from the application.
@Suite struct MoneyOutMonthTests {
    static let procedures = ["CT.CHUKY", "CT.HOPDONG", "HT.TRICHLUC", "XD.GPXD.NHA", "XD.GPXD.CT", "DKKD.HKD", "XD.GPXD.GH"]

    /// One MT940 statement of `lines` (date, +credit/−debit, memo) from `opening`.
    static func statement(_ number: String, opening: Int64, lines: [(day: Int, amount: Int64, memo: String)]) -> (text: String, closing: Int64) {
        func date(_ day: Int) -> String { String(format: "2611%02d", day) }
        var text = ":20:\(number)\r\n:25:0071000123456\r\n:28C:1/1\r\n:60F:C\(date(lines.first?.day ?? 1))VND\(opening),\r\n"
        var balance = opening
        for (index, line) in lines.enumerated() {
            let mark = line.amount > 0 ? "C" : "D"
            text += ":61:\(date(line.day))\(date(line.day).suffix(4))\(mark)\(abs(line.amount)),NTRFNONREF//FT\(number)\(index)\r\n:86:\(line.memo)\r\n"
            balance += line.amount
        }
        text += ":62F:C\(date(lines.last?.day ?? 1))VND\(balance),\r\n-"
        return (text, balance)
    }

    @Test func everyDebitEndsInAnOutcomeRefundsGoToZeroAndRemittanceDueIsCollectedMinusRemitted() throws {
        let fixture = try AppFixture()
        let app = try fixture.app(at: "2026-12-01T08:00:00+07:00")
        try app.setUp(by: "test")
        var collected: [FeeKind: Int64] = [:]
        var owedBack: Int64 = 0
        var credits: [(day: Int, amount: Int64, memo: String)] = []
        var sequence = 0
        for day in 1...28 {
            for slot in 0..<(1 + day % 3) {
                sequence += 1
                let code = String(format: "000.06.16.G09-2611%02d-%04d", day, sequence)
                let procedure = Self.procedures[sequence % Self.procedures.count]
                let dossier = try app.addDossier(NewDossier(code: code, procedure: procedure, applicant: "Người nộp \(sequence)"), by: "test")
                let fee = dossier.amountDue.dong
                let memo = "MBVCB.\(sequence).\(dossier.reference) nop phi.CT tu 0123456789 NGUYEN VAN \(sequence)"
                switch (sequence % 10, slot) {
                case (3, _): // over-payment: 5,000 more than due
                    credits.append((day, fee + 5_000, memo)); owedBack += 5_000
                case (7, _): // paid twice: the second transfer is a duplicate
                    credits.append((day, fee, memo)); credits.append((min(day + 1, 28), fee, memo + " lan 2")); owedBack += fee
                default:
                    credits.append((day, fee, memo))
                }
                collected[dossier.kind, default: 0] += fee
            }
            if day % 7 == 0 { credits.append((day, -11_000, "Phi quan ly tai khoan thang 11")) }
        }
        credits.append((28, -1_100, "Phi SMS Banking"))
        credits.sort { $0.day < $1.day }
        let first = Self.statement("NOV", opening: 50_000_000, lines: credits)
        let imported = try app.importStatement(StatementUpload(data: Data(first.text.utf8), fileName: "11.sta"), by: "test")
        #expect(imported.debits == 5 && imported.outcomes.unmatched == 0)

        // Refunds owed are the over-payments and duplicates; paying each brings them to zero.
        let owed = try app.refundsOwed()
        #expect(owed.map(\.owed.dong).reduce(0, +) == owedBack)
        var outgoing: [(day: Int, amount: Int64, memo: String)] = []
        for (index, line) in owed.enumerated() {
            let reference = String(format: "HT-%03d", index + 1)
            _ = try app.payRefund(credit: line.credit, amount: line.owed, reference: reference, by: "user:ke-toan")
            outgoing.append((29, -line.owed.dong, "Hoan tra \(reference) nop thua"))
        }
        #expect(try app.refundsOwed().isEmpty)

        // Two remittances: phí for the first half of the month, lệ phí for the month.
        let month = (try LocalDate(parsing: "2026-11-01"), try LocalDate(parsing: "2026-11-30"))
        let half = try app.remittanceDue(from: month.0, to: LocalDate(parsing: "2026-11-15"))
        let phiHalf = try #require(half.kinds.first { $0.kind == .phi }?.due)
        _ = try app.recordRemittance(kind: .phi, amount: phiHalf, date: LocalDate(parsing: "2026-11-15"), reference: "KBNN-001", by: "t")
        let lePhiMonth = try #require(try app.remittanceDue(from: month.0, to: month.1).kinds.first { $0.kind == .lePhi }?.due)
        _ = try app.recordRemittance(kind: .lePhi, amount: lePhiMonth, date: month.1, reference: "KBNN-002", by: "t")
        outgoing += [(30, -phiHalf.dong, "Nop NSNN KBNN-001 phi chung thuc"), (30, -lePhiMonth.dong, "KBNN-002 nop le phi")]
        let second = Self.statement("END", opening: first.closing, lines: outgoing)
        _ = try app.importStatement(StatementUpload(data: Data(second.text.utf8), fileName: "end.sta"), by: "test")

        // Every debit line of the month has an outcome, and none is unexplained.
        #expect(try MoneyOutTests.debitOutcomes(app) == ["bank_fee": 5, "refund": Int64(owed.count), "remittance": 2])
        // Remittance due = collected − refunded − remitted per kind, to the đồng, against the test's own ledger.
        let due = try app.remittanceDue(from: month.0, to: month.1)
        for kind in due.kinds {
            #expect(kind.collected.dong == collected[kind.kind, default: 0], "\(kind.kind)")
            #expect(kind.due == kind.collected - kind.refunded - kind.remitted)
        }
        #expect(due.kinds.first { $0.kind == .lePhi }?.due == .zero)
        #expect(due.kinds.first { $0.kind == .phi }?.remitted == phiHalf)
        #expect(due.kinds.first { $0.kind == .phi }?.due.dong == collected[.phi, default: 0] - phiHalf.dong)
        let report = try app.remittanceReport(ReportPeriod(from: month.0, to: month.1))
        #expect(report.addsUp && report.remittances.allSatisfy(\.onStatement))
        for day in [7, 14, 21, 28, 29, 30] {
            let reconciled = try app.reconcile(date: LocalDate(parsing: String(format: "2026-11-%02d", day)))
            #expect(reconciled.debitOutcomes.values.map(\.amount).reduce(.zero, +) == reconciled.debitTotal, "day \(day)")
        }
        #expect(try app.verifyAudit().rows > 0)
    }
}
