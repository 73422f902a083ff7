import FeeDeskCore
import FeeDeskStore

extension FeeDesk {
    /// The receipt register of `period`: every receipt FeeDesk issued on those dates (cash and
    /// cashless, cancelled ones included), by series and number. One indexed read.
    public func receiptRegister(_ period: ReportPeriod) throws -> ReceiptRegister {
        let generatedAt = nowStamp()
        let lines = try database.read { connection in
            try ReceiptRepository(connection).register(from: period.from, to: period.to)
        }
        return ReceiptRegister(unit: config.unit.name, period: period, lines: lines, generatedAt: generatedAt)
    }
}
