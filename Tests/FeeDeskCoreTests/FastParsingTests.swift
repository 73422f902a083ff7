import FeeDeskCore
import Testing

/// The byte-level fast paths of the parsers used by bulk imports give exactly what the full parsers
/// give, and leave every refusal to them.
@Suite struct FastParsingTests {
    @Test(arguments: [("75000", Int64(75_000)), ("0075000", 75_000), ("1", 1), ("9999999999999", 9_999_999_999_999), ("0000000000001", 1),
                      ("75.000", 75_000), ("1,000,000", 1_000_000), (" 75000 ", 75_000), ("75000đ", 75_000)])
    func plainAmounts(text: String, dong: Int64) throws {
        #expect(try Money(parsing: text) == Money(dong: dong))
    }

    @Test(arguments: [("0", "amount '0' must be more than 0 đồng"), ("000", "amount '000' must be more than 0 đồng"),
                      ("12345678901234", "amount '12345678901234' is larger than the maximum of 9.999.999.999.999 ₫"),
                      ("-5", "amount '-5' must be a whole number of đồng without a sign")])
    func refusedAmounts(text: String, message: String) {
        #expect(throws: CoreError(.invalid, message)) { try Money(parsing: text) }
    }

    @Test func timestampsStillSayWhatIsWrong() throws {
        #expect(try Timestamp.parse("2026-11-22T09:15:00+07:00").timeIntervalSince1970 == 1_795_313_700)
        #expect(throws: CoreError(.invalid, "time '2026-11-22 09:15' is not ISO 8601 with an offset, e.g. 2026-11-22T09:15:00+07:00")) {
            try Timestamp.parse("2026-11-22 09:15")
        }
        #expect(throws: CoreError(.invalid, "time '2026-11-22T09:15:00' is not ISO 8601 with an offset, e.g. 2026-11-22T09:15:00+07:00")) {
            try Timestamp.parse("2026-11-22T09:15:00")
        }
    }

    @Test func datesAndCodes() throws {
        #expect(try LocalDate(parsing: "2026-11-22") == LocalDate(year: 2026, month: 11, day: 22))
        #expect(throws: CoreError(.invalid, "date '2026-02-30' is not a real calendar day")) { try LocalDate(parsing: "2026-02-30") }
        #expect(throws: CoreError(.invalid, "date '2026-1-22' is not of the form YYYY-MM-DD")) { try LocalDate(parsing: "2026-1-22") }
        #expect(try DossierCode.validate("000.06.16.g09-261122-0001", policy: .strict) == "000.06.16.G09-261122-0001")
        #expect(try DossierCode.validate("000.06.16.G09-261122-000123", policy: .relaxed) == "000.06.16.G09-261122-000123")
        #expect(try DossierCode.validate(" 000.06.16.G09-261122-0001 ", policy: .strict) == "000.06.16.G09-261122-0001")
        #expect(throws: CoreError(.invalid, "dossier code '000.06.16.G09-261332-0001': 261332 is not a valid date YYMMDD")) {
            try DossierCode.validate("000.06.16.G09-261332-0001", policy: .strict)
        }
    }
}
