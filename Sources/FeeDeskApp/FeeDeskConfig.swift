import FeeDeskCore
import Foundation

/// FeeDesk's configuration: `config/feedesk.json` and the fee schedule it names.
///
/// Relative paths inside the file are relative to the folder that holds it.
public struct FeeDeskConfig: Sendable {
    /// The unit (the one-stop centre) whose fees are collected.
    public struct Unit: Sendable, Equatable {
        /// Its name, as printed on slips and reports.
        public let name: String
        /// Its administrative code, e.g. `000.06.16.G09`.
        public let code: String
    }

    /// A bank or intermediary that posts signed callbacks for credits to a collection account.
    public struct Partner: Sendable, Equatable {
        /// The partner's id in the callback URL and in `FEEDESK_SECRET_<ID>`.
        public let id: String
        /// The signing scheme: `standard-webhooks`, `payos`, `casso-v2` or `sepay`.
        public let scheme: String
        /// The collection account its credits go to.
        public let account: String
    }

    /// The file this configuration was read from.
    public let file: String
    /// The unit.
    public let unit: Unit
    /// The zone of business dates.
    public let calendar: BusinessCalendar
    /// The database file (absolute, or relative to the working directory after resolution).
    public let databasePath: String
    /// Where `feedesk serve` listens, `HOST:PORT`.
    public let listen: String
    /// The shape of payment references.
    public let referenceFormat: PaymentReferenceFormat
    /// How dossier codes are checked.
    public let dossierCodePolicy: DossierCodePolicy
    /// The fee schedule read from the file the configuration names.
    public let feeSchedule: FeeSchedule
    /// The file the fee schedule came from.
    public let feeScheduleFile: String
    /// Collection accounts.
    public let accounts: [CollectionAccount]
    /// Callback partners.
    public let partners: [Partner]
    /// The folder of demo data (`Samples/`).
    public let samplesPath: String
    /// The folder of CSV bank profiles (`config/bank-profiles`).
    public let bankProfilesPath: String
    /// The form and symbols of FeeDesk's receipt register (`receipts`).
    public let receipts: ReceiptSeries

    /// The schemes FeeDesk can verify.
    public static let schemes = ["standard-webhooks", "payos", "casso-v2", "sepay"]

    /// Reads and validates the configuration file at `path` and the fee schedule it names.
    public static func load(path: String) throws -> FeeDeskConfig {
        let data = try readFile(path)
        let fields = try JSONFields.object(data, file: path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : folder.appendingPathComponent(relative).standardizedFileURL.path
        }

        let unitFields = try fields.object("unit")
        let unit = Unit(name: try nonEmpty(unitFields, "name"), code: try nonEmpty(unitFields, "code"))
        let zone = try fields.optionalString("timezone") ?? "Asia/Ho_Chi_Minh"
        guard TimeZone(identifier: zone) != nil || zone == "Asia/Ho_Chi_Minh" else {
            throw fields.error("timezone", "'\(zone)' is not a known time zone")
        }
        let listen = try fields.optionalString("listen") ?? "127.0.0.1:8080"
        try checkListen(listen, fields: fields)
        let referenceFields = try fields.optionalObject("paymentReference")
        let referenceFormat = try referenceFields.map { reference in
            let prefix = try reference.string("prefix")
            let digits = Int(try reference.optionalInteger("sequenceDigits") ?? 6)
            return try reference.checked("prefix") { () throws(CoreError) in try PaymentReferenceFormat(prefix: prefix, sequenceDigits: digits) }
        } ?? .standard
        let policyText = try fields.optionalString("dossierCodes") ?? "strict"
        guard let policy = DossierCodePolicy(rawValue: policyText) else {
            throw fields.error("dossierCodes", "'\(policyText)' is not 'strict' or 'relaxed'")
        }
        let accounts = try readAccounts(fields)
        let partners = try readPartners(fields, accounts: accounts)
        let feeFile = resolve(try fields.optionalString("feeSchedule") ?? "fees.json")
        return FeeDeskConfig(
            file: path, unit: unit, calendar: BusinessCalendar(identifier: zone),
            databasePath: resolve(try fields.optionalString("database") ?? "../var/feedesk.sqlite"),
            listen: listen, referenceFormat: referenceFormat, dossierCodePolicy: policy,
            feeSchedule: try FeeScheduleFile.load(path: feeFile), feeScheduleFile: feeFile,
            accounts: accounts, partners: partners,
            samplesPath: resolve(try fields.optionalString("samples") ?? "../Samples"),
            bankProfilesPath: resolve(try fields.optionalString("bankProfiles") ?? "bank-profiles"),
            receipts: try readReceipts(fields))
    }

