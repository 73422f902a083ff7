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

/// The dossiers an import's credits may name, by payment reference or by dossier code, as the matcher
/// sees them, with what the import has counted for each so far.
///
/// Filled either with every dossier (one pass over the dossier table: for an import that names a
/// large share of them, see `DossierScan`) or with the named ones only (one indexed lookup per
/// reference and per code). Either way a dossier has one slot, however it is named, and a name the
/// book does not hold names no dossier. Per dossier the book keeps five numbers and its code's bytes,
/// found by binary search over reference keys and code hashes: no object per dossier, so a million
/// dossiers take about 70 MB.
struct DossierBook {
    let keys: ReferenceKey
    /// The reference keys and compact codes to look up, for a book of named dossiers only.
    private var namedKeys: [UInt64] = [], namedCodes: [String] = []
    private var ids: [Int64] = [], due: [Int64] = [], paid: [Int64] = [], cancelled: [Bool] = []
    /// Per slot, the key of the dossier's payment reference (`noKey` when it is not canonical).
    private var referenceKeys: [UInt64] = []
    /// Dossier codes as stored, back to back; slot `i` is `codeBytes[codeEnds[i - 1] ..< codeEnds[i]]`.
    private var codeBytes: [UInt8] = [], codeEnds: [Int32] = []
    /// Slots in reference-key order; empty when the slots are in that order already (the usual case:
    /// references are given out in registration order).
    private var byKey: [Int32] = []
    /// Per slot, the hash of its compact code in the high 32 bits and the slot in the low ones, sorted.
    private var byCode: [UInt64] = []
    private static let noKey = UInt64.max

    /// An empty book for `format`, to hold the dossiers named by `references` (keys, repeats allowed;
    /// keys flagged as codes are skipped) and by the compact dossier `codes`.
    init(format: PaymentReferenceFormat, references: [UInt64] = [], codes: [String] = []) {
        keys = ReferenceKey(format: format)
        namedKeys = Array(Set(references.lazy.filter { $0 & PendingCredits.codeFlag == 0 })).sorted()
        namedCodes = Array(Set(codes)).sorted()
    }

    /// A book of every dossier, read through `repository` in one pass.
    static func everyDossier(format: PaymentReferenceFormat, from repository: CreditRepository) throws -> DossierBook {
        var book = DossierBook(format: format)
        try book.addEveryDossier(from: repository)
        return book
    }

    /// Reads the named dossiers through `repository`: a pass over all dossiers when the import names at
    /// least one in `scanShare` of them, else a lookup per reference and per code.
    mutating func load(from repository: CreditRepository, scanShare: Int64 = 3) throws {
        defer { namedKeys = []; namedCodes = [] }
        let named = Int64(namedKeys.count + namedCodes.count)
        guard named > 0 else { return }
        if named * scanShare >= (try repository.dossierCountEstimate()) { return try addEveryDossier(from: repository) }
        var known = Set<Int64>()
        for key in namedKeys {
            try repository.withPayable(reference: keys.reference(key).text) { row in if known.insert(row.id).inserted { add(row) } }
        }
        for code in namedCodes {
            guard let canonical = DossierCodeScanner.canonical(compact: code) else { continue }
            try repository.withPayable(code: canonical) { row in if known.insert(row.id).inserted { add(row) } }
        }
        index()
    }

    private mutating func addEveryDossier(from repository: CreditRepository) throws {
        // Room for every dossier at once: an array that doubles holds its old and new copies for a moment.
        let size = try repository.dossierTableSize()
        ids.reserveCapacity(size.dossiers)
        due.reserveCapacity(size.dossiers)
        paid.reserveCapacity(size.dossiers)
        cancelled.reserveCapacity(size.dossiers)
        referenceKeys.reserveCapacity(size.dossiers)
        codeEnds.reserveCapacity(size.dossiers)
        codeBytes.reserveCapacity(size.codeBytes)
        try repository.forEachPayable { add($0) }
        index()
    }

    private mutating func add(_ row: PayableRow) {
        referenceKeys.append(row.withReference { keys.key($0) } ?? Self.noKey)
        ids.append(row.id)
        due.append(row.amountDue.dong)
        paid.append(row.paid.dong)
        cancelled.append(row.cancelled)
        row.withCode { codeBytes.append(contentsOf: $0) }
        codeEnds.append(Int32(codeBytes.count))
    }

