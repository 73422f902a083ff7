/// Finds valid payment references in a memo, however the bank or the payer mangled the separators.
///
/// Every place where the prefix is followed by digits (in the compact view, separators removed) is a
/// candidate; each length from the shortest possible reference up to 19 characters is tried, and only
/// canonical references (the sequence zero-padded to exactly the configured width, or longer without
/// a leading zero) whose ISO 7064 check digits hold are kept. A typo therefore yields nothing rather
/// than a wrong dossier.
public struct ReferenceScanner: Sendable {
    /// The configured reference shape.
    public let format: PaymentReferenceFormat
    private let prefix: [UInt8]

    /// A scanner for references of `format`.
    public init(format: PaymentReferenceFormat) {
        self.format = format
        prefix = Array(format.prefix.utf8)
    }

    /// The distinct valid references in `memo`, in order of first appearance.
    public func references(in memo: MemoText) -> [PaymentReference] {
        let text = Array(memo.compact.utf8)
        var found: [PaymentReference] = []
        var seen = Set<String>()
        var index = 0
        while index + prefix.count <= text.count {
            guard text[index] == prefix[0], text[index..<index + prefix.count].elementsEqual(prefix) else {
                index += 1
                continue
            }
            let digitsStart = index + prefix.count
            var digitsEnd = digitsStart
            while digitsEnd < text.count, isDigit(text[digitsEnd]) { digitsEnd += 1 }
            if let reference = longestValid(text, prefixAt: index, digits: digitsStart..<digitsEnd), seen.insert(reference.text).inserted {
                found.append(reference)
            }
            index = max(index + 1, digitsStart)
        }
        return found
    }

    /// The valid canonical reference starting at `prefixAt` using a prefix of the digit run. When two
    /// lengths both validate (a 1-in-97 accident of the digits that follow), the shorter one wins: it
    /// is the one a payer copied; the caller still confirms it against stored dossiers.
    private func longestValid(_ text: [UInt8], prefixAt start: Int, digits: Range<Int>) -> PaymentReference? {
        let minimum = format.sequenceDigits + 2
        let maximum = min(digits.count, PaymentReference.maximumLength - prefix.count)
        guard minimum <= maximum else { return nil }
        for length in minimum...maximum {
            let sequenceLength = length - 2
            // Canonical: exactly the padded width, or longer without a leading zero.
            if sequenceLength > format.sequenceDigits && text[digits.lowerBound] == UInt8(ascii: "0") { continue }
            let candidate = String(decoding: text[start..<(digits.lowerBound + length)], as: UTF8.self)
            if let reference = try? PaymentReference(validating: candidate, format: format) { return reference }
        }
        return nil
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
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
