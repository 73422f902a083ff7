/// A small seeded generator (SplitMix64) so property tests see the same inputs on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SplitMix64 {
    /// Characters a payment memo or payload may hold: printable ASCII plus Vietnamese letters, so the
    /// 8-bit path carries multi-byte UTF-8.
    static let textAlphabet: [Character] = Array(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
            + "ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    )

    /// A random non-empty text of `1...maxLength` characters from ``textAlphabet``.
    mutating func text(maxLength: Int) -> String {
        let length = Int.random(in: 1...maxLength, using: &self)
        return String((0..<length).map { _ in Self.textAlphabet.randomElement(using: &self) ?? "?" })
    }
}
