import Synchronization

/// Makes request ids: 16 lowercase hex digits, unique for the life of a server.
///
/// Each id is a bijective 64-bit mix (the SplitMix64 finaliser) of a random per-server key plus a
/// counter, so ids never repeat within a process and do not reveal how many requests were served.
final class RequestIDGenerator: Sendable {
    private let key: UInt64
    private let counter = Atomic<UInt64>(0)

    /// A generator keyed by `key` (random by default; fixed in tests).
    init(key: UInt64 = UInt64.random(in: .min ... .max)) {
        self.key = key
    }

    /// The next id.
    func next() -> String {
        let count = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return Self.hex16(Self.mix(key &+ count))
    }

    /// Whether an incoming `X-Request-Id` may be reused: 1–64 characters of `A–Z a–z 0–9 - _ .`.
    ///
    /// Anything else (spaces, quotes, control characters, long values) is replaced by a fresh id, so
    /// the id is always safe to write into log lines and response headers.
    static func isAcceptable(_ candidate: String) -> Bool {
        let utf8 = candidate.utf8
        guard (1...64).contains(utf8.count) else { return false }
        return utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                true
            default:
                false
            }
        }
    }

    /// The SplitMix64 output function: an invertible mix of 64 bits.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Sixteen lowercase hex digits, most significant first.
    static func hex16(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            let digits: StaticString = "0123456789abcdef"
            digits.withUTF8Buffer { table in
                for position in 0..<16 {
                    let nibble = Int((value >> (60 - 4 * UInt64(position))) & 0xF)
                    buffer[position] = table[nibble]
                }
            }
            return 16
        }
    }
}
