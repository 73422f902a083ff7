/// NAPAS VietQR payloads: encode a transfer request, decode and check a scanned payload.
///
/// ```swift
/// let payload = try VietQR.encode(VietQRRequest(bin: "970436", account: "0011001234567",
///                                               amount: 75_000, purpose: "HS0000123 le phi"))
/// let code = try VietQR.decode(payload)   // code.amount == 75_000, code.bank?.shortName == "Vietcombank"
/// ```
///
/// The encoder writes tags in the order of the NAPAS examples: 00, 01, 38 (00, 01 (00, 01), 02),
/// 53, 54, 58, 59, 60, 62 (01, 05, 08), 63. All functions are pure and thread-safe.
public enum VietQR {
    /// The GUID of NAPAS VietQR in tag 38.00.
    public static let guid = "A000000727"
    /// ISO 4217 numeric code of VND (tag 53).
    public static let currencyVND = "704"
    /// ISO 3166 country code (tag 58).
    public static let countryVN = "VN"

    /// Checks `request` and returns its payload text, CRC included.
    public static func encode(_ request: VietQRRequest) throws(VietQRError) -> String {
        let fields = try request.validated()
        return EMVCodec.encodeValidated(objects(for: fields))
    }

    /// Decodes a payload, checks its structure and CRC, and reads the VietQR fields.
    ///
    /// Fails when the EMVCo structure or CRC is wrong, when tag 38 (with GUID, BIN and account) or
    /// tag 53 is missing, and when the format, initiation, currency or amount is not VietQR's.
    /// Softer problems (unknown BIN, no service code, static code with an amount…) become warnings.
    public static func decode(_ payload: String) throws(VietQRError) -> VietQRCode {
        try VietQRCode(interpreting: EMVCodec.decode(payload))
    }

    /// Parses an amount typed by a person: plain digits only, a positive whole number of đồng.
    ///
    /// `"180000"` → 180000; `"1.5"`, `"1.000"`, `"12a"` and `"-5"` are refused with a sentence
    /// saying why. Grouped forms such as `1.000.000` are the bank-profile parser's job, not this one's.
    public static func parseAmount(_ text: String) throws(VietQRError) -> Int64 {
        guard !text.isEmpty else {
            throw VietQRError.request("amount", "amount is empty")
        }
        let bytes = Array(text.utf8)
        if bytes.first == UInt8(ascii: "-"), bytes.count > 1,
           bytes.dropFirst().allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) {
            throw VietQRError.request("amount", "amount '\(text)' is not a positive number of đồng")
        }
        guard bytes.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else {
            throw VietQRError.request("amount", "amount '\(text)' is not a whole number of đồng in plain digits")
        }
        let significant = bytes.drop { $0 == UInt8(ascii: "0") }
        guard significant.count <= VietQRRequest.Limit.amountDigits else {
            throw VietQRError.request(
                "amount",
                "amount '\(text)' has \(significant.count) digits; the maximum is \(VietQRRequest.Limit.amountDigits)")
        }
        let amount = significant.reduce(Int64(0)) { $0 * 10 + Int64($1 - UInt8(ascii: "0")) }
        try VietQRRequest.checkAmount(amount)
        return amount
    }

    /// The data objects of a validated request, in NAPAS example order.
    static func objects(for fields: ValidatedVietQRRequest) -> [EMVDataObject] {
        var objects = [EMVDataObject]()
        objects.reserveCapacity(10)
        objects.append(EMVDataObject(.payloadFormat, value: "01"))
        objects.append(EMVDataObject(.pointOfInitiation, value: fields.amount == nil ? "11" : "12"))
        objects.append(EMVDataObject(.vietQRMerchantAccount, template: [
            EMVDataObject(Sub.guid, value: guid),
            EMVDataObject(Sub.beneficiary, template: [
                EMVDataObject(Sub.bin, value: fields.bin),
                EMVDataObject(Sub.account, value: fields.account),
            ]),
            EMVDataObject(Sub.service, value: fields.service.tagValue),
        ]))
        objects.append(EMVDataObject(.currency, value: currencyVND))
        if let amount = fields.amount {
            objects.append(EMVDataObject(.amount, value: String(amount)))
        }
        objects.append(EMVDataObject(.country, value: countryVN))
        if let name = fields.merchantName {
            objects.append(EMVDataObject(.merchantName, value: name))
        }
        if let city = fields.merchantCity {
            objects.append(EMVDataObject(.merchantCity, value: city))
        }
        var additional = [EMVDataObject]()
        if let bill = fields.billNumber {
            additional.append(EMVDataObject(Sub.billNumber, value: bill))
        }
        if let reference = fields.reference {
            additional.append(EMVDataObject(Sub.reference, value: reference))
        }
        if let purpose = fields.purpose {
            additional.append(EMVDataObject(Sub.purpose, value: purpose))
        }
        if !additional.isEmpty {
            objects.append(EMVDataObject(.additionalData, template: additional))
        }
        return objects
    }

    /// Sub-tags used inside 38, 38.01 and 62.
    enum Sub {
        static let guid = EMVTag(unchecked: 0)
        static let beneficiary = EMVTag(unchecked: 1)
        static let service = EMVTag(unchecked: 2)
        static let bin = EMVTag(unchecked: 0)
        static let account = EMVTag(unchecked: 1)
        static let billNumber = EMVTag(unchecked: 1)
        static let reference = EMVTag(unchecked: 5)
        static let purpose = EMVTag(unchecked: 8)
    }
}
