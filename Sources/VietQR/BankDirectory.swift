/// BIN → bank names for the banks of DOMAIN.md §3 and other banks on NAPAS 24/7.
///
/// Only BINs confirmed by at least one public source are listed: the State Bank issuer-BIN table as
/// kept in subiz/vietqr `bank.csv`, neopayvn/neopay-library `defined/bank.js`,
/// quangND1998/core-ledger `pkg/constants/bank.go` and duymainek/vietqr_gen `lib/src/bank.dart`.
/// BINs that public lists disagree on (e-wallets such as VNPT Money / Viettel Money) are left out.
/// An unknown BIN is not an error: decoding reports it as a warning.
public enum BankDirectory {
    /// Every known bank, in BIN order.
    public static let banks: [BankInfo] = entries.map { BankInfo(bin: $0.0, shortName: $0.1, fullName: $0.2) }

    /// The bank for `bin`, or nil when the BIN is not in the directory.
    public static func bank(bin: String) -> BankInfo? {
        byBIN[bin]
    }

    private static let byBIN: [String: BankInfo] = Dictionary(
        banks.map { ($0.bin, $0) }, uniquingKeysWith: { first, _ in first })

    // BIN, short name, full name.
    private static let entries: [(String, String, String)] = [
        ("422589", "CIMB", "Ngân hàng TNHH MTV CIMB Việt Nam"),  // core-ledger; vietqr.io list
        ("458761", "HSBC", "Ngân hàng TNHH MTV HSBC (Việt Nam)"),  // core-ledger
        ("533948", "Citibank", "Ngân hàng Citibank Việt Nam"),  // core-ledger
        ("546034", "CAKE", "Ngân hàng số CAKE by VPBank"),  // core-ledger
        ("546035", "Ubank", "Ngân hàng số Ubank by VPBank"),  // core-ledger
        ("668888", "KBank", "Ngân hàng Đại chúng TNHH Kasikornbank - Chi nhánh TP. Hồ Chí Minh"),  // core-ledger
        ("796500", "DBS", "Ngân hàng DBS - Chi nhánh TP. Hồ Chí Minh"),  // core-ledger
        ("801011", "Nonghyup", "Ngân hàng Nonghyup - Chi nhánh Hà Nội"),  // core-ledger
        ("963369", "Liobank", "Ngân hàng số Liobank by OCB"),  // core-ledger
        ("963388", "Timo", "Ngân hàng số Timo by Ban Viet Bank"),  // core-ledger
        ("963399", "UMEE", "Ngân hàng số UMEE by Kienlongbank"),  // core-ledger
        ("970400", "SaigonBank", "Ngân hàng TMCP Sài Gòn Công Thương"),
        ("970403", "Sacombank", "Ngân hàng TMCP Sài Gòn Thương Tín"),
        ("970405", "Agribank", "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam"),
        ("970406", "DongA Bank", "Ngân hàng TMCP Đông Á"),
        ("970407", "Techcombank", "Ngân hàng TMCP Kỹ Thương Việt Nam"),
        ("970408", "GPBank", "Ngân hàng Thương mại TNHH MTV Dầu Khí Toàn Cầu"),
        ("970409", "BacABank", "Ngân hàng TMCP Bắc Á"),
        ("970410", "Standard Chartered", "Ngân hàng TNHH MTV Standard Chartered Bank Việt Nam"),
        ("970412", "PVcomBank", "Ngân hàng TMCP Đại Chúng Việt Nam"),
        ("970414", "OceanBank", "Ngân hàng Thương mại TNHH MTV Đại Dương"),
        ("970415", "VietinBank", "Ngân hàng TMCP Công Thương Việt Nam"),
        ("970416", "ACB", "Ngân hàng TMCP Á Châu"),
        ("970418", "BIDV", "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam"),
        ("970419", "NCB", "Ngân hàng TMCP Quốc Dân"),
        ("970421", "VRB", "Ngân hàng Liên doanh Việt - Nga"),
        ("970422", "MBBank", "Ngân hàng TMCP Quân Đội"),
        ("970423", "TPBank", "Ngân hàng TMCP Tiên Phong"),
        ("970424", "Shinhan Bank", "Ngân hàng TNHH MTV Shinhan Việt Nam"),
        ("970425", "ABBANK", "Ngân hàng TMCP An Bình"),
        ("970426", "MSB", "Ngân hàng TMCP Hàng Hải Việt Nam"),
        ("970427", "VietABank", "Ngân hàng TMCP Việt Á"),
        ("970428", "Nam A Bank", "Ngân hàng TMCP Nam Á"),
        ("970429", "SCB", "Ngân hàng TMCP Sài Gòn"),
        ("970430", "PGBank", "Ngân hàng TMCP Xăng dầu Petrolimex"),
        ("970431", "Eximbank", "Ngân hàng TMCP Xuất Nhập khẩu Việt Nam"),
        ("970432", "VPBank", "Ngân hàng TMCP Việt Nam Thịnh Vượng"),
        ("970433", "VietBank", "Ngân hàng TMCP Việt Nam Thương Tín"),
        ("970434", "Indovina Bank", "Ngân hàng TNHH Indovina"),
        ("970436", "Vietcombank", "Ngân hàng TMCP Ngoại Thương Việt Nam"),
        ("970437", "HDBank", "Ngân hàng TMCP Phát triển Thành phố Hồ Chí Minh"),
        ("970438", "BaoViet Bank", "Ngân hàng TMCP Bảo Việt"),
        ("970439", "Public Bank", "Ngân hàng TNHH MTV Public Việt Nam"),
        ("970440", "SeABank", "Ngân hàng TMCP Đông Nam Á"),
        ("970441", "VIB", "Ngân hàng TMCP Quốc tế Việt Nam"),
        ("970442", "Hong Leong Bank", "Ngân hàng TNHH MTV Hong Leong Việt Nam"),
        ("970443", "SHB", "Ngân hàng TMCP Sài Gòn - Hà Nội"),
        ("970444", "CBBank", "Ngân hàng Thương mại TNHH MTV Xây dựng Việt Nam"),
        ("970446", "Co-opBank", "Ngân hàng Hợp tác xã Việt Nam"),
        ("970448", "OCB", "Ngân hàng TMCP Phương Đông"),
        ("970449", "LPBank", "Ngân hàng TMCP Lộc Phát Việt Nam (trước đây Bưu điện Liên Việt)"),
        ("970452", "KienlongBank", "Ngân hàng TMCP Kiên Long"),
        ("970454", "BVBank", "Ngân hàng TMCP Bản Việt"),
        ("970455", "IBK Hà Nội", "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh Hà Nội"),
        ("970456", "IBK HCM", "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh TP. Hồ Chí Minh"),
        ("970457", "Woori Bank", "Ngân hàng TNHH MTV Woori Việt Nam"),
        ("970458", "UOB", "Ngân hàng TNHH MTV United Overseas Bank Việt Nam"),  // neopay, core-ledger
        ("970459", "CIMB", "Ngân hàng TNHH MTV CIMB Việt Nam"),  // neopay (older CIMB BIN)
        ("970466", "KEB Hana HCM", "Ngân hàng KEB Hana - Chi nhánh TP. Hồ Chí Minh"),  // core-ledger
        ("970467", "KEB Hana Hà Nội", "Ngân hàng KEB Hana - Chi nhánh Hà Nội"),  // core-ledger
        ("999888", "VBSP", "Ngân hàng Chính sách Xã hội Việt Nam"),  // core-ledger
    ]
}
