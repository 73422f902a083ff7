import FeeDeskCore
import FeeDeskStore

extension FeeDesk {
    /// Memo words that mark a bank's own charge, folded (no diacritics, upper case).
    static let bankFeeMarkers = ["PHI QUAN LY", "PHI SMS", "PHI DICH VU", "PHI CHUYEN TIEN", "PHI DUY TRI", "THU PHI", "BANK FEE",
                                 "SERVICE CHARGE", "PHI THUONG NIEN", "VAT PHI"]

    /// Gives every unexplained statement debit an outcome: a recorded refund payout or remittance whose
    /// reference the memo holds with the same amount, a bank charge (memo markers), or `unexplained`
    /// (review). Cash deposits are matched to the statement credit that shows them, which is set aside
    /// as not a fee. Runs after every import and every recorded payout, remittance or deposit.
    func explainMoneyOut(connection: SQLiteConnection) throws {
        let money = MoneyOutRepository(connection)
        var waiting = try money.unlinked()
        for debit in try money.unexplainedDebits() {
            let memo = MemoText(debit.memo)
            if let index = waiting.firstIndex(where: { $0.table != "cash_deposit" && $0.amount == debit.amount
                && memo.compact.contains(MemoText($0.reference).compact) }) {
                let match = waiting.remove(at: index)
                try money.link(table: match.table, id: match.id, column: "statement_line_id", to: debit.id)
                try money.explain(lineID: debit.id, outcome: match.table == "refund_payout" ? "refund" : "remittance", by: "\(match.table):\(match.id)")
            } else if Self.bankFeeMarkers.contains(where: { MemoText.fold(debit.memo).uppercased().contains($0) }) {
                try money.explain(lineID: debit.id, outcome: "bank_fee", by: nil)
            } else {
                try money.explain(lineID: debit.id, outcome: "unexplained", by: nil)
            }
        }
        for deposit in waiting where deposit.table == "cash_deposit" {
            guard let credit = try connection.queryOne("""
                SELECT id, memo FROM credit WHERE outcome = 'unmatched' AND amount = ? AND statement_line_id IS NOT NULL ORDER BY id
                """, deposit.amount.dong, transform: { row throws(StoreError) in (row.int64(0), try row.requiredText(1)) }),
                MemoText(credit.1).compact.contains(MemoText(deposit.reference).compact) else { continue }
            try money.link(table: "cash_deposit", id: deposit.id, column: "credit_id", to: credit.0)
            try ReviewRepository(connection).setOutcome(creditID: credit.0, outcome: .ignored, owedBack: .zero, refundConfirmedAt: nil,
                                                        note: "cash deposit \(deposit.reference)")
            try connection.run("UPDATE statement_line SET outcome = 'deposit', explained_by = ? WHERE id = (SELECT statement_line_id FROM credit WHERE id = ?)",
                               "cash_deposit:\(deposit.id)", credit.0)
        }
    }
}
