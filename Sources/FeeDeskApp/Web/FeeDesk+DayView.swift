import FeeDeskCore
import FeeDeskStore

extension FeeDesk {
    /// The day view's data, read in one transaction: the reconciliation of `account` (the first
    /// collection account when nil) on `date` and, when the day is closed, who closed it, when and why.
    func dayView(date: LocalDate, account: String?) throws -> (day: DayReconciliation, closing: ClosedDay?) {
        let accountID = try resolveAccount(account)
        return try database.read { connection in
            (try reconcile(accountID, date, connection: connection), try DayRepository(connection).closed(account: accountID, date: date))
        }
    }
}
