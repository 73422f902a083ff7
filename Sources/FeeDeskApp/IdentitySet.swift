import FeeDeskCore
import FeeDeskStore

/// A set of line identities, for telling new lines from known ones during an import.
///
/// Identities end in SHA-256 bytes, so their last 8 bytes are already uniformly spread: they index an
/// open-addressing table directly (linear probing, at most half full) without hashing again. For a
/// million lines this is several times faster than `Set<LineIdentity>` at the same 32 MB.
struct IdentitySet {
    private var slots: [LineIdentity]
    /// One bit per slot: set when the slot holds an identity.
    private var used: [UInt64]
    private(set) var count = 0

    /// An empty set with room for about `capacity` identities before it grows.
    init(capacity: Int = 1_024) {
        var size = 64
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: LineIdentity.first(of: LocalDate(daysSinceEpoch: 0)), count: size)
        used = Array(repeating: 0, count: size / 64)
    }

    /// Adds `identity`; false when it was already there.
    @discardableResult
    mutating func insert(_ identity: LineIdentity) -> Bool {
        if (count + 1) * 2 > slots.count { grow() }
        var index = slot(of: identity)
        if isUsed(index) { return false }
        index = ~index
        slots[index] = identity
        used[index >> 6] |= 1 << UInt64(index & 63)
        count += 1
        return true
    }

    /// True when `identity` is in the set.
    func contains(_ identity: LineIdentity) -> Bool {
        isUsed(slot(of: identity))
    }

    /// The slot holding `identity` (≥ 0), or the complement of the free slot where it would go.
    private func slot(of identity: LineIdentity) -> Int {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: identity.low) & mask
        while used[index >> 6] & (1 << UInt64(index & 63)) != 0 {
            if slots[index] == identity { return index }
            index = (index + 1) & mask
        }
        return ~index
    }

    private func isUsed(_ slot: Int) -> Bool { slot >= 0 }

    private mutating func grow() {
        var bigger = IdentitySet(capacity: slots.count)
        for index in 0..<slots.count where used[index >> 6] & (1 << UInt64(index & 63)) != 0 { bigger.insert(slots[index]) }
        self = bigger
    }
}
