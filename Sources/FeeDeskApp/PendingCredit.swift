import FeeDeskCore

/// A new credit waiting for the matcher: what the fixed matching order needs, and where its references
/// are in `PendingCredits.references`. 32 bytes, no heap storage of its own, so a million fit in 32 MB.
struct PendingCredit: Sendable {
    /// FNV-1a of bank reference and memo: orders credits identical in date, time and amount the same
    /// way on every run (Swift's own hashing is seeded per process).
    let tiebreak: UInt64
    let amount: Int64
    /// Booking date, days since 1970-01-01.
    let day: Int32
    /// Seconds into the booking day, -1 when the bank gave no time.
    let seconds: Int32
    let firstReference: Int32
    let referenceCount: Int32

    /// Booking date, time, amount, then the tiebreak (the caller breaks a final tie by file position).
    func precedes(_ other: PendingCredit) -> Bool {
        (day, seconds, amount, tiebreak) < (other.day, other.seconds, other.amount, other.tiebreak)
    }

    /// FNV-1a over the bank reference, a 0x1F separator and the memo.
    static func tiebreak(bankReference: String?, memo: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        func add(_ text: String) {
            var text = text
            text.withUTF8 { for byte in $0 { add(byte) } }
        }
        add(bankReference ?? "")
        add(0x1F)
        add(memo)
        return hash
    }
}

/// The new credits of one import in file order (the k-th new credit line is credit k), with the
/// references their memos hold (what the matcher saw for each is kept in a `SeenTable`, see
/// `CreditMatching`).
struct PendingCredits: Sendable {
    private(set) var credits: [PendingCredit] = []
    /// Reference keys (see `ReferenceKey`), `referenceCount` of them per credit from `firstReference`.
    /// A key with `codeFlag` set stands for a dossier code instead: its low bits index `codes`.
    private(set) var references: [UInt64] = []
    /// The compact dossier codes the memos hold (see `DossierCodeScanner`); few memos carry one.
    private(set) var codes: [String] = []
    /// Marks a key of `references` that stands for a dossier code (reference keys are below 10^17).
    static let codeFlag: UInt64 = 1 << 63
    /// What the matcher saw for one reference: the dossier's slot in the `DossierBook` (-1 for none)
    /// and what had been paid for it at that moment.
    struct Seen: Sendable {
        var slot: Int32 = -1
        var paid: Int64 = 0
    }

    var count: Int { credits.count }

    /// Makes room for `count` credits with one reference each.
    mutating func reserveCapacity(_ count: Int) {
        credits.reserveCapacity(count)
        references.reserveCapacity(count)
    }

    mutating func append(day: LocalDate, seconds: Int?, amount: Money, tiebreak: UInt64, references keys: [UInt64], codes named: [String] = []) {
        credits.append(PendingCredit(tiebreak: tiebreak, amount: amount.dong, day: Int32(truncatingIfNeeded: day.daysSinceEpoch),
                                     seconds: Int32(seconds ?? -1), firstReference: Int32(references.count),
                                     referenceCount: Int32(keys.count + named.count)))
        references.append(contentsOf: keys)
        for code in named {
            references.append(Self.codeFlag | UInt64(codes.count))
            codes.append(code)
        }
    }

    /// The compact dossier code a flagged key stands for, nil for a reference key.
    func code(_ key: UInt64) -> String? {
        key & Self.codeFlag == 0 ? nil : codes[Int(key & ~Self.codeFlag)]
    }

    /// The positions of the entries of credit `index` in `references` and `seen`.
    func referenceRange(of index: Int) -> Range<Int> {
        let credit = credits[index]
        return Int(credit.firstReference)..<Int(credit.firstReference + credit.referenceCount)
    }

    /// Credit positions in matching order: booking date, time, amount, tiebreak, then file position
    /// (which is also the order of the credit ids).
    func matchingOrder() -> [Int32] {
        var order = (0..<Int32(credits.count)).map { $0 }
        credits.withUnsafeBufferPointer { credits in
            order.sort { left, right in
                let lhs = credits[Int(left)], rhs = credits[Int(right)]
                if lhs.precedes(rhs) { return true }
                if rhs.precedes(lhs) { return false }
                return left < right
            }
        }
        return order
    }
}
