import BankStatements
import FeeDeskCore
import FeeDeskCrypto
import FeeDeskStore

/// Computes statement line identities (see `LineIdentity`) for one import.
///
/// The identifying text is the bank's reference when it gives one,
/// `ref|<account>|<direction>|<booking date>|<amount>|<bank reference>`, else a fingerprint,
/// `fp|<account>|<direction>|<booking date>|<amount>|<compact memo>|<n>`, where `n` counts the
/// identical fingerprints before it in this file. It is built in one reusable byte buffer and hashed
/// with SHA-256; the identity is the booking day followed by 12 bytes of the digest.
struct LineIdentityBuilder {
    private var buffer: [UInt8] = []
    private var occurrences: [LineIdentity: Int] = [:]
    private let hasher = SHA256Hasher()

    init() {
        buffer.reserveCapacity(256)
    }

    /// The identity of `line` of `account`, booked on `day`; `compactMemo` gives the memo's compact
    /// view (asked only for lines without a bank reference).
    mutating func identity(of line: StatementLine, account: String, day: LocalDate,
                           compactMemo: (inout [UInt8]) -> Void) -> LineIdentity {
        buffer.removeAll(keepingCapacity: true)
        if let reference = line.bankReference, !reference.isEmpty {
            append("ref|")
            appendBase(line, account: account)
            buffer.append(UInt8(ascii: "|"))
            append(reference)
            return LineIdentity(day: day, digest: digest())
        }
        append("fp|")
        appendBase(line, account: account)
        buffer.append(UInt8(ascii: "|"))
        compactMemo(&buffer)
        let fingerprint = LineIdentity(day: day, digest: digest())
        let position = occurrences[fingerprint, default: 0]
        occurrences[fingerprint] = position + 1
        buffer.append(UInt8(ascii: "|"))
        append(String(position))
        return LineIdentity(day: day, digest: digest())
    }

    private mutating func appendBase(_ line: StatementLine, account: String) {
        append(account)
        buffer.append(UInt8(ascii: "|"))
        append(line.direction.rawValue)
        buffer.append(UInt8(ascii: "|"))
        let date = line.bookingDate
        appendDigits(date.year, width: 4)
        buffer.append(UInt8(ascii: "-"))
        appendDigits(date.month, width: 2)
        buffer.append(UInt8(ascii: "-"))
        appendDigits(date.day, width: 2)
        buffer.append(UInt8(ascii: "|"))
        append(String(line.amount))
    }

    private mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    /// `value` in decimal, zero-padded to `width` digits.
    private mutating func appendDigits(_ value: Int, width: Int) {
        let digits = String(value).utf8
        for _ in digits.count..<max(width, digits.count) { buffer.append(UInt8(ascii: "0")) }
        buffer.append(contentsOf: digits)
    }

    private func digest() -> [UInt8] {
        buffer.withUnsafeBytes { hasher.digest($0) }
    }
}
