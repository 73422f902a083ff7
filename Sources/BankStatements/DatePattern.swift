/// A compiled date pattern such as `dd/MM/yyyy[ HH:mm:ss]`, matched directly against bytes.
///
/// Tokens: `dd`/`d` day, `MM`/`M` month, `yyyy` or `yy` year (`yy` → 20yy), `HH`/`H` hour,
/// `mm` minute, `ss` second; `[…]` is an optional part; anything else must match literally
/// (a space in the pattern matches one or more spaces).
struct DatePattern: Sendable, Hashable {
    enum Token: Sendable, Hashable {
        case day(Int), month(Int), year(Int), hour(Int), minute, second
        case literal(UInt8)
        case optional([Token])
    }

    let source: String
    let tokens: [Token]

    /// Compiles a pattern; nil when it has no day, month and year or brackets do not balance.
    init?(_ source: String) {
        let utf8 = Array(source.utf8)
        var position = 0
        guard let tokens = DatePattern.compile(utf8, &position, nested: false), position == utf8.count else { return nil }
        let flat = DatePattern.flatten(tokens)
        guard flat.contains(where: { if case .day = $0 { return true } else { return false } }),
              flat.contains(where: { if case .month = $0 { return true } else { return false } }),
              flat.contains(where: { if case .year = $0 { return true } else { return false } }) else { return nil }
        self.source = source
        self.tokens = tokens
    }

    private static func flatten(_ tokens: [Token]) -> [Token] {
        tokens.flatMap { token -> [Token] in
            if case .optional(let inner) = token { return flatten(inner) }
            return [token]
        }
    }

    private static func compile(_ utf8: [UInt8], _ position: inout Int, nested: Bool) -> [Token]? {
        var tokens: [Token] = []
        while position < utf8.count {
            let byte = utf8[position]
            if byte == UInt8(ascii: "]") {
                guard nested else { return nil }
                position += 1
                return tokens
            }
            if byte == UInt8(ascii: "[") {
                position += 1
                guard let inner = compile(utf8, &position, nested: true) else { return nil }
                tokens.append(.optional(inner))
                continue
            }
            var run = 1
            while position + run < utf8.count, utf8[position + run] == byte { run += 1 }
            switch byte {
            case UInt8(ascii: "d") where run <= 2: tokens.append(.day(run))
            case UInt8(ascii: "M") where run <= 2: tokens.append(.month(run))
            case UInt8(ascii: "y") where run == 2 || run == 4: tokens.append(.year(run))
            case UInt8(ascii: "H") where run <= 2: tokens.append(.hour(run))
            case UInt8(ascii: "m") where run == 2: tokens.append(.minute)
            case UInt8(ascii: "s") where run == 2: tokens.append(.second)
            default:
                if ByteText.isLetter(byte) { return nil }
                for _ in 0..<run { tokens.append(.literal(byte)) }
            }
            position += run
        }
        return nested ? nil : tokens
    }

    /// The components found by a match.
    struct Fields {
        var day = 0, month = 0, year = 0
        var hour: Int?, minute: Int?, second: Int?
    }

    /// Matches the whole (trimmed) range; nil when the text does not fit the pattern. The caller
    /// validates the calendar date.
    func match(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Fields? {
        var fields = Fields()
        var position = range.lowerBound
        guard DatePattern.match(tokens, bytes, &position, range.upperBound, &fields), position == range.upperBound else {
            return nil
        }
        return fields
    }

    private static func match(
        _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ end: Int, _ fields: inout Fields
    ) -> Bool {
        for token in tokens {
            switch token {
            case .literal(let byte):
                guard position < end, bytes[position] == byte else { return false }
                position += 1
                if byte == ByteText.space { while position < end, bytes[position] == ByteText.space { position += 1 } }
            case .optional(let inner):
                var trial = position
                var trialFields = fields
                if match(inner, bytes, &trial, end, &trialFields) {
                    position = trial
                    fields = trialFields
                }
            case .day(let width):
                guard let value = number(bytes, &position, end, minimum: width, maximum: 2) else { return false }
                fields.day = value
            case .month(let width):
                guard let value = number(bytes, &position, end, minimum: width, maximum: 2) else { return false }
                fields.month = value
            case .year(let width):
                guard let value = number(bytes, &position, end, minimum: width, maximum: width) else { return false }
                fields.year = width == 2 ? 2000 + value : value
            case .hour(let width):
                guard let value = number(bytes, &position, end, minimum: width, maximum: 2) else { return false }
                fields.hour = value
            case .minute:
                guard let value = number(bytes, &position, end, minimum: 2, maximum: 2) else { return false }
                fields.minute = value
            case .second:
                guard let value = number(bytes, &position, end, minimum: 2, maximum: 2) else { return false }
                fields.second = value
            }
        }
        return true
    }

    private static func number(
        _ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ end: Int, minimum: Int, maximum: Int
    ) -> Int? {
        var value = 0
        var count = 0
        while count < maximum, position < end, ByteText.isDigit(bytes[position]) {
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
            count += 1
        }
        return count >= minimum ? value : nil
    }
}
