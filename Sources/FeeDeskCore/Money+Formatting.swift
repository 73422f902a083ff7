extension Money {
    /// The amount with `.` between thousands and the đồng sign: `1.000.000 ₫`, `-75.000 ₫`, `0 ₫`.
    public var formatted: String { "\(groupedDigits) ₫" }

    /// The amount with `.` between thousands and no sign: `1.000.000`.
    public var groupedDigits: String {
        let digits = String(dong.magnitude)
        var out = dong < 0 ? "-" : ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(character)
        }
        return out
    }
}