    /// Orders the slots by key (when they are not already) and by code hash, once every dossier is in.
    private mutating func index() {
        if !zip(referenceKeys, referenceKeys.dropFirst()).allSatisfy({ $0 <= $1 }) {
            byKey = (0..<Int32(referenceKeys.count)).sorted { referenceKeys[Int($0)] < referenceKeys[Int($1)] }
        }
        byCode = (0..<codeEnds.count).map { slot in UInt64(withCode(slot) { Self.hash($0) }) << 32 | UInt64(slot) }
        byCode.sort()
    }

    /// FNV-1a over the compact form of `code` (A–Z and 0–9, upper case).
    private static func hash(_ code: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in code {
            let folded = MemoText.compactByte(byte)
            guard folded != 0 else { continue }
            hash = (hash ^ UInt32(folded)) &* 0x0100_0193
        }
        return hash
    }

    private func withCode<Result>(_ slot: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = slot == 0 ? 0 : Int(codeEnds[slot - 1])
        return codeBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<Int(codeEnds[slot])])) }
    }

    /// The slot of the dossier with reference `key`, nil when none has it.
    func slot(_ key: UInt64) -> Int? {
        guard key != Self.noKey else { return nil }
        var low = 0, high = referenceKeys.count
        while low < high {
            let middle = (low + high) / 2
            let slot = byKey.isEmpty ? middle : Int(byKey[middle])
            if referenceKeys[slot] < key { low = middle + 1 } else { high = middle }
        }
        guard low < referenceKeys.count else { return nil }
        let slot = byKey.isEmpty ? low : Int(byKey[low])
        return referenceKeys[slot] == key ? slot : nil
    }

    /// The slot of the dossier whose compact code is `code`, nil when none has it.
    func slot(code: String) -> Int? {
        var code = code
        return code.withUTF8 { wanted in
            let hash = UInt64(Self.hash(wanted)) << 32
            var low = 0, high = byCode.count
            while low < high {
                let middle = (low + high) / 2
                if byCode[middle] < hash { low = middle + 1 } else { high = middle }
            }
            while low < byCode.count, byCode[low] & 0xFFFF_FFFF_0000_0000 == hash {
                let slot = Int(byCode[low] & 0xFFFF_FFFF)
                if withCode(slot, { $0.lazy.map(MemoText.compactByte).filter { $0 != 0 }.elementsEqual(wanted) }) { return slot }
                low += 1
            }
            return nil
        }
    }

    /// The row id of the dossier in `slot`.
    func id(_ slot: Int) -> Int64 { ids[slot] }

    /// The payment reference of the dossier in `slot`.
    func reference(_ slot: Int) -> PaymentReference { keys.reference(referenceKeys[slot]) }

    /// What the import has counted for the dossier in `slot` so far, plus what it had before.
    func paid(_ slot: Int) -> Int64 { paid[slot] }

    /// Counts `amount` more for the dossier in `slot`.
    mutating func add(_ amount: Money, to slot: Int) { paid[slot] += amount.dong }

    /// Counts `amount` less for the dossier with row id `id`, if the book holds it: for the rare
    /// allocation reversed after the book was read (a linear search).
    mutating func subtract(_ amount: Money, fromDossier id: Int64) {
        guard let slot = ids.firstIndex(of: id) else { return }
        paid[slot] -= amount.dong
    }

    /// The dossier in `slot` as the matcher sees it with `paid` counted; its code only when `withCode`
    /// (the code appears in notes only; a dossier named by its code always has it, for the matcher's
    /// list of named dossiers).
    func dossier(_ slot: Int, reference: PaymentReference, paid: Int64, withCode: Bool) -> PayableDossier {
        let code = withCode ? self.withCode(slot) { String(decoding: $0, as: UTF8.self) } : ""
        return PayableDossier(id: ids[slot], code: code, reference: reference, amountDue: Money(dong: due[slot]),
                              paid: Money(dong: paid), cancelled: cancelled[slot])
    }
}
