import FeeDeskCore
import FeeDeskCrypto
import FeeDeskStore
import Foundation

/// What `feedesk demo` loaded.
public struct DemoReport: Sendable, Equatable, Encodable {
    /// The setup part (accounts and fees).
    public let feesInForce: Int
    /// Dossiers added now, and those already present.
    public let dossiersAdded: Int, dossiersPresent: Int
    /// Cash payments added now, and those already present.
    public let cashAdded: Int, cashPresent: Int
    /// The demo staff accounts; `password` is given only when the account was created now.
    public let users: [DemoUser]
}

/// A demo staff account and, once, its random password.
public struct DemoUser: Sendable, Equatable, Encodable {
    public let name: String
    public let role: StaffRole
    public let password: String?
}

extension FeeDesk {
    /// Loads the configuration and the demo data of `Samples/demo/` in ONE transaction: after a crash the
    /// database holds all of it or none of it. Running it again adds nothing.
    public func loadDemo(by actor: String) throws -> DemoReport {
        let folder = URL(fileURLWithPath: config.samplesPath).appendingPathComponent("demo")
        let dossierFile = folder.appendingPathComponent("dossiers.json").path
        let cashFile = folder.appendingPathComponent("cash.json").path
        let dossierRows = try DemoFile.objects(dossierFile)
        let cashRows = try DemoFile.objects(cashFile)
        // Passwords are hashed before the transaction (hashing is slow on purpose).
        let candidates = try [("demo-desk", StaffRole.desk), ("demo-accountant", StaffRole.accountant)].map { name, role in
            let password = try SecureRandom.token(byteCount: 9)
            return (name, role, password, try PasswordHash.make(password))
        }
        return try database.write { connection in
            let (_, _, feeCount) = try syncConfiguration(connection, by: actor)
            let dossiers = DossierRepository(connection, calendar: calendar)
            var added = 0, present = 0
            for row in dossierRows {
                let request = try DemoFile.dossier(row)
                if try dossiers.find(code: request.code.uppercased()) != nil {
                    present += 1
                } else {
                    try row.located { () throws in _ = try insertDossier(request, connection: connection, by: actor) }
                    added += 1
                }
            }
            let cash = CashRepository(connection, calendar: calendar)
            var cashAdded = 0, cashPresent = 0
            for row in cashRows {
                let payment = try DemoFile.cash(row)
                if try cash.find(receipt: payment.receipt) != nil {
                    cashPresent += 1
                } else {
                    try row.located { () throws in _ = try insertCash(payment, connection: connection, by: actor) }
                    cashAdded += 1
                }
            }
            var users: [DemoUser] = []
            let accounts = UserRepository(connection)
            for (name, role, password, hash) in candidates {
                if try accounts.find(name: name) != nil {
                    users.append(DemoUser(name: name, role: role, password: nil))
                } else {
                    let id = try accounts.insert(name: name, role: role.rawValue, passwordHash: hash, at: nowStamp())
                    try AuditJournal.append(connection, at: nowStamp(), actor: actor, action: "user.add", entity: "app_user",
                                            entityID: String(id), details: ["name": name, "role": role.rawValue, "demo": "true"])
                    users.append(DemoUser(name: name, role: role, password: password))
                }
            }
            return DemoReport(feesInForce: feeCount, dossiersAdded: added, dossiersPresent: present,
                              cashAdded: cashAdded, cashPresent: cashPresent, users: users)
        }
    }
}

/// Reading the demo JSON files, with errors that name the file and entry.
enum DemoFile {
    static func objects(_ path: String) throws -> [JSONFields] {
        let data = try FeeDeskConfig.readFile(path)
        guard let array = try JSONFields.parse(data, file: path) as? [Any] else {
            throw AppError.config(file: path, field: nil, message: "the top level is not a JSON array")
        }
        return try JSONFields.objects(array, file: path)
    }

    static func dossier(_ row: JSONFields) throws -> NewDossier {
        let amount = try row.optionalInteger("amountDue").map { Money(dong: $0) }
        let registered = try row.optionalString("registeredAt")
        let at = try registered.map { text in try row.checked("registeredAt") { () throws(CoreError) in try Timestamp.parse(text) } }
        return NewDossier(code: try row.string("code"), procedure: try row.string("procedure"), amount: amount,
                          applicant: try row.optionalString("applicant") ?? "", desk: try row.optionalString("desk"), registeredAt: at)
    }

    static func cash(_ row: JSONFields) throws -> NewCashPayment {
        let at = try row.string("at")
        return NewCashPayment(dossierCode: try row.string("dossier"), amount: Money(dong: try row.integer("amount")),
                              receipt: try row.string("receipt"), cashier: try row.string("cashier"),
                              at: try row.checked("at") { () throws(CoreError) in try Timestamp.parse(at) })
    }
}

extension JSONFields {
    /// Runs `body`, prefixing a domain refusal with this entry's file and position.
    func located(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CoreError {
            throw AppError.config(file: file, field: path, message: error.message)
        }
    }
}
