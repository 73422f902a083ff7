import Testing
import VietQR

@Suite("Bank directory")
struct BankDirectoryTests {
    /// The State Bank excerpt of DOMAIN.md §3.
    static let domainBanks: [(String, String)] = [
        ("970436", "Vietcombank"), ("970415", "VietinBank"), ("970418", "BIDV"), ("970405", "Agribank"),
        ("970407", "Techcombank"), ("970422", "MBBank"), ("970416", "ACB"), ("970432", "VPBank"),
        ("970403", "Sacombank"), ("970423", "TPBank"), ("970437", "HDBank"), ("970443", "SHB"),
        ("970441", "VIB"), ("970426", "MSB"), ("970440", "SeABank"), ("970448", "OCB"), ("970449", "LPBank"),
    ]

    @Test("knows every bank of the domain handbook", arguments: domainBanks)
    func domain(bin: String, shortName: String) throws {
        let bank = try #require(BankDirectory.bank(bin: bin))
        #expect(bank.shortName == shortName)
        #expect(bank.fullName.hasPrefix("Ngân hàng"))
    }

    @Test("lists each BIN once, 6 digits, with names")
    func wellFormed() {
        let bins = BankDirectory.banks.map(\.bin)
        #expect(Set(bins).count == bins.count)
        #expect(bins == bins.sorted())
        #expect(bins.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        #expect(BankDirectory.banks.allSatisfy { !$0.shortName.isEmpty && !$0.fullName.isEmpty })
        #expect(BankDirectory.banks.count >= 50)
    }

    @Test("returns nil for an unknown BIN", arguments: ["970999", "", "97043", "abcdef"])
    func unknown(bin: String) {
        #expect(BankDirectory.bank(bin: bin) == nil)
    }
}