    /// `receipts.form`, `.cashSymbol`, `.cashlessSymbol`, each defaulting to `ReceiptSeries.standard`.
    private static func readReceipts(_ fields: JSONFields) throws -> ReceiptSeries {
        guard let receipts = try fields.optionalObject("receipts") else { return .standard }
        let standard = ReceiptSeries.standard
        let form = try receipts.optionalString("form") ?? standard.form
        let cash = try receipts.optionalString("cashSymbol") ?? standard.cashSymbol
        let cashless = try receipts.optionalString("cashlessSymbol") ?? standard.cashlessSymbol
        _ = try receipts.checked("form") { () throws(CoreError) in try ReceiptSeries.checkForm(form) }
        _ = try receipts.checked("cashSymbol") { () throws(CoreError) in try ReceiptSeries.checkSymbol(cash) }
        _ = try receipts.checked("cashlessSymbol") { () throws(CoreError) in try ReceiptSeries.checkSymbol(cashless) }
        return try receipts.checked("form") { () throws(CoreError) in try ReceiptSeries(form: form, cashSymbol: cash, cashlessSymbol: cashless) }
    }

    /// The account with `id`, or nil.
    public func account(id: String) -> CollectionAccount? {
        accounts.first { $0.id == id }
    }

    static func readFile(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw AppError.file(path: path, message: "the file \(reason)")
        }
        return data
    }

    private static func nonEmpty(_ fields: JSONFields, _ key: String) throws -> String {
        let value = try fields.string(key)
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw fields.error(key, "is empty") }
        return value
    }

    private static func checkListen(_ listen: String, fields: JSONFields) throws {
        let parts = listen.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]), (0...65535).contains(port), !parts[0].isEmpty else {
            throw fields.error("listen", "'\(listen)' is not HOST:PORT")
        }
    }

    private static func readAccounts(_ fields: JSONFields) throws -> [CollectionAccount] {
        let list = try fields.objects("accounts")
        guard !list.isEmpty else { throw fields.error("accounts", "holds no collection account") }
        var seen = Set<String>()
        return try list.map { entry in
            let id = try entry.string("id"), bin = try entry.string("bin"), number = try entry.string("number")
            let holder = try entry.string("holder")
            let account = try entry.checked(fieldFor(id: id, bin: bin, number: number, holder: holder)) { () throws(CoreError) in
                try CollectionAccount(id: id, bin: bin, number: number, holder: holder)
            }
            guard seen.insert(id).inserted else { throw entry.error("id", "'\(id)' is used by two accounts") }
            return account
        }
    }

    /// The field a `CollectionAccount` refusal is about, found by re-checking each value alone.
    private static func fieldFor(id: String, bin: String, number: String, holder: String) -> String {
        let okID = (try? CollectionAccount(id: id, bin: "970436", number: "1", holder: "x")) != nil
        let okBIN = (try? CollectionAccount(id: "a", bin: bin, number: "1", holder: "x")) != nil
        let okNumber = (try? CollectionAccount(id: "a", bin: "970436", number: number, holder: "x")) != nil
        return !okID ? "id" : !okBIN ? "bin" : !okNumber ? "number" : "holder"
    }

    private static func readPartners(_ fields: JSONFields, accounts: [CollectionAccount]) throws -> [Partner] {
        var seen = Set<String>()
        return try fields.objects("partners", optional: true).map { entry in
            let id = try entry.string("id")
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw entry.error("id", "'\(id)' may hold only letters, digits and -")
            }
            guard seen.insert(id).inserted else { throw entry.error("id", "'\(id)' is used by two partners") }
            let scheme = try entry.string("scheme")
            guard schemes.contains(scheme) else {
                throw entry.error("scheme", "'\(scheme)' is not one of \(schemes.joined(separator: ", "))")
            }
            let account = try entry.string("account")
            guard accounts.contains(where: { $0.id == account }) else {
                throw entry.error("account", "'\(account)' is not a configured account id")
            }
            return Partner(id: id, scheme: scheme, account: account)
        }
    }
}
