import BankStatements
import FeeDeskCore
import FeeDeskCrypto
import FeeDeskStore
import Foundation

/// Stores a statement file line by line inside the import's write transaction.
///
/// Each line gets a stable identity (account and bank reference, else a fingerprint of account, date,
/// amount, memo and position among identical lines), so lines already known from an earlier or
/// overlapping statement are counted and skipped. Each new credit line becomes a credit; matching runs
/// afterwards over the new credits in a fixed order (see `FeeDesk.matchCredits`).
struct StatementImporter: StatementVisitor {
    let connection: SQLiteConnection
    let accounts: [CollectionAccount]
    let requestedAccount: String?
    let fileName: String
    let fileID: Int64
    let stamp: String
    let allowUnbalanced: Bool
    let scanner: ReferenceScanner
    let progress: (@Sendable (Int) -> Void)?

    private(set) var lines = 0
    private(set) var credits = 0, debits = 0
    private(set) var creditTotal: Int64 = 0, debitTotal: Int64 = 0
    private(set) var newLines = 0, knownLines = 0, skippedZero = 0
    private(set) var newCredits: [PendingCredit] = []
    private(set) var balances: [ImportReport.BalanceResult] = []
    private var statementID: Int64 = 0
    private var accountID = ""
    private var firstDate: LocalDate?, lastDate: LocalDate?
    private var occurrences: [String: Int] = [:]

    init(connection: SQLiteConnection, accounts: [CollectionAccount], requestedAccount: String?, fileName: String, fileID: Int64,
         stamp: String, allowUnbalanced: Bool, scanner: ReferenceScanner, progress: (@Sendable (Int) -> Void)?) {
        self.connection = connection
        self.accounts = accounts
        self.requestedAccount = requestedAccount
        self.fileName = fileName
        self.fileID = fileID
        self.stamp = stamp
        self.allowUnbalanced = allowUnbalanced
        self.scanner = scanner
        self.progress = progress
    }

    mutating func beginStatement(_ header: StatementHeader) throws {
        guard header.currency == "VND" else {
            throw CoreError(.invalid, "\(fileName): the statement of account \(header.account ?? "(unnamed)") is in \(header.currency); only VND statements can be imported")
        }
        accountID = try resolveAccount(header.account)
        statementID = try StatementRepository(connection).insertStatement(fileID: fileID, accountID: accountID,
                                                                           reference: header.reference, sequence: header.sequence)
        firstDate = nil
        lastDate = nil
    }

    mutating func visit(_ line: StatementLine) throws {
        lines += 1
        if lines % 50_000 == 0 { progress?(lines) }
        let amount = Money(dong: line.amount)
        let overflow: Bool
        if line.direction == .credit {
            credits += 1
            (creditTotal, overflow) = creditTotal.addingReportingOverflow(line.amount)
        } else {
            debits += 1
            (debitTotal, overflow) = debitTotal.addingReportingOverflow(line.amount)
        }
        guard !overflow, line.amount <= Money.maximum.dong else {
            throw CoreError(.invalid, "\(fileName) \(line.location): amount \(line.amount) is larger than FeeDesk accepts")
        }
        guard amount.isPositive else {
            skippedZero += 1
            return
        }
        let bookingDate = try date(line.bookingDate, line)
        firstDate = min(firstDate ?? bookingDate, bookingDate)
        lastDate = max(lastDate ?? bookingDate, bookingDate)
        let stored = NewStatementLine(
            identity: identity(of: line), accountID: accountID, bookingDate: bookingDate, valueDate: try date(line.valueDate, line),
            bookedAt: line.bookingTime.map { StatementImporter.timestamp(line.bookingDate, $0) }, amount: amount,
            isCredit: line.direction == .credit, reversal: line.reversal, bankReference: line.bankReference,
            endToEnd: line.endToEndReference, counterpartyName: line.counterpartyName, counterpartyAccount: line.counterpartyAccount,
            memo: line.memo, raw: line.raw)
        guard let lineID = try StatementRepository(connection).insertLineIfNew(stored, statementID: statementID) else {
            knownLines += 1
            return
        }
        newLines += 1
        guard stored.isCredit else { return }
        let id = try CreditRepository(connection).insert(NewCredit(
            accountID: accountID, amount: amount, bookingDate: bookingDate, bookedAt: stored.bookedAt, memo: line.memo,
            counterpartyName: line.counterpartyName, counterpartyAccount: line.counterpartyAccount,
            bankReference: line.bankReference, source: .statement, statementLineID: lineID), at: stamp)
        newCredits.append(PendingCredit(id: id, day: bookingDate, time: line.bookingTime.map { $0.hour * 3600 + $0.minute * 60 + $0.second },
                                        amount: amount, bankReference: line.bankReference, memo: line.memo, scanner: scanner))
    }

