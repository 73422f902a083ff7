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

/// The dossiers one import's credits name, by payment reference or by dossier code, as the matcher sees
/// them, with what the import has counted for each so far. Loaded with one pass over the dossier table
/// when the import names a large share of all dossiers, else with one indexed lookup per reference and
/// per code. A dossier named both ways has one slot.
struct DossierBook {
    let keys: ReferenceKey
    /// Reference key → slot; -1 while unknown or when no dossier has the reference.
    private var slots: [UInt64: Int32] = [:]
    /// Compact dossier code → slot; -1 while unknown or when no dossier has the code.
    private var codeSlots: [String: Int32] = [:]
    private var ids: [Int64] = [], due: [Int64] = [], paid: [Int64] = [], cancelled: [Bool] = []
    /// Per slot, the key of the dossier's payment reference (for a dossier found by its code).
    private var referenceKeys: [UInt64] = []
    /// Dossier codes, back to back; slot `i` is `codeBytes[codeEnds[i - 1] ..< codeEnds[i]]`.
    private var codeBytes: [UInt8] = [], codeEnds: [Int32] = []

    /// A book for `format` that will hold the dossiers named by `references` (keys, repeats allowed) and
    /// by the compact dossier `codes`.
    init(format: PaymentReferenceFormat, references: [UInt64], codes: [String] = []) {
        keys = ReferenceKey(format: format)
        slots.reserveCapacity(references.count)
        for key in references where key & PendingCredits.codeFlag == 0 { slots[key] = -1 }
        for code in codes { codeSlots[code] = -1 }
    }

    /// Reads the named dossiers through `repository`: a scan of all dossiers when the import names at
    /// least one in `scanShare` of them, else a lookup per reference and per code.
    mutating func load(from repository: CreditRepository, scanShare: Int64 = 3) throws {
        guard !slots.isEmpty || !codeSlots.isEmpty else { return }
        ids.reserveCapacity(slots.count + codeSlots.count)
        due.reserveCapacity(slots.count + codeSlots.count)
        paid.reserveCapacity(slots.count + codeSlots.count)
        if Int64(slots.count + codeSlots.count) * scanShare >= (try repository.dossierCountEstimate()) {
            let wantsCodes = !codeSlots.isEmpty
            try repository.forEachPayable { row in
                let key = row.withReference { keys.key($0) }
                let byReference = key.map { slots[$0] == -1 } ?? false
                let code = wantsCodes ? row.withCode { MemoText.compact($0) } : nil
                let byCode = code.map { codeSlots[$0] == -1 } ?? false
                guard byReference || byCode else { return }
                add(row, key: byReference ? key : nil, code: byCode ? code : nil)
            }
        } else {
            for key in slots.keys.sorted() {
                try repository.withPayable(reference: keys.reference(key).text) { row in add(row, key: key, code: nil) }
            }
            guard !codeSlots.isEmpty else { return }
            var slotOfID = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, Int32($0.offset)) })
            for code in codeSlots.keys.sorted() {
                guard let canonical = DossierCodeScanner.canonical(compact: code) else { continue }
                try repository.withPayable(code: canonical) { row in
                    if let slot = slotOfID[row.id] {
                        codeSlots[code] = slot
                    } else {
                        slotOfID[row.id] = Int32(ids.count)
                        add(row, key: nil, code: code)
                    }
                }
            }
        }
    }

    private mutating func add(_ row: PayableRow, key: UInt64?, code: String?) {
        if let key { slots[key] = Int32(ids.count) }
        if let code { codeSlots[code] = Int32(ids.count) }
        referenceKeys.append(key ?? row.withReference { keys.key($0) } ?? 0)
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

    /// The slot of the dossier whose compact code is `code`, nil when none has it.
    func slot(code: String) -> Int? {
        guard let slot = codeSlots[code], slot >= 0 else { return nil }
        return Int(slot)
    }

    /// The row id of the dossier in `slot`.
    func id(_ slot: Int) -> Int64 { ids[slot] }

    /// The payment reference of the dossier in `slot`.
    func reference(_ slot: Int) -> PaymentReference { keys.reference(referenceKeys[slot]) }

    /// What the import has counted for the dossier in `slot` so far, plus what it had before.
    func paid(_ slot: Int) -> Int64 { paid[slot] }

    /// Counts `amount` more for the dossier in `slot`.
    mutating func add(_ amount: Money, to slot: Int) { paid[slot] += amount.dong }

    /// The dossier in `slot` as the matcher sees it with `paid` counted; its code only when `withCode`
    /// (the code appears in notes only; a dossier named by its code always has it, for the matcher's
    /// list of named dossiers).
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
