import FeeDeskCore
import FeeDeskStore
import VietQR

extension FeeDesk {
    /// The daily reconciliation report of `account` (the first collection account when nil) on booking
    /// date `date`, read in one transaction: the day's reconciliation as the day view computes it, plus
    /// the covering statement, independent credit and cash totals, cash by cashier with
    /// receipt ranges, voided receipts and the close record. Every figure is an SQL aggregate or an
    /// indexed range of the day; the only rows listed are the day's exceptions and voided receipts.
    public func dailyReport(date: LocalDate, account: String? = nil) throws -> DailyReport {
        let accountID = try resolveAccount(account)
        guard let configured = config.account(id: accountID) else {
            throw CoreError(.notFound, "account '\(accountID)' is not a configured collection account")
        }
        let generatedAt = nowStamp()
        let unit = DailyReport.Unit(name: config.unit.name, code: config.unit.code)
        let bankAccount = DailyReport.BankAccount(bin: configured.bin, bank: BankDirectory.bank(bin: configured.bin)?.shortName ?? configured.bin,
                                                  number: configured.number, holder: configured.holder)
        return try database.read { connection in
            let day = try reconcile(accountID, date, connection: connection)
            let days = DayRepository(connection)
            let queries = DailyReportQueries(connection)
            let statement = try days.coverage(account: accountID, date: date).map {
                DailyReport.StatementPeriod(from: $0.firstDate, to: $0.lastDate, balance: $0.balance)
            }
            let credits = try queries.creditTotals(account: accountID, date: date)
            let cashTotal = try queries.cashTotal(on: date)
            let cashiers = try queries.totalsByCashier(on: date)
            let voided = try queries.voided(on: date)
            let cash = DailyReport.Cash(count: cashTotal.count, amount: cashTotal.amount, cashiers: cashiers, voidedCount: voided.count,
                                        voidedAmount: voided.map(\.amount).sum(), voided: voided)
            return DailyReport(unit: unit, bankAccount: bankAccount, day: day, statement: statement,
                               credits: OutcomeTotal(count: credits.all.count, amount: credits.all.amount),
                               callbackOnlyCredits: OutcomeTotal(count: credits.callbackOnly.count, amount: credits.callbackOnly.amount),
                               statementCredits: OutcomeTotal(count: day.statementCreditCount, amount: day.statementCreditTotal),
                               statementDebits: OutcomeTotal(count: day.debitCount, amount: day.debitTotal),
                               cash: cash, closing: try days.closed(account: accountID, date: date), generatedAt: generatedAt)
        }
    }
}
