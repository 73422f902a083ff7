import FeeDeskApp
import FeeDeskCore
import Testing

@Suite struct ConfigTests {
    @Test func loadsTheShippedConfiguration() throws {
        let config = try FeeDeskConfig.load(path: AppFixture.repository.appendingPathComponent("config/feedesk.json").path)
        #expect(config.accounts.map(\.id) == ["main"])
        #expect(config.partners.map(\.id) == ["bank", "payos", "casso", "sepay"])
        #expect(config.partners.map(\.scheme) == ["standard-webhooks", "payos", "casso-v2", "sepay"])
        #expect(config.listen == "127.0.0.1:8080")
        #expect(config.databasePath.hasSuffix("/var/feedesk.sqlite"))
        #expect(config.feeSchedule.fee(for: "XD.GPXD.NHA")?.amount == Money(dong: 75_000))
        #expect(config.referenceFormat == .standard)
    }

    /// Each bad configuration names the file, the field and the bad value.
    @Test(arguments: [
        (#"{"unit": {"name": "X", "code": "Y"}, "accounts": [{"id": "main", "bin": "97043", "number": "1", "holder": "H"}]}"#,
         "field accounts[0].bin: bank BIN '97043' is not 6 digits."),
        (#"{"unit": {"name": "X", "code": "Y"}, "accounts": [{"id": "main", "bin": "970436", "number": "12 34", "holder": "H"}]}"#,
         "field accounts[0].number: account number '12 34' must be 1 to 19 letters or digits without spaces."),
        (#"{"unit": {"name": "X", "code": "Y"}, "accounts": []}"#, "field accounts: holds no collection account."),
        (#"{"unit": {"name": "X"}, "accounts": []}"#, "field unit.code: is missing."),
        (#"{"unit": {"name": "", "code": "Y"}, "accounts": []}"#, "field unit.name: is empty."),
        (#"{"unit": "X", "accounts": []}"#, "field unit: 'X' is not an object."),
        (#"{"unit": {"name": "X", "code": "Y"}, "listen": "localhost", "accounts": []}"#, "field listen: 'localhost' is not HOST:PORT."),
        (#"{"unit": {"name": "X", "code": "Y"}, "dossierCodes": "loose", "accounts": []}"#, "field dossierCodes: 'loose' is not 'strict' or 'relaxed'."),
        (#"{"unit": {"name": "X", "code": "Y"}, "timezone": "Mars/Olympus", "accounts": []}"#, "field timezone: 'Mars/Olympus' is not a known time zone."),
        (#"{"unit": {"name": "X", "code": "Y"}, "paymentReference": {"prefix": "hs"}, "accounts": []}"#,
         "field paymentReference.prefix: payment reference prefix 'hs' must be 2 to 4 upper-case letters A–Z."),
        (#"{"unit": {"name": "X", "code": "Y"}, "paymentReference": {"prefix": "HS", "sequenceDigits": "6"}, "accounts": []}"#,
         "field paymentReference.sequenceDigits: '6' is not a whole number."),
        (#"{"unit": {"name": "X", "code": "Y"}, "accounts": [{"id": "main", "bin": "970436", "number": "1", "holder": "H"}], "partners": [{"id": "bank", "scheme": "hmac", "account": "main"}]}"#,
         "field partners[0].scheme: 'hmac' is not one of standard-webhooks, payos, casso-v2, sepay."),
        (#"{"unit": {"name": "X", "code": "Y"}, "accounts": [{"id": "main", "bin": "970436", "number": "1", "holder": "H"}], "partners": [{"id": "bank", "scheme": "payos", "account": "other"}]}"#,
         "field partners[0].account: 'other' is not a configured account id."),
        ("{\n  \"unit\": {\"name\": \"X\",\n  \"code\" \"Y\"}\n}", "not valid JSON at line 3, column 10."),
        ("[1, 2]", "the top level is not a JSON object."),
    ])
    func rejectsBadConfiguration(json: String, message: String) throws {
        let fixture = try AppFixture(config: json)
        #expect(throws: AppError.self) { try FeeDeskConfig.load(path: fixture.configPath) }
        do {
            _ = try FeeDeskConfig.load(path: fixture.configPath)
        } catch {
            #expect("\(error)" == "\(fixture.configPath): \(message)")
        }
    }

    @Test(arguments: [
        (#"[{"procedure": "A", "name": "N", "field": "F", "kind": "phi", "amount": -5}]"#, "field [0].amount: -5 must be between 1 and 9999999999999 đồng."),
        (#"[{"procedure": "A", "name": "N", "field": "F", "kind": "phi", "amount": 1.5}]"#, "field [0].amount: 1.5 is not a whole number."),
        (#"[{"procedure": "A", "name": "N", "field": "F", "kind": "fee", "amount": 5}]"#, "field [0].kind: 'fee' is not 'phi' or 'le_phi'."),
        (#"[{"procedure": "A", "name": "N", "field": "", "kind": "phi", "amount": 5}]"#, "field [0].field: is empty."),
        (#"[{"procedure": "A", "name": "N", "field": "F", "kind": "phi", "amount": 5}, {"procedure": "A", "name": "N", "field": "F", "kind": "phi", "amount": 5}]"#,
         "field [1].procedure: 'A' appears twice."),
        (#"[{"procedure": "A", "name": "N", "field": "F", "kind": "phi", "amount": true}]"#, "field [0].amount: true is not a whole number."),
        ("[]", "the fee schedule is empty."),
        (#"{"fees": []}"#, "the top level is not a JSON array of fees."),
    ])
    func rejectsBadFeeSchedules(json: String, message: String) throws {
        let fixture = try AppFixture(fees: json)
        do {
            _ = try FeeDeskConfig.load(path: fixture.configPath)
            Issue.record("accepted \(json)")
        } catch {
            #expect("\(error)" == "\(fixture.folder)/config/fees.json: \(message)")
        }
    }

    @Test func namesAMissingFile() {
        #expect(throws: AppError.file(path: "/nonexistent/feedesk.json", message: "the file does not exist")) {
            try FeeDeskConfig.load(path: "/nonexistent/feedesk.json")
        }
    }
}
