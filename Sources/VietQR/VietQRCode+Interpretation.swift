extension VietQRCode {
    /// Reads and checks the VietQR fields of a structurally valid EMVCo payload.
    init(interpreting emv: EMVPayload) throws(VietQRError) {
        var warnings = [String]()

        if let format = emv.value(.payloadFormat), format != "01" {
            throw VietQRError.badValue("00", "payload format indicator '\(format)' is not 01")
        }
        let initiation: VietQRInitiation?
        if let written = emv.value(.pointOfInitiation) {
            guard let parsed = VietQRInitiation(tagValue: written) else {
                throw VietQRError.badValue("01", "point of initiation '\(written)' is not 11 (static) or 12 (dynamic)")
            }
            initiation = parsed
        } else {
            initiation = nil
            warnings.append("payload has no tag 01 (point of initiation)")
        }

        guard emv.object(at: .vietQRMerchantAccount) != nil else {
            throw VietQRError.missing("38", "merchant account information")
        }
        guard let guid = emv.value(.vietQRMerchantAccount, VietQR.Sub.guid) else {
            throw VietQRError.missing("38.00", "VietQR GUID")
        }
        guard guid == VietQR.guid else {
            throw VietQRError.badValue("38.00", "GUID '\(guid)' is not \(VietQR.guid) (NAPAS VietQR)")
        }
        guard emv.object(at: .vietQRMerchantAccount, VietQR.Sub.beneficiary) != nil else {
            throw VietQRError.missing("38.01", "beneficiary organisation")
        }
        guard let bin = emv.value(.vietQRMerchantAccount, VietQR.Sub.beneficiary, VietQR.Sub.bin) else {
            throw VietQRError.missing("38.01.00", "bank BIN")
        }
        guard bin.utf8.count == 6, bin.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else {
            throw VietQRError.badValue("38.01.00", "BIN '\(bin)' is not 6 digits")
        }
        guard let account = emv.value(.vietQRMerchantAccount, VietQR.Sub.beneficiary, VietQR.Sub.account) else {
            throw VietQRError.missing("38.01.01", "account or card number")
        }
        let service: VietQRService?
        if let written = emv.value(.vietQRMerchantAccount, VietQR.Sub.service) {
            service = VietQRService(rawValue: written)
            if service == nil {
                warnings.append("tag 38.02: service '\(written)' is not QRIBFTTA or QRIBFTTC")
            }
        } else {
            service = nil
            warnings.append("payload has no tag 38.02 (service code)")
        }

        guard let currency = emv.value(.currency) else {
            throw VietQRError.missing("53", "currency")
        }
        guard currency == VietQR.currencyVND else {
            throw VietQRError.badValue("53", "currency '\(currency)' is not 704 (VND)")
        }
        let amount = try emv.value(.amount).map { (text: String) throws(VietQRError) -> Int64 in
            try VietQRCode.amount(text)
        }
        switch (initiation, amount) {
        case (.static?, _?): warnings.append("static QR (tag 01 = 11) carries an amount")
        case (.dynamic?, nil): warnings.append("dynamic QR (tag 01 = 12) has no amount")
        default: break
        }
        if let country = emv.value(.country) {
            if country != VietQR.countryVN {
                warnings.append("tag 58: country '\(country)' is not VN")
            }
        } else {
            warnings.append("payload has no tag 58 (country)")
        }
        self.init(
            initiation: initiation, bin: bin, account: account, service: service, amount: amount,
            warnings: warnings, emv: emv)
    }

    /// Tag 54 as đồng: 1–13 plain digits, positive.
    private static func amount(_ text: String) throws(VietQRError) -> Int64 {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else {
            throw VietQRError.badValue("54", "amount '\(text)' is not a whole number of đồng in plain digits")
        }
        guard bytes.count <= VietQRRequest.Limit.amountDigits else {
            throw VietQRError.badValue(
                "54", "amount '\(text)' has \(bytes.count) digits; the maximum is \(VietQRRequest.Limit.amountDigits)")
        }
        let value = bytes.reduce(Int64(0)) { $0 * 10 + Int64($1 - UInt8(ascii: "0")) }
        guard value > 0 else {
            throw VietQRError.badValue("54", "amount '\(text)' is not positive")
        }
        return value
    }
}
