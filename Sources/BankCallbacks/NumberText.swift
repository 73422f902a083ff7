/// How PHP, Python and JavaScript print a JSON number after parsing it, so that schemes that sign a
/// re-serialised body (Casso, payOS arrays) can be reproduced byte for byte.
///
/// All three start from the shortest round-trip decimal digits of the `Double` (PHP
/// `serialize_precision = -1`, Python `repr`, ECMAScript `Number::toString`); they differ only in
/// when they switch to exponent notation and how they decorate it. Swift's `Double.description` is
/// also shortest round-trip, so its digits are the common source.
enum NumberText {
    /// Shortest digits `d1d2…dn` and decimal exponent `point` with value `0.d1d2…dn × 10^point`
    /// (the `decpt` convention of David Gay's `dtoa`); zero is `("0", 1)`.
    struct Digits: Equatable {
        let negative: Bool
        let digits: String
        let point: Int
    }

    /// The shortest round-trip digits of `value` (finite).
    static func digits(_ value: Double) -> Digits {
        let negative = value.sign == .minus
        if value == 0 { return Digits(negative: negative, digits: "0", point: 1) }
        let text = String(describing: value.magnitude)
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let dot = mantissa.firstIndex(of: ".")
        let integerCount = dot.map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        var all = Array(mantissa.filter { $0 != "." })
        var point = integerCount + exponent
        while all.first == "0" { all.removeFirst(); point -= 1 }
        while all.last == "0" { all.removeLast() }
        return Digits(negative: negative, digits: String(all), point: point)
    }

    /// ECMAScript `Number::toString` (what `JSON.stringify` and template strings print); `-0` is `0`.
    static func javascript(_ value: Double) -> String {
        let d = digits(value)
        let k = d.digits.count
        let n = d.point
        let sign = d.negative && value != 0 ? "-" : ""
        let body: String
        if k <= n && n <= 21 {
            body = d.digits + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            body = String(d.digits.prefix(n)) + "." + String(d.digits.dropFirst(n))
        } else if -6 < n && n <= 0 {
            body = "0." + String(repeating: "0", count: -n) + d.digits
        } else {
            let e = n - 1
            let mantissa = k == 1 ? d.digits : String(d.digits.prefix(1)) + "." + String(d.digits.dropFirst(1))
            body = mantissa + "e" + (e < 0 ? "-" : "+") + String(e.magnitude)
        }
        return sign + body
    }

    /// Python `repr(float)`: exponent form when the point is at or below -4 or above 16, at least two
    /// exponent digits, and `.0` on integral fixed-point values.
    static func python(_ value: Double) -> String {
        let d = digits(value)
        let sign = d.negative ? "-" : ""
        let n = d.point
        if n <= -4 || n > 16 {
            let e = n - 1
            let mantissa = d.digits.count == 1 ? d.digits : String(d.digits.prefix(1)) + "." + String(d.digits.dropFirst(1))
            let exponentDigits = String(e.magnitude)
            return sign + mantissa + "e" + (e < 0 ? "-" : "+") + (exponentDigits.count < 2 ? "0" : "") + exponentDigits
        }
        return sign + fixed(d, integralSuffix: ".0")
    }

    /// PHP `json_encode(float)` with the default `serialize_precision = -1` (`php_gcvt` with
    /// precision 17): exponent form `1.0e+25` when the point is below -3 or above 17, and no `.0` on
    /// integral values (`JSON_PRESERVE_ZERO_FRACTION` is off by default).
    static func php(_ value: Double) -> String {
        let d = digits(value)
        let sign = d.negative ? "-" : ""
        let n = d.point
        if n < -3 || n > 17 {
            let e = n - 1
            let rest = d.digits.dropFirst(1)
            let mantissa = String(d.digits.prefix(1)) + "." + (rest.isEmpty ? "0" : String(rest))
            return sign + mantissa + "e" + (e < 0 ? "-" : "+") + String(e.magnitude)
        }
        return sign + fixed(d, integralSuffix: "")
    }

    /// Fixed-point text of `d` without sign; `integralSuffix` is appended when there is no fraction.
    private static func fixed(_ d: Digits, integralSuffix: String) -> String {
        let n = d.point
        if n <= 0 {
            return "0." + String(repeating: "0", count: -n) + d.digits
        }
        if d.digits.count <= n {
            return d.digits + String(repeating: "0", count: n - d.digits.count) + integralSuffix
        }
        return String(d.digits.prefix(n)) + "." + String(d.digits.dropFirst(n))
    }
}
