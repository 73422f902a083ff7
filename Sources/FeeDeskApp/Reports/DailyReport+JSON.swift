import FeeDeskCore

extension DailyReport {
    /// The JSON keys, always all present; keys may be added, never renamed.
    enum Keys: String, CodingKey, CaseIterable {
        // As `day reconcile`.
        case account, date, closed, opening, closing, balanceOk, creditTotal, outcomes, exceptions
        // The report's own.
        case unit, bankAccount, statement, creditCount, callbackOnlyCredits, statementCredits, statementDebits, expectedClosing
        case debitCount, debitTotal, debitOutcomes, exceptionSummary, cash, closedBy, closedAt, forcedReason, blockers, checks, generatedAt
    }

    /// Encodes with the stable keys; a missing value is `null`, never an absent key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(day.account, forKey: .account)
        try container.encode(day.date, forKey: .date)
        try container.encode(closing != nil, forKey: .closed)
        try container.encode(day.opening, forKey: .opening)
        try container.encode(day.closing, forKey: .closing)
        try container.encode(day.balanceOk, forKey: .balanceOk)
        try container.encode(credits.amount, forKey: .creditTotal)
        try container.encode(Dictionary(uniqueKeysWithValues: outcomeRows.map { ($0.outcome.rawValue, $0.total) }), forKey: .outcomes)
        try container.encode(exceptions, forKey: .exceptions)
        try container.encode(unit, forKey: .unit)
        try container.encode(bankAccount, forKey: .bankAccount)
        try container.encode(statement, forKey: .statement)
        try container.encode(credits.count, forKey: .creditCount)
        try container.encode(callbackOnlyCredits, forKey: .callbackOnlyCredits)
        try container.encode(statementCredits, forKey: .statementCredits)
        try container.encode(statementDebits, forKey: .statementDebits)
        try container.encode(expectedClosing, forKey: .expectedClosing)
        try container.encode(statementDebits.count, forKey: .debitCount)
        try container.encode(statementDebits.amount, forKey: .debitTotal)
        try container.encode(Dictionary(uniqueKeysWithValues: debitRows.map { ($0.key, $0.total) }), forKey: .debitOutcomes)
        try container.encode(exceptionSummary, forKey: .exceptionSummary)
        try container.encode(cash, forKey: .cash)
        try container.encode(closing?.closedBy, forKey: .closedBy)
        try container.encode(closing?.closedAt, forKey: .closedAt)
        try container.encode(closing?.forcedReason, forKey: .forcedReason)
        try container.encode(day.blockers, forKey: .blockers)
        try container.encode(checks, forKey: .checks)
        try container.encode(generatedAt, forKey: .generatedAt)
    }
}
