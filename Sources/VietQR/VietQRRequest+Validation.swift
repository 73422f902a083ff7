/// A request whose fields passed every check, texts folded to ASCII.
struct ValidatedVietQRRequest {
    let bin: String
    let account: String
    let service: VietQRService
    let amount: Int64?
    let purpose: String?
    let merchantName: String?
    let merchantCity: String?
    let billNumber: String?
    let reference: String?
}

extension VietQRRequest {
    /// Limits of the text fields, in characters after folding.
    enum Limit {
        static let account = 19
        static let amountDigits = 13
        static let maximumAmount: Int64 = 9_999_999_999_999
        static let purpose = 25
        static let merchantName = 25
        static let merchantCity = 15
        static let billNumber = 25
        static let reference = 25
    }

    /// Checks every field, in the order bin, account, amount, texts; the first failure is thrown.
    func validated() throws(VietQRError) -> ValidatedVietQRRequest {
        try VietQRRequest.checkBIN(bin)
        try VietQRRequest.checkAccount(account, service: service)
        if let amount {
            try VietQRRequest.checkAmount(amount)
        }
        return ValidatedVietQRRequest(
            bin: bin,
            account: account,
            service: service,
            amount: amount,
            purpose: try VietQRRequest.text(purpose, field: "purpose", limit: Limit.purpose),
            merchantName: try VietQRRequest.text(merchantName, field: "merchant name", limit: Limit.merchantName),
            merchantCity: try VietQRRequest.text(merchantCity, field: "merchant city", limit: Limit.merchantCity),
            billNumber: try VietQRRequest.text(billNumber, field: "bill number", limit: Limit.billNumber),
            reference: try VietQRRequest.text(reference, field: "reference", limit: Limit.reference))
    }

    static func checkBIN(_ bin: String) throws(VietQRError) {
        guard !bin.isEmpty else {
            throw VietQRError.request("bank BIN", "bank BIN is empty; it must be 6 digits")
        }
        guard bin.utf8.count == 6, bin.utf8.allSatisfy(isDigit) else {
            throw VietQRError.request("bank BIN", "bank BIN '\(bin)' is not 6 digits")
        }
    }

    static func checkAccount(_ account: String, service: VietQRService) throws(VietQRError) {
        let field = service.numberFieldName
        guard !account.isEmpty else {
            throw VietQRError.request(field, "\(field) is empty")
        }
        for character in account.unicodeScalars {
            let isLetter = character.isASCII && (("A"..."Z").contains(character) || ("a"..."z").contains(character))
            let isDigit = ("0"..."9").contains(character)
            if character == " " {
                throw VietQRError.request(field, "\(field) '\(account)' contains a space; use digits and letters only")
            }
            if service == .toCard, !isDigit {
                throw VietQRError.request(field, "\(field) '\(account)' contains '\(character)'; use digits only")
            }
            if !isDigit, !isLetter {
                throw VietQRError.request(
                    field, "\(field) '\(account)' contains '\(character)'; use digits and letters only")
            }
        }
        let length = account.utf8.count
        guard length <= Limit.account else {
            throw VietQRError.request(
                field, "\(field) '\(account)' has \(length) characters; the maximum is \(Limit.account)")
        }
    }

    static func checkAmount(_ amount: Int64) throws(VietQRError) {
        guard amount > 0 else {
            throw VietQRError.request("amount", "amount \(amount) is not a positive number of đồng")
        }
        guard amount <= Limit.maximumAmount else {
            let digits = String(amount).count
            throw VietQRError.request(
                "amount", "amount \(amount) has \(digits) digits; the maximum is \(Limit.amountDigits)")
        }
    }

    private static func text(_ value: String?, field: String, limit: Int) throws(VietQRError) -> String? {
        guard let folded = try VietQRText.foldedField(value, field: field) else { return nil }
        let count = folded.utf8.count
        guard count <= limit else {
            let shown = value ?? folded
            throw VietQRError.request(field, "\(field) '\(shown)' has \(count) characters; the maximum is \(limit)")
        }
        return folded
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
