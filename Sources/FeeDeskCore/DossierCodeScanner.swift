/// Finds dossier codes of the Circular 01/2018 shape (`000.06.16.G09-261122-0001`) typed into a memo
/// with separators dropped or changed and in any case (`0000616g09 2611220001`).
///
/// Citizens often copy the dossier code from their receipt slip instead of the payment reference.
/// The scan runs over the memo's compact view (A–Z and 0–9 only, upper case; see ``MemoText``), where
/// such a code is 7 digits, a letter, 2 digits (the unit code), 6 digits (YYMMDD) and a sequence of
/// 4 to 6 digits: 20 to 22 characters. It is anchored on the unit code's letter, so it costs one pass
/// over the memo and allocates nothing unless a code-shaped run is found. When digits follow the
/// sequence (a phone number glued to it), every sequence length 4–6 is offered: only the ones that name
/// a stored dossier matter, and the caller looks them up in a table keyed by the compact code
/// (``compactKey(_:)``) or by the code itself (``canonical(compact:)``).
///
/// A dossier code carries no check digits, so a code match is weaker than a payment reference: the
/// matcher applies it automatically only when the amount is exactly what the dossier still owes.
public struct DossierCodeScanner: Sendable {
    /// Shortest and longest compact code (10-character unit code, 6-digit date, 4–6-digit sequence).
    public static let minimumLength = 20
    public static let maximumLength = 22

    /// A scanner for the strict dossier code shape.
    public init() {}

    /// Calls `body` with the bytes of every code-shaped run in `compact` (a memo's compact view), in
    /// order, the longest reading first at each place (the bytes are valid only inside `body`).
    public func forEachCode(inCompact compact: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        let count = compact.count
        guard count >= Self.minimumLength else { return }
        var digitsBefore = 0
        var index = 0
        while index < count {
            let byte = compact[index]
            if Self.isDigit(byte) {
                digitsBefore += 1
                index += 1
                continue
            }
            // A letter: the fourth part of a unit code when 7 digits precede it and 12 digits follow.
            if digitsBefore >= 7, index + 13 <= count, let after = Self.digitRun(compact, from: index + 1, atMost: 14), after >= 12,
               Self.plausibleDate(compact, at: index + 3) {
                let start = index - 7
                for sequence in stride(from: min(after - 8, 6), through: 4, by: -1) {
                    try body(UnsafeBufferPointer(rebasing: compact[start..<(index + 9 + sequence)]))
                }
            }
            digitsBefore = 0
            index += 1
        }
    }

    /// The distinct compact codes in `memo`, in order.
    public func codes(in memo: MemoText) -> [String] {
        memo.withCompactUTF8 { codes(inCompact: $0) }
    }

    /// The distinct compact codes in `compact`, in order.
    public func codes(inCompact compact: UnsafeBufferPointer<UInt8>) -> [String] {
        var found: [String] = []
        forEachCode(inCompact: compact) { bytes in
            let code = String(decoding: bytes, as: UTF8.self)
            if !found.contains(code) { found.append(code) }
        }
        return found
    }

    /// The key of a stored dossier code: its letters and digits, upper case, nothing else
    /// (`000.06.16.G09-261122-0001` → `0000616G092611220001`).
    public static func compactKey(_ code: String) -> String {
        MemoText(code).compact
    }

    /// The strict dossier code a compact code stands for (`0000616G092611220001` →
    /// `000.06.16.G09-261122-0001`), nil when it is not of the strict shape.
    public static func canonical(compact: String) -> String? {
        let bytes = Array(compact.utf8)
        guard (minimumLength...maximumLength).contains(bytes.count), bytes[0..<7].allSatisfy(isDigit),
              bytes[7] &- UInt8(ascii: "A") < 26, bytes[8...].allSatisfy(isDigit) else { return nil }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        return "\(text(0..<3)).\(text(3..<5)).\(text(5..<7)).\(text(7..<10))-\(text(10..<16))-\(text(16..<bytes.count))"
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// The number of digits from `start`, counting at most `limit`; nil when there is not one.
    @inline(__always)
    private static func digitRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int, atMost limit: Int) -> Int? {
        var end = start
        while end < text.count, end - start < limit, isDigit(text[end]) { end += 1 }
        return end > start ? end - start : nil
    }

    /// True when the six digits at `start` read as YYMMDD with a month 01–12 and a day 01–31.
    @inline(__always)
    private static func plausibleDate(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let month = Int(text[start + 2] - 48) * 10 + Int(text[start + 3] - 48)
        let day = Int(text[start + 4] - 48) * 10 + Int(text[start + 5] - 48)
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
