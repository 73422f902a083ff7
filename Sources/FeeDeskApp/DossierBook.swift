import FeeDeskCore
import FeeDeskStore

/// A canonical payment reference of the configured format as one integer: its digits after the prefix.
///
/// The scanner only yields canonical references (the sequence padded to exactly the format's width, or
/// longer without a leading zero), so the digits' value names the text one-to-one: at most 17 digits,
/// padded back to `sequenceDigits + 2`. Keys are 8 bytes to store and cheap to hash.
struct ReferenceKey {
    let format: PaymentReferenceFormat

    /// The key of `bytes`, when they are a canonical reference of `format`; nil otherwise.
    func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let prefix = format.prefix.utf8
        let digits = bytes.count - prefix.count
        guard digits >= format.sequenceDigits + 2, bytes.count <= PaymentReference.maximumLength,
              bytes.prefix(prefix.count).elementsEqual(prefix) else { return nil }
        if digits > format.sequenceDigits + 2 && bytes[prefix.count] == UInt8(ascii: "0") { return nil }
        var value: UInt64 = 0
        for byte in bytes[prefix.count...] {
            guard byte &- UInt8(ascii: "0") < 10 else { return nil }
            value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The key of a reference the scanner found.
    func key(_ reference: PaymentReference) -> UInt64? {
        var text = reference.text
        return text.withUTF8 { key($0) }
    }

    /// The reference text of `key`: the prefix, then the digits zero-padded to `sequenceDigits + 2`.
    func reference(_ key: UInt64) -> PaymentReference {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: PaymentReference.maximumLength + 20) { buffer in
            var end = buffer.count, value = key
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            let start = buffer.count - max(buffer.count - end, format.sequenceDigits + 2) - format.prefix.utf8.count
            for index in start..<end { buffer[index] = UInt8(ascii: "0") }
            for (offset, byte) in format.prefix.utf8.enumerated() { buffer[start + offset] = byte }
            return PaymentReference(storedText: String(decoding: buffer[start...], as: UTF8.self))
        }
    }
}

/// The dossiers one import's credits name, as the matcher sees them, with what the import has counted
/// for each so far. Loaded with one pass over the dossier table when the import names a large share of
/// all dossiers, else with one indexed lookup per reference (in reference order).
struct DossierBook {
    let keys: ReferenceKey
    /// Reference key → slot; -1 while unknown or when no dossier has the reference.
    private var slots: [UInt64: Int32] = [:]
    private var ids: [Int64] = [], due: [Int64] = [], paid: [Int64] = [], cancelled: [Bool] = []
    /// Dossier codes, back to back; slot `i` is `codeBytes[codeEnds[i - 1] ..< codeEnds[i]]`.
    private var codeBytes: [UInt8] = [], codeEnds: [Int32] = []

    /// A book for `format` that will hold the dossiers named by `references` (keys, repeats allowed).
    init(format: PaymentReferenceFormat, references: [UInt64]) {
        keys = ReferenceKey(format: format)
        slots.reserveCapacity(references.count)
        for key in references { slots[key] = -1 }
    }

    /// Reads the named dossiers through `repository`: a scan of all dossiers when the import names at
    /// least one in `scanShare` of them, else a lookup per reference.
    mutating func load(from repository: CreditRepository, scanShare: Int64 = 3) throws {
        guard !slots.isEmpty else { return }
        ids.reserveCapacity(slots.count)
        due.reserveCapacity(slots.count)
        paid.reserveCapacity(slots.count)
        if Int64(slots.count) * scanShare >= (try repository.dossierCountEstimate()) {
            try repository.forEachPayable { row in
                guard let key = row.withReference({ keys.key($0) }), slots[key] == -1 else { return }
                add(row, key: key)
            }
        } else {
            for key in slots.keys.sorted() {
                try repository.withPayable(reference: keys.reference(key).text) { row in add(row, key: key) }
            }
        }
    }

    private mutating func add(_ row: PayableRow, key: UInt64) {
        slots[key] = Int32(ids.count)
        ids.append(row.id)
        due.append(row.amountDue.dong)
        paid.append(row.paid.dong)
        cancelled.append(row.cancelled)
        row.withCode { codeBytes.append(contentsOf: $0) }
        codeEnds.append(Int32(codeBytes.count))
    }

    /// The slot of the dossier with reference `key`, nil when none has it.
    func slot(_ key: UInt64) -> Int? {
        guard let slot = slots[key], slot >= 0 else { return nil }
        return Int(slot)
    }

    /// What the import has counted for the dossier in `slot` so far, plus what it had before.
    func paid(_ slot: Int) -> Int64 { paid[slot] }

    /// Counts `amount` more for the dossier in `slot`.
    mutating func add(_ amount: Money, to slot: Int) { paid[slot] += amount.dong }

    /// The dossier in `slot` as the matcher sees it with `paid` counted; its code only when `withCode`
    /// (the code appears in notes only).
    func dossier(_ slot: Int, reference: PaymentReference, paid: Int64, withCode: Bool) -> PayableDossier {
        var code = ""
        if withCode {
            let start = slot == 0 ? 0 : Int(codeEnds[slot - 1])
            code = codeBytes.withUnsafeBufferPointer { String(decoding: $0[start..<Int(codeEnds[slot])], as: UTF8.self) }
        }
        return PayableDossier(id: ids[slot], code: code, reference: reference, amountDue: Money(dong: due[slot]),
                              paid: Money(dong: paid), cancelled: cancelled[slot])
    }
}
