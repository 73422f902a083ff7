/// A currency code as three bytes with its exponent, looked up once per statement.
struct StaticCode: Equatable {
    let code: String
    let a: UInt8, b: UInt8, c: UInt8
    let exponent: Int

    /// The Vietnamese đồng.
    static let vnd = StaticCode(code: "VND", exponent: 0)

    private init(code: String, exponent: Int) {
        let bytes = Array(code.utf8)
        self.code = code
        (a, b, c) = (bytes[0], bytes[1], bytes[2])
        self.exponent = exponent
    }

    /// Nil unless the code is three upper-case ASCII letters.
    init?(_ code: String) {
        guard let exponent = Currency.exponent(of: code) else { return nil }
        let bytes = Array(code.utf8)
        self.code = code
        (a, b, c) = (bytes[0], bytes[1], bytes[2])
        self.exponent = exponent
    }
}
