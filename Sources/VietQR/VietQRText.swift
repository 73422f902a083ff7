import Foundation

/// Folding of Vietnamese (and other Latin) text to the printable ASCII that VietQR text fields need.
///
/// Diacritics are removed (`Thanh toán lệ phí` → `Thanh toan le phi`), `đ`/`Đ` become `d`/`D`,
/// decomposed input (letter + combining marks) folds the same as precomposed input, and a
/// no-break space becomes a space. Any other character outside printable ASCII (U+0020–U+007E),
/// such as `€`, `ß` or a line break, has no ASCII form and is refused.
public enum VietQRText {
    /// The ASCII form of `text`, or nil when some character has no ASCII form.
    public static func asciiFolded(_ text: String) -> String? {
        switch fold(text) {
        case .success(let folded): folded
        case .failure: nil
        }
    }

    /// Folds `text` for the request field `field`, trims spaces, and returns nil when nothing is left.
    static func foldedField(_ text: String?, field: String) throws(VietQRError) -> String? {
        guard let text else { return nil }
        switch fold(text) {
        case .success(let folded):
            let trimmed = trimSpaces(folded)
            return trimmed.isEmpty ? nil : trimmed
        case .failure(let offender):
            let hex = String(offender.scalar.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            let isControl = offender.scalar.properties.generalCategory == .control
            let shown = isControl ? code : "'\(offender.scalar)' (\(code))"
            throw VietQRError.request(
                field, "\(field) contains \(shown) at position \(offender.position), which has no ASCII form")
        }
    }

    struct Offender: Error {
        let scalar: Unicode.Scalar
        let position: Int
    }

    static func fold(_ text: String) -> Result<String, Offender> {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return .success(text)
        }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var position = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (0x300...0x36F).contains(value) {
                continue  // combining mark of a decomposed letter
            }
            position += 1
            if value >= 0x20, value < 0x7F {
                out.append(UInt8(value))
            } else if let base = asciiBase(of: value) {
                out.append(base)
            } else {
                return .failure(Offender(scalar: scalar, position: position))
            }
        }
        return .success(String(decoding: out, as: UTF8.self))
    }

    private static func asciiBase(of value: UInt32) -> UInt8? {
        let base: UInt8
        switch value {
        case 0xA0: return UInt8(ascii: " ")
        case 0xC0...0x24F: base = latin[Int(value - 0xC0)]
        case 0x1E00...0x1EFF: base = latinExtendedAdditional[Int(value - 0x1E00)]
        default: return nil
        }
        return base == 0 ? nil : base
    }

    private static func trimSpaces(_ text: String) -> String {
        let space = UInt8(ascii: " ")
        guard text.utf8.first == space || text.utf8.last == space else { return text }
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { $0 != space }),
              let last = bytes.lastIndex(where: { $0 != space })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// ASCII base letters for U+00C0–U+024F (0 where there is none), from canonical decomposition.
    private static let latin: [UInt8] = baseLetters(0xC0...0x24F)
    /// ASCII base letters for U+1E00–U+1EFF, where most Vietnamese tone-marked vowels live.
    private static let latinExtendedAdditional: [UInt8] = baseLetters(0x1E00...0x1EFF)

    private static func baseLetters(_ range: ClosedRange<UInt32>) -> [UInt8] {
        range.map { value in
            switch value {
            case 0x110: return UInt8(ascii: "D")  // Đ has no decomposition
            case 0x111: return UInt8(ascii: "d")  // đ
            default: break
            }
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            guard parts.count > 1, let first = parts.first, first.isASCII, first.properties.isAlphabetic,
                  parts.dropFirst().allSatisfy({ (0x300...0x36F).contains($0.value) })
            else { return 0 }
            return UInt8(first.value)
        }
    }
}