    mutating func endStatement(_ trailer: StatementTrailer) throws {
        let check = BalanceCheck.check(opening: trailer.opening, totals: trailer.totals, closing: trailer.closing, account: accountID)
        let verdict: (String, String?)
        switch check {
        case .balanced: verdict = ("balanced", nil)
        case let .notCheckable(reason): verdict = ("unchecked", reason)
        case let .unbalanced(_, _, description):
            guard allowUnbalanced else {
                throw CoreError(.invalid, "\(fileName): \(description); nothing was imported (--allow-unbalanced imports it flagged)")
            }
            verdict = ("unbalanced", description)
        }
        func balance(_ value: Balance?) -> (Money, LocalDate?)? {
            value.map { (Money(dong: $0.amount), $0.date.flatMap { LocalDate(year: $0.year, month: $0.month, day: $0.day) }) }
        }
        try StatementRepository(connection).finishStatement(
            id: statementID, opening: balance(trailer.opening), closing: balance(trailer.closing), firstDate: firstDate,
            lastDate: lastDate, balance: verdict.0, note: verdict.1)
        balances.append(ImportReport.BalanceResult(account: accountID, status: verdict.0, note: verdict.1))
    }

    /// The configured account this statement belongs to.
    private func resolveAccount(_ named: String?) throws -> String {
        if let requestedAccount {
            guard let account = accounts.first(where: { $0.id == requestedAccount }) else {
                throw CoreError(.notFound, "account '\(requestedAccount)' is not a configured collection account")
            }
            if let named, StatementImporter.number(named) != account.number {
                throw CoreError(.invalid, "\(fileName): the statement is for account \(named), not for '\(account.id)' (\(account.number))")
            }
            return account.id
        }
        if let named {
            guard let account = accounts.first(where: { $0.number == StatementImporter.number(named) }) else {
                throw CoreError(.invalid, "\(fileName): account \(named) is not a configured collection account")
            }
            return account.id
        }
        guard accounts.count == 1, let only = accounts.first else {
            throw CoreError(.invalid, "\(fileName): the statement does not name its account; give --account ID")
        }
        return only.id
    }

    /// The account number in a statement's account field: `BIC/0071000123456` → `0071000123456`.
    static func number(_ field: String) -> String {
        let last = field.split(separator: "/").last.map(String.init) ?? field
        return last.filter { $0.isLetter || $0.isNumber }
    }

    /// The first 16 bytes of SHA-256 over the line's identifying fields: the bank's reference when it
    /// gives one, else a fingerprint (date, amount, folded memo) and the line's position among identical
    /// lines of this file.
    private mutating func identity(of line: StatementLine) -> [UInt8] {
        let base = "\(accountID)|\(line.direction.rawValue)|\(line.bookingDate)|\(line.amount)"
        let text: String
        if let reference = line.bankReference, !reference.isEmpty {
            text = "ref|\(base)|\(reference)"
        } else {
            let fingerprint = "fp|\(base)|\(MemoText(line.memo).compact)"
            let position = occurrences[fingerprint, default: 0]
            occurrences[fingerprint] = position + 1
            text = "\(fingerprint)|\(position)"
        }
        return Array(Digest.sha256(text.utf8).prefix(16))
    }

    private func date(_ date: StatementDate, _ line: StatementLine) throws -> LocalDate {
        guard let day = LocalDate(year: date.year, month: date.month, day: date.day) else {
            throw CoreError(.invalid, "\(fileName) \(line.location): date \(date) is outside the range FeeDesk accepts")
        }
        return day
    }

    /// `YYYY-MM-DDTHH:MM:SS+07:00` from a statement's date and time (its own offset when it gives one).
    static func timestamp(_ date: StatementDate, _ time: StatementTime) -> String {
        let offset = time.utcOffsetMinutes ?? 420
        let sign = offset < 0 ? "-" : "+"
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date)T\(two(time.hour)):\(two(time.minute)):\(two(time.second))\(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
    }
}
