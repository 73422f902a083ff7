import FeeDeskCore

/// A new credit waiting for the matcher, with what the fixed matching order needs and the references
/// already read from its memo (so matching a million credits never reads them back).
struct PendingCredit: Sendable, Comparable {
    let id: Int64
    let day: LocalDate
    /// Seconds into the booking day, -1 when the bank gave no time.
    let seconds: Int
    let amount: Money
    /// FNV-1a of bank reference and memo: orders credits identical in date, time and amount the same
    /// way on every run (Swift's own hashing is seeded per process).
    let tiebreak: UInt64
    let references: [PaymentReference]

    init(id: Int64, day: LocalDate, time: Int?, amount: Money, bankReference: String?, memo: String, scanner: ReferenceScanner) {
        self.id = id
        self.day = day
        seconds = time ?? -1
        self.amount = amount
        tiebreak = PendingCredit.fnv1a((bankReference ?? "") + "\u{1F}" + memo)
        references = scanner.references(in: MemoText(memo))
    }

    /// Booking date, time, amount, then the tiebreak and the id.
    static func < (lhs: PendingCredit, rhs: PendingCredit) -> Bool {
        (lhs.day.daysSinceEpoch, lhs.seconds, lhs.amount.dong, lhs.tiebreak, lhs.id)
            < (rhs.day.daysSinceEpoch, rhs.seconds, rhs.amount.dong, rhs.tiebreak, rhs.id)
    }

    static func == (lhs: PendingCredit, rhs: PendingCredit) -> Bool { lhs.id == rhs.id }

    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
