import FeeDeskCore
import FeeDeskStore
import Foundation

/// A deterministic synthetic year of fee payments for the report benchmark: dossiers of the fee
/// schedule registered at `desks` desks every day but Sunday, each paid in cash or cashless (the
/// cashless share rising through the year from about 3% to 30%), a few paid partly cashless one day
/// and the rest in cash the next. Written with bulk inserts, one transaction per day.
struct SyntheticYear {
    /// What was written, to check a report against.
    struct Written: Sendable {
        var dossiers = 0
        var payments = 0
        var cash = Money.zero
        var cashless = Money.zero
        var cashCount = 0
        var cashlessCount = 0
    }

    let year: Int
    let desks: Int
    let payments: Int
    let fees: [Fee]

    /// The business days (Monday to Saturday) of the year.
    var days: [LocalDate] {
        guard let first = LocalDate(year: year, month: 1, day: 1) else { return [] }
        let count = LocalDate.daysIn(month: 2, year: year) == 29 ? 366 : 365
        // 1970-01-01 was a Thursday: weekday 0 = Thursday, so Sunday is 3.
        return (0..<count).map { first.adding(days: $0) }.filter { ($0.daysSinceEpoch % 7 + 7) % 7 != 3 }
    }

    /// Writes the year into `database` (schema must be set up with an account `accountID`).
    func write(into database: Database, calendar: BusinessCalendar, accountID: String,
               progress: (@Sendable (Int) -> Void)? = nil) throws -> Written {
        var generator = SplitMix64(seed: 2_025)
        var written = Written()
        let days = self.days
        let weights = fees.map { $0.amount.dong >= 1_000_000 ? 1 : ($0.amount.dong <= 10_000 ? 12 : 4) }
        let totalWeight = weights.reduce(0, +)
        var nextID: Int64 = try database.read { try $0.queryOne("SELECT COALESCE(MAX(id), 0) FROM dossier") { $0.int64(0) } ?? 0 }
        for (dayIndex, day) in days.enumerated() {
            let target = payments * (dayIndex + 1) / days.count
            let stamp = calendar.timestamp(calendar.startOfDay(day).addingTimeInterval(9 * 3600))
            let next = (dayIndex == days.count - 1 ? day : day.adding(days: 1)).description  // the rest, paid the next day, within the year
            let cashlessPercent = 3 + 27 * dayIndex / max(days.count - 1, 1)
            try database.write { connection in
                while written.payments < target {
                    nextID += 1
                    var pick = generator.below(totalWeight), index = 0
                    while pick >= weights[index] { pick -= weights[index]; index += 1 }
                    let fee = fees[index]
                    let pages = fee.amount.dong == 2_000 ? Int64(1 + generator.below(10)) : 1
                    let amount = fee.amount.dong * pages
                    let desk = "Q\(100 + generator.below(desks))"
                    try connection.run("""
                        INSERT INTO dossier (id, code, procedure, applicant, amount_due, desk, reference, registered_at, business_date)
                        VALUES (?, ?, ?, 'NGUYEN VAN AN', ?, ?, ?, ?, ?)
                        """, nextID, "BENCH-\(nextID)", fee.procedure, amount, desk, "BR\(nextID)", stamp, day.description)
                    written.dossiers += 1
                    if generator.chance(cashlessPercent) {
                        try pay(connection, cashless: true, dossier: nextID, amount: amount, day: day.description, stamp: stamp,
                                accountID: accountID, written: &written)
                    } else if amount >= 20_000 && generator.chance(3) {
                        let part = amount / 2
                        try pay(connection, cashless: true, dossier: nextID, amount: part, day: day.description, stamp: stamp,
                                accountID: accountID, written: &written)
                        try pay(connection, cashless: false, dossier: nextID, amount: amount - part, day: next, stamp: stamp,
                                accountID: accountID, written: &written)
                    } else {
                        try pay(connection, cashless: false, dossier: nextID, amount: amount, day: day.description, stamp: stamp,
                                accountID: accountID, written: &written)
                    }
                }
            }
            progress?(written.payments)
        }
        return written
    }

    private func pay(_ connection: SQLiteConnection, cashless: Bool, dossier: Int64, amount: Int64, day: String, stamp: String,
                     accountID: String, written: inout Written) throws {
        if cashless {
            try connection.run("""
                INSERT INTO credit (account_id, amount, booking_date, memo, source, outcome, created_at)
                VALUES (?, ?, ?, ?, 'statement', 'matched', ?)
                """, accountID, amount, day, "BR\(dossier) nop phi", stamp)
            try connection.run("INSERT INTO allocation (credit_id, dossier_id, amount, method, created_at) VALUES (?, ?, ?, 'auto', ?)",
                               connection.lastInsertRowID, dossier, amount, stamp)
            written.cashless += Money(dong: amount)
            written.cashlessCount += 1
        } else {
            try connection.run("""
                INSERT INTO cash_payment (dossier_id, amount, receipt_no, cashier, paid_at, business_date) VALUES (?, ?, ?, 'thu ngan', ?, ?)
                """, dossier, amount, "BL\(dossier)-\(written.payments)", stamp, day)
            written.cash += Money(dong: amount)
            written.cashCount += 1
        }
        written.payments += 1
    }
}
