import FeeDeskCore
import FeeDeskStore

/// The daily reconciliation report of one collection account on one booking date: the day's
/// reconciliation (balance check, credits by outcome, debits by kind, exceptions, blockers, as the day
/// view computes them), the statement that covers it, the cash taken that day by each cashier with
/// the range of receipt numbers, voided receipts, and whether the day is closed, by whom and when.
///
/// JSON keys are those of `day reconcile` (`account, date, closed, opening, closing, balanceOk,
/// creditTotal, outcomes, exceptions`) plus the report's own; every key is always present (`null`
/// when there is no value). Each table carries its own total, read independently from SQL, and
/// `checks` says whether the table adds up to it to the đồng.
public struct DailyReport: Sendable, Encodable {
    /// The unit whose fees these are.
    public struct Unit: Sendable, Encodable {
        /// Its name, as printed on reports.
        public let name: String
        /// Its administrative code.
        public let code: String
    }

    /// The collection account as the bank knows it.
    public struct BankAccount: Sendable, Encodable {
        /// The bank's 6-digit BIN.
        public let bin: String
        /// The bank's short name (`Vietcombank`), or the BIN when it is not in the directory.
        public let bank: String
        /// The account number.
        public let number: String
        /// The holder as registered at the bank.
        public let holder: String
    }

    /// The imported statement whose lines span the day.
    public struct StatementPeriod: Sendable, Encodable {
        /// Its first booking date.
        public let from: LocalDate
        /// Its last booking date.
        public let to: LocalDate
        /// `balanced`, `unbalanced` or `unchecked`.
        public let balance: String
    }

    /// One exception with its Vietnamese name and what to do.
    public struct ExceptionLine: Sendable, Encodable {
        /// `unmatched`, `refund_due`, `unconfirmed_callback`, `amount_disagreement`, … (see `DayReconciliation`).
        public let kind: String
        /// The kind in Vietnamese.
        public let label: String
        /// The credit concerned, if any.
        public let credit: Int64?
        /// The amount concerned (what is owed back for `refund_due`), if any.
        public let amount: Money?
        /// What is wrong (English, as `day reconcile` says it).
        public let message: String
        /// What is wrong (Vietnamese).
        public let detail: String
        /// What to do (Vietnamese).
        public let todo: String
    }

    /// The exceptions of one kind: how many, their sum, what to do.
    public struct ExceptionGroup: Sendable, Encodable {
        /// The exception kind.
        public let kind: String
        /// The kind in Vietnamese.
        public let label: String
        /// How many exceptions of the kind.
        public let count: Int
        /// The sum of their amounts.
        public let amount: Money
        /// What to do (Vietnamese).
        public let todo: String
    }

    /// Cash taken on the day (business date of the receipt; not tied to a collection account).
    public struct Cash: Sendable, Encodable {
        /// Receipts not voided, read on their own; the cashiers add up to it.
        public let count: Int
        /// Their sum.
        public let amount: Money
        /// Per cashier: receipts not voided, the first and last receipt number, count and sum.
        public let cashiers: [CashierDayTotal]
        /// How many receipts of the day were voided.
        public let voidedCount: Int
        /// Their sum (not in `amount`).
        public let voidedAmount: Money
        /// The voided receipts of the day (not counted).
        public let voided: [VoidedReceipt]
    }

    /// Whether each table adds up to its independently read total.
    public struct Checks: Sendable, Encodable, Equatable {
        /// The statement balances, and opening + statement credits − statement debits = closing.
        public let balance: Bool
        /// The outcome rows add up to the day's credits (count and đồng).
        public let outcomes: Bool
        /// The debit rows add up to the day's statement debits.
        public let debitOutcomes: Bool
        /// The cashiers add up to the day's cash.
        public let cash: Bool
    }

    /// The unit.
    public let unit: Unit
    /// The collection account.
    public let bankAccount: BankAccount
    /// The day's reconciliation, as the day view and `day reconcile` show it.
    public let day: DayReconciliation
    /// The statement covering the day; nil when none is imported.
    public let statement: StatementPeriod?
    /// Every credit of the day, read on its own (the outcome table adds up to it).
    public let credits: OutcomeTotal
    /// The credits only a callback reported (in `credits`, not on the statement).
    public let callbackOnlyCredits: OutcomeTotal
    /// The statement's credit lines of the day.
    public let statementCredits: OutcomeTotal
    /// The statement's debit lines of the day (the debit table adds up to them).
    public let statementDebits: OutcomeTotal
    /// The cash taken on the day.
    public let cash: Cash
    /// Who closed the day, when, and why when forced; nil while it is open.
    public let closing: ClosedDay?
    /// When the report was made, ISO 8601 with the unit's offset.
    public let generatedAt: String

