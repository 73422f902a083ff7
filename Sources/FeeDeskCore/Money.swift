/// An amount of Vietnamese đồng. Always a whole number: VND has no minor unit.
///
/// Arithmetic traps on overflow like `Int64`; amounts entering the system are bounded by
/// `Money.maximum`, so sums of realistic volumes stay far from the limit.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in đồng.
    public let dong: Int64

    /// The largest single amount FeeDesk accepts: 13 digits, the limit of a VietQR amount.
    public static let maximum = Money(dong: 9_999_999_999_999)
    /// No money.
    public static let zero = Money(dong: 0)

    /// An amount of `dong` đồng.
    public init(dong: Int64) {
        self.dong = dong
    }

    /// Decodes a bare JSON integer.
    public init(from decoder: any Decoder) throws {
        dong = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes as a bare JSON integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(dong)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.dong < rhs.dong }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(dong: lhs.dong + rhs.dong) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(dong: lhs.dong - rhs.dong) }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }

    /// True for an amount above zero.
    public var isPositive: Bool { dong > 0 }

    /// The amount as shown to people: `1.000.000 ₫`.
    public var description: String { formatted }
}

extension Sequence where Element == Money {
    /// The sum of the amounts.
    public func sum() -> Money { reduce(.zero, +) }
}
