/// Finds valid payment references in a memo, however the bank or the payer mangled the separators.
///
/// Every place where the prefix is followed by digits (in the compact view, separators removed) is a
/// candidate; each length from the shortest possible reference up to 19 characters is tried, and only
/// canonical references (the sequence zero-padded to exactly the configured width, or longer without
/// a leading zero) whose ISO 7064 check digits hold are kept. A typo therefore yields nothing rather
/// than a wrong dossier.
///
/// The scan runs over the compact view's bytes: the check digits are computed incrementally while the
/// candidate grows, and a `String` is made only for a reference that validates.
public struct ReferenceScanner: Sendable {
    /// The configured reference shape.
    public let format: PaymentReferenceFormat
    private let prefix: [UInt8]
    /// MOD 97 of the prefix letters (A=10 … Z=35), where every candidate's remainder starts.
    private let prefixRemainder: Int

    /// A scanner for references of `format`.
    public init(format: PaymentReferenceFormat) {
        self.format = format
        prefix = Array(format.prefix.utf8)
        prefixRemainder = Mod97.remainder(of: format.prefix)
    }

    /// The distinct valid references in `memo`, in order of first appearance.
    public func references(in memo: MemoText) -> [PaymentReference] {
        memo.withCompactUTF8 { references(inCompact: $0) }
    }

    /// The distinct valid references in `compact`, the bytes of a memo's compact view (see
    /// ``MemoText/withCompactUTF8(_:)``), in order of first appearance.
    public func references(inCompact compact: UnsafeBufferPointer<UInt8>) -> [PaymentReference] {
        var found: [PaymentReference] = []
        forEachReference(inCompact: compact) { bytes in
            let reference = PaymentReference(validated: bytes)
            if !found.contains(reference) { found.append(reference) }
        }
        return found
    }

    /// Calls `body` with the bytes of every valid reference in `compact`, in order, repeats included:
    /// the allocation-free form of ``references(inCompact:)`` (the bytes are valid only inside `body`).
    public func forEachReference(inCompact compact: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try prefix.withUnsafeBufferPointer { prefix in
            let count = compact.count, prefixCount = prefix.count
            guard prefixCount > 0 else { return }
            var index = 0
            while index + prefixCount <= count {
                guard compact[index] == prefix[0], ReferenceScanner.matches(prefix, in: compact, at: index) else {
                    index += 1
                    continue
                }
                let digitsStart = index + prefixCount
                var digitsEnd = digitsStart
                while digitsEnd < count, compact[digitsEnd] &- UInt8(ascii: "0") < 10 { digitsEnd += 1 }
                if let length = shortestValid(compact, prefixAt: index, digits: digitsStart..<digitsEnd) {
                    try body(UnsafeBufferPointer(rebasing: compact[index..<(digitsStart + length)]))
                }
                index = max(index + 1, digitsStart)
            }
        }
    }

    /// The number of digits of the valid canonical reference starting at `prefixAt`, using a prefix of
    /// the digit run. When two lengths both validate (a 1-in-97 accident of the digits that follow), the
    /// shorter one wins: it is the one a payer copied; the caller still confirms it against stored dossiers.
    private func shortestValid(_ text: UnsafeBufferPointer<UInt8>, prefixAt start: Int, digits: Range<Int>) -> Int? {
        let minimum = format.sequenceDigits + 2
        let maximum = min(digits.count, PaymentReference.maximumLength - prefix.count)
        guard minimum <= maximum else { return nil }
        // Canonical: exactly the padded width, or longer without a leading zero.
        let last = text[digits.lowerBound] == UInt8(ascii: "0") ? minimum : maximum
        var remainder = prefixRemainder
        for length in 1...last {
            remainder = (remainder * 10 + Int(text[digits.lowerBound + length - 1] &- UInt8(ascii: "0"))) % 97
            if length >= minimum, remainder == 1 { return length }
        }
        return nil
    }

    @inline(__always)
    private static func matches(_ prefix: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        for offset in 1..<prefix.count where text[index + offset] != prefix[offset] { return false }
        return true
    }
}

extension ReferenceScanner {
    /// Valid references one typo away (one digit changed, or two neighbours swapped) from a
    /// reference-shaped run in `memo` that fails its check digits: what the payer probably meant.
    /// For review suggestions only; never for automatic matching.
    public func nearMisses(in memo: MemoText) -> [PaymentReference] {
        let text = Array(memo.compact.utf8)
        let prefix = Array(format.prefix.utf8)
        let length = prefix.count + format.sequenceDigits + 2
        guard text.count >= length else { return [] }
        var found: [PaymentReference] = []
        var seen = Set<String>()
        for start in 0...(text.count - length) where text[start..<start + prefix.count].elementsEqual(prefix) {
            let candidate = Array(text[start..<start + length])
            guard candidate[prefix.count...].allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  (try? PaymentReference(validating: String(decoding: candidate, as: UTF8.self), format: format)) == nil else { continue }
            for variant in ReferenceScanner.variants(of: candidate, from: prefix.count) {
                let text = String(decoding: variant, as: UTF8.self)
                if !seen.contains(text), let reference = try? PaymentReference(validating: text, format: format) {
                    seen.insert(text)
                    found.append(reference)
                }
            }
        }
        return found
    }

    private static func variants(of digits: [UInt8], from start: Int) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for position in start..<digits.count {
            for digit in UInt8(48)...UInt8(57) where digit != digits[position] {
                var changed = digits
                changed[position] = digit
                out.append(changed)
            }
            if position + 1 < digits.count, digits[position] != digits[position + 1] {
                var swapped = digits
                swapped.swapAt(position, position + 1)
                out.append(swapped)
            }
        }
        return out
    }
}