    /// Outcomes in the order of every table: the automatic ones, then what waits, then the accountant's.
    static let outcomeOrder: [CreditOutcome] = [.matched, .underpaid, .overpaid, .duplicate, .unmatched, .refund, .ignored]

    /// Exception kinds in the order of the summary.
    static let exceptionOrder = ["statement_missing", "balance", "unexplained_debit", "unmatched", "refund_due", "unconfirmed_callback",
                                 "callback_mismatch", "amount_disagreement"]

    /// Opening + statement credits − statement debits, when the opening is known.
    public var expectedClosing: Money? {
        day.opening.map { $0 + statementCredits.amount - statementDebits.amount }
    }

    /// The outcome table's rows, every outcome present.
    var outcomeRows: [(outcome: CreditOutcome, total: OutcomeTotal)] {
        DailyReport.outcomeOrder.map { ($0, day.outcomes[$0.rawValue] ?? OutcomeTotal()) }
    }

    /// The debit table's rows, every kind present.
    var debitRows: [(key: String, name: String, total: OutcomeTotal)] {
        DayPage.debitOutcomeNames.map { ($0.key, $0.name, day.debitOutcomes[$0.key] ?? OutcomeTotal()) }
    }

    /// Every exception with its Vietnamese words.
    public var exceptions: [ExceptionLine] {
        day.exceptions.map { exception in
            let words = DayPage.exceptionWords(exception.kind)
            return ExceptionLine(kind: exception.kind, label: words.name, credit: exception.credit, amount: exception.amount,
                                 message: exception.message, detail: detail(exception), todo: words.todo)
        }
    }

    /// What is wrong with one exception, in Vietnamese.
    func detail(_ exception: DayReconciliation.Exception) -> String {
        let credit = exception.credit.map { "Khoản có #\($0)" } ?? "Khoản có"
        let amount = exception.amount?.formatted ?? "—"
        switch exception.kind {
        case "unmatched": return "\(credit) (\(amount)) không mang mã thanh toán hợp lệ của hồ sơ nào."
        case "refund_due": return "\(credit) phải trả lại \(amount) cho người chuyển (nộp thừa hoặc nộp trùng)."
        case "unconfirmed_callback": return "\(credit) (\(amount)) mới có báo có của ngân hàng, chưa có dòng sao kê xác nhận."
        case "amount_disagreement":
            guard let statementAmount = exception.statementAmount, let statementCredit = exception.statementCredit else { return exception.message }
            return "Báo có ghi \(amount) (\(credit.lowercased())), sao kê ghi \(statementAmount.formatted)"
                + " (khoản có #\(statementCredit)) cho cùng giao dịch \(exception.bankReference ?? "")."
        case "callback_mismatch":
            return "\(credit): báo có \(exception.bankReference ?? "") khác dòng sao kê của cùng giao dịch về số tiền hoặc tài khoản;"
                + " FeeDesk tính theo sao kê (\(amount))."
        case "unexplained_debit": return "\(amount) ghi nợ chưa gắn với khoản hoàn trả hay nộp ngân sách nào."
        default: return DayPage.blockerWords(exception.message)
        }
    }

    /// The exceptions by kind, in `exceptionOrder` (unknown kinds after, by name).
    public var exceptionSummary: [ExceptionGroup] {
        var groups: [String: (count: Int, amount: Money)] = [:]
        for exception in day.exceptions {
            groups[exception.kind, default: (0, .zero)].count += 1
            groups[exception.kind, default: (0, .zero)].amount += exception.amount ?? .zero
        }
        let order = DailyReport.exceptionOrder
        return groups.keys.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }.map { kind in
            let words = DayPage.exceptionWords(kind)
            return ExceptionGroup(kind: kind, label: words.name, count: groups[kind]?.count ?? 0, amount: groups[kind]?.amount ?? .zero,
                                  todo: words.todo)
        }
    }

    /// The checks, computed from the tables and their independent totals.
    public var checks: Checks {
        let outcomeSum = outcomeRows.map(\.total)
        let debitSum = debitRows.map(\.total)
        let arithmetic = expectedClosing.map { $0 == day.closing } ?? false
        return Checks(balance: day.balanceOk && arithmetic,
                      outcomes: outcomeSum.map(\.count).reduce(0, +) == credits.count && outcomeSum.map(\.amount).sum() == credits.amount,
                      debitOutcomes: debitSum.map(\.count).reduce(0, +) == statementDebits.count
                          && debitSum.map(\.amount).sum() == statementDebits.amount,
                      cash: cash.cashiers.map(\.count).reduce(0, +) == cash.count && cash.cashiers.map(\.amount).sum() == cash.amount)
    }
}
