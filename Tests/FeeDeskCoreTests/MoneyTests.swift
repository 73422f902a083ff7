import FeeDeskCore
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        (Int64(0), "0 ₫"), (5, "5 ₫"), (999, "999 ₫"), (1_000, "1.000 ₫"), (75_000, "75.000 ₫"),
        (1_000_000, "1.000.000 ₫"), (594_462_000, "594.462.000 ₫"), (-75_000, "-75.000 ₫"),
        (9_999_999_999_999, "9.999.999.999.999 ₫"),
    ])
    func formats(dong: Int64, expected: String) {
        #expect(Money(dong: dong).formatted == expected)
        #expect(Money(dong: dong).description == expected)
    }

    @Test(arguments: [
        ("1000000", AmountStyle.auto, Int64(1_000_000)), ("1.000.000", .auto, 1_000_000), ("1,000,000", .auto, 1_000_000),
        ("75.000", .auto, 75_000), ("75,000", .auto, 75_000), ("1.000", .auto, 1_000), (" 180000 ", .auto, 180_000),
        ("75.000 ₫", .auto, 75_000), ("75.000đ", .auto, 75_000), ("75000 VND", .auto, 75_000), ("1.000.000,00", .auto, 1_000_000),
        ("1,000,000.00", .auto, 1_000_000), ("300,00", .dotThousands, 300),
        ("1.000", .dotThousands, 1_000), ("1,000", .commaThousands, 1_000), ("42", .plain, 42),
        ("9999999999999", .plain, 9_999_999_999_999),
    ])
    func parsesBankForms(text: String, style: AmountStyle, expected: Int64) throws {
        #expect(try Money(parsing: text, style: style) == Money(dong: expected))
    }

    @Test(arguments: [
        ("", AmountStyle.auto, "amount is empty"),
        ("0", .auto, "amount '0' must be more than 0 đồng"),
        ("-5", .auto, "amount '-5' must be a whole number of đồng without a sign"),
        ("+5", .auto, "amount '+5' must be a whole number of đồng without a sign"),
        ("1.5", .auto, "amount '1.5' is not a whole number of đồng"),
        ("12,5", .auto, "amount '12,5' is not a whole number of đồng"),
        ("1.000,50", .auto, "amount '1.000,50' is not a whole number of đồng"),
        ("12a", .auto, "amount '12a' is not a number"),
        ("abc", .auto, "amount 'abc' is not a number"),
        ("1.00.000", .auto, "amount '1.00.000' is not a number in the form 1.000.000, 1,000,000 or 1000000"),
        ("1.000", .plain, "amount '1.000' is not a number in the form 1.000.000, 1,000,000 or 1000000"),
        ("10000000000000", .auto, "amount '10000000000000' is larger than the maximum of 9.999.999.999.999 ₫"),
        ("99999999999999999999999", .auto, "amount '99999999999999999999999' is larger than the maximum of 9.999.999.999.999 ₫"),
    ])
    func rejects(text: String, style: AmountStyle, message: String) {
        #expect(throws: CoreError(.invalid, message)) { try Money(parsing: text, style: style) }
    }

    @Test func formatParseRoundTrip() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let amount = Money(dong: Int64(generator.next() % 9_999_999_999_999) + 1)
            #expect(try Money(parsing: amount.formatted) == amount)
            #expect(try Money(parsing: amount.groupedDigits, style: .dotThousands) == amount)
            #expect(try Money(parsing: String(amount.dong), style: .plain) == amount)
        }
    }

    @Test func arithmeticAndSum() {
        let amounts = [Money(dong: 2_000), Money(dong: 8_000), Money(dong: 65_000)]
        #expect(amounts.sum() == Money(dong: 75_000))
        #expect(Money(dong: 75_000) - Money(dong: 80_000) == Money(dong: -5_000))
        #expect(Money(dong: 1) < Money(dong: 2))
    }
}
