/// Running count and sum of credits and debits, in minor units.
public struct StatementTotals: Sendable, Hashable {
    /// Number of credit lines.
    public private(set) var creditCount = 0
    /// Sum of credit amounts.
    public private(set) var creditTotal: Int64 = 0
    /// Number of debit lines.
    public private(set) var debitCount = 0
    /// Sum of debit amounts.
    public private(set) var debitTotal: Int64 = 0
    /// Currencies seen; more than one makes the balance check impossible.
    public private(set) var currencies: Set<String> = []

    /// Empty totals.
    public init() {}

    /// Adds one line; returns false when a sum would overflow 64 bits (the totals are then unchanged).
    @discardableResult
    public mutating func add(_ line: StatementLine) -> Bool {
        if !currencies.contains(line.currency) { currencies.insert(line.currency) }
        switch line.direction {
        case .credit:
            let (sum, overflow) = creditTotal.addingReportingOverflow(line.amount)
            guard !overflow else { return false }
            creditTotal = sum
            creditCount += 1
        case .debit:
            let (sum, overflow) = debitTotal.addingReportingOverflow(line.amount)
            guard !overflow else { return false }
            debitTotal = sum
            debitCount += 1
        }
        return true
    }

    /// Credits minus debits, nil on overflow.
    public var net: Int64? {
        let (value, overflow) = creditTotal.subtractingReportingOverflow(debitTotal)
        return overflow ? nil : value
    }

    /// Number of lines.
    public var lineCount: Int { creditCount + debitCount }
}

/// The result of checking `opening + credits − debits == closing`.
public enum BalanceCheck: Sendable, Hashable {
    /// The balances agree with the lines.
    case balanced
    /// They do not; the associated text is one sentence with all four figures and the difference.
    case unbalanced(expectedClosing: Int64, actualClosing: Int64, description: String)
    /// The check cannot be made (no opening or closing balance, mixed currencies); says why.
    case notCheckable(String)

    /// Checks a statement's balances against its totals. `account` only names the statement in
    /// the message.
    public static func check(
        opening: Balance?, totals: StatementTotals, closing: Balance?, account: String?
    ) -> BalanceCheck {
        let name = "statement of account \(account ?? "(unknown)")"
        guard let opening else { return .notCheckable("\(name) has no opening balance") }
        guard let closing else { return .notCheckable("\(name) has no closing balance") }
        let currency = opening.currency
        guard closing.currency == currency, totals.currencies.isSubset(of: [currency]) else {
            let all = ([opening.currency, closing.currency] + totals.currencies.sorted())
            return .notCheckable("\(name) mixes currencies (\(Array(Set(all)).sorted().joined(separator: ", ")))")
        }
        guard let net = totals.net else { return .notCheckable("\(name) totals overflow") }
        let (expected, overflow) = opening.amount.addingReportingOverflow(net)
        guard !overflow else { return .notCheckable("\(name) totals overflow") }
        if expected == closing.amount { return .balanced }
        let money = { (value: Int64) in Currency.format(minorUnits: value, currency: currency) }
        let (difference, _) = closing.amount.subtractingReportingOverflow(expected)
        let text = "\(name): opening \(money(opening.amount)) + credits \(money(totals.creditTotal)) − debits "
            + "\(money(totals.debitTotal)) = \(money(expected)), but the closing balance is \(money(closing.amount)) "
            + "(difference \(money(difference)))"
        return .unbalanced(expectedClosing: expected, actualClosing: closing.amount, description: text)
    }

    /// True only for `.balanced`.
    public var isBalanced: Bool { self == .balanced }
}
