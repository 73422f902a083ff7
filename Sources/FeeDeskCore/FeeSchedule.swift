/// The fees in force, by procedure code.
public struct FeeSchedule: Sendable, Equatable {
    /// The fees in the order they were given.
    public let fees: [Fee]
    private let index: [String: Int]

    /// A schedule; refuses two fees for the same procedure.
    public init(_ fees: [Fee]) throws(CoreError) {
        var index: [String: Int] = [:]
        for (position, fee) in fees.enumerated() {
            if index[fee.procedure] != nil {
                throw CoreError(.conflict, "procedure '\(fee.procedure)' appears twice in the fee schedule")
            }
            index[fee.procedure] = position
        }
        self.fees = fees
        self.index = index
    }

    /// The fee for `procedure`, or nil.
    public func fee(for procedure: String) -> Fee? {
        index[procedure].map { fees[$0] }
    }

    /// The fee for `procedure`, or a `notFound` error naming it.
    public func requireFee(for procedure: String) throws(CoreError) -> Fee {
        guard let fee = fee(for: procedure) else {
            throw CoreError(.notFound, "procedure '\(procedure)' is not in the fee schedule")
        }
        return fee
    }

    public static func == (lhs: FeeSchedule, rhs: FeeSchedule) -> Bool { lhs.fees == rhs.fees }
}
