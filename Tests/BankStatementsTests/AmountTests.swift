import Foundation
import Testing
@testable import BankStatements

func amount(_ text: String, _ style: AmountStyle, _ currency: String = "VND") -> AmountOutcome {
    guard let code = StaticCode(currency) else { return .failure(.empty) }
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { AmountParser.parse($0, 0..<$0.count, style: style, currency: code) }
}

@Suite("Amounts")
struct AmountTests {
    @Test(arguments: [
        ("1.000.000", AmountStyle.dotThousands, "VND", AmountOutcome.success(1_000_000)),
        ("1.000.000,00", .dotThousands, "VND", .success(1_000_000)),
        ("1000000", .dotThousands, "VND", .success(1_000_000)),
        ("12,5", .dotThousands, "VND", .failure(.fraction(digits: 1))),
        ("1.00.000", .dotThousands, "VND", .failure(.misplacedSeparator)),
        ("1,000,000", .commaThousands, "VND", .success(1_000_000)),
        ("1,000,000.00", .commaThousands, "VND", .success(1_000_000)),
        ("-30,000 VND", .commaThousands, "VND", .success(-30_000)),
        ("75.000 ₫", .dotThousands, "VND", .success(75_000)),
        ("75.000đ", .dotThousands, "VND", .success(75_000)),
        ("75.000 VNĐ", .dotThousands, "VND", .success(75_000)),
        ("1000000", .plain, "VND", .success(1_000_000)),
        ("1,000", .plain, "VND", .failure(.fraction(digits: 3))),
        ("1.000", .auto, "VND", .success(1000)),
        ("1,000,000", .auto, "VND", .success(1_000_000)),
        ("1.000.000,00", .auto, "VND", .success(1_000_000)),
        ("1,234.56", .auto, "USD", .success(123_456)),
        ("12,50", .auto, "USD", .success(1250)),
        ("1.0000", .auto, "VND", .failure(.ambiguous)),
        ("300,", .swift, "EUR", .success(30_000)),
        ("0,5", .swift, "EUR", .success(50)),
        ("1234,56", .swift, "EUR", .success(123_456)),
        ("1234.56", .iso, "USD", .success(123_456)),
        ("1234.567", .iso, "USD", .failure(.fraction(digits: 3))),
        ("1.500", .iso, "KWD", .success(1500)),
        ("12a", .plain, "VND", .failure(.notANumber("a"))),
        ("", .plain, "VND", .failure(.empty)),
        ("99999999999999999999", .plain, "VND", .failure(.tooLarge)),
        ("100", .iso, "JPY", .success(100)),
    ])
    func parses(_ text: String, _ style: AmountStyle, _ currency: String, _ expected: AmountOutcome) {
        #expect(amount(text, style, currency) == expected)
    }

    @Test func roundTripThroughFormatting() {
        var generator = SplitMix64(state: 2026)
        for _ in 0..<2000 {
            let value = Int64(generator.next() % 1_000_000_000_000)
            var digits = Array(String(value))
            var grouped = ""
            while digits.count > 3 {
                grouped = "." + String(digits.suffix(3)) + grouped
                digits.removeLast(3)
            }
            grouped = String(digits) + grouped
            #expect(amount(grouped, .dotThousands) == .success(value))
            #expect(amount(grouped.replacingOccurrences(of: ".", with: ","), .commaThousands) == .success(value))
            #expect(amount(grouped, .auto) == .success(value))
            #expect(Currency.format(minorUnits: value, currency: "VND") == grouped + " ₫")
        }
    }

    @Test func currencyExponents() {
        #expect(Currency.exponent(of: "VND") == 0)
        #expect(Currency.exponent(of: "JPY") == 0)
        #expect(Currency.exponent(of: "USD") == 2)
        #expect(Currency.exponent(of: "EUR") == 2)
        #expect(Currency.exponent(of: "KWD") == 3)
        #expect(Currency.exponent(of: "usd") == nil)
        #expect(Currency.format(minorUnits: -123_456, currency: "USD") == "-1.234,56 USD")
    }
}

@Suite("Balance check")
struct BalanceCheckTests {
    @Test func mismatchIsDescribed() throws {
        let text = ":20:X\n:25:0071001234567\n:60F:C261121VND1000000,\n:61:261122C500000,NTRFNONREF\n:61:261122D200000,NTRFNONREF\n:62F:C261122VND1250000,\n"
        let statement = try #require(try parse(text).statements.first)
        #expect(statement.checkBalance() == .unbalanced(
            expectedClosing: 1_300_000, actualClosing: 1_250_000,
            description: "statement of account 0071001234567: opening 1.000.000 ₫ + credits 500.000 ₫ − debits 200.000 ₫ = 1.300.000 ₫, but the closing balance is 1.250.000 ₫ (difference -50.000 ₫)"))
    }

    @Test func missingBalancesAreNotCheckable() {
        let check = BalanceCheck.check(opening: nil, totals: StatementTotals(), closing: nil, account: "1")
        #expect(check == .notCheckable("statement of account 1 has no opening balance"))
    }
}
