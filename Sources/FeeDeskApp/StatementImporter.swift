import BankStatements
import FeeDeskCore
import FeeDeskStore
import Foundation

/// The first pass of a statement import: reads and checks the whole file and yields its statements
/// and new lines to store (`emit`, see `ImportWritePipeline`); it runs on a thread of its own and
/// touches the database only to read, through its own connection.
///
/// Each line gets a stable identity (see `LineIdentityBuilder`); lines already stored by an earlier or
/// overlapping statement, or repeated in this file, are counted as known. For each booking day the
/// identities already stored are read with one range scan, so a fresh day costs one query, not one per
/// line. Each new credit line becomes a `PendingCredit` with the references its memo holds (the memo is
/// folded once, for the fingerprint and the references). Statement headers and trailers are checked
/// here (currency, account, balances); a refusal ends the import's transaction, so nothing stays of
/// what was yielded before it. Lines get ids in file order from `firstLineID`. Once the credits are
/// matched, `StatementWriter` yields their rows in a second pass over the file.
struct StatementImporter: StatementVisitor {
    /// What the writer needs of one statement.
    struct Plan {
        var accountID: String
        var reference: String?
        var sequence: String?
        var opening: (Money, LocalDate?)?
        var closing: (Money, LocalDate?)?
        var firstDate: LocalDate?
        var lastDate: LocalDate?
        var balance = "unchecked"
        var note: String?
    }

    let connection: SQLiteConnection
    let accounts: [CollectionAccount]
    let requestedAccount: String?
    let fileName: String
    let allowUnbalanced: Bool
    let scanner: ReferenceScanner
    let progress: (@Sendable (Int) -> Void)?
    /// Where the statements and new lines to store go.
    var emit: (ImportWriteOp) throws -> Void = { _ in }

    private(set) var lines = 0
    private(set) var credits = 0, debits = 0
    private(set) var creditTotal: Int64 = 0, debitTotal: Int64 = 0
    private(set) var newLines = 0, knownLines = 0, skippedZero = 0
    private(set) var balances: [ImportReport.BalanceResult] = []
    private(set) var plans: [Plan] = []
    /// Per line visited, in file order: true when it is new and will be stored.
    private(set) var lineIsNew: [Bool] = []
    /// The identities of the new lines, in file order.
    private(set) var newIdentities: [LineIdentity] = []
    /// The new credits, in file order.
    private(set) var pending = PendingCredits()
    /// New credit lines that confirm a credit a callback reported first, by position in `newIdentities`.
    private(set) var links: [Int: CallbackCandidates.Claim] = [:]
    /// The callback credits still waiting for their statement line.
    private var callbacks: CallbackCandidates
    private var identities = LineIdentityBuilder()
    private var seen = IdentitySet()
    private var daysRead = Set<Int64>()
    private var lastDay: LocalDate?
    private var nextLineID: Int64
    private let keys: ReferenceKey
    private let codeScanner = DossierCodeScanner()
    /// Reused for the reference keys of one memo.
    private var references: [UInt64] = []

    /// A statement line takes at least this many bytes in every format FeeDesk reads (a CSV export's
    /// lines take 80 or more), so a file holds at most `bytes / minimumBytesPerLine` lines.
    static let minimumBytesPerLine = 64

    /// A first pass reading stored identities and waiting callback credits through `connection`, over
    /// a file of `fileBytes` bytes.
    init(connection: SQLiteConnection, accounts: [CollectionAccount], requestedAccount: String?, fileName: String, fileBytes: Int,
         allowUnbalanced: Bool, scanner: ReferenceScanner, firstLineID: Int64, progress: (@Sendable (Int) -> Void)?) throws {
        // Room for as many lines as the file can hold: an array that doubles holds its old and new
        // copies for a moment, and room never touched takes no memory.
        let lines = fileBytes / Self.minimumBytesPerLine + 1
        lineIsNew.reserveCapacity(lines)
        newIdentities.reserveCapacity(lines)
        pending.reserveCapacity(lines)
        self.connection = connection
        nextLineID = firstLineID
        callbacks = try CallbackCandidates(connection: connection)
        self.accounts = accounts
        self.requestedAccount = requestedAccount
        self.fileName = fileName
        self.allowUnbalanced = allowUnbalanced
        self.scanner = scanner
        self.progress = progress
        keys = ReferenceKey(format: scanner.format)
    }

    mutating func beginStatement(_ header: StatementHeader) throws {
        guard header.currency == "VND" else {
            throw CoreError(.invalid, "\(fileName): the statement of account \(header.account ?? "(unnamed)") is in \(header.currency); only VND statements can be imported")
        }
        plans.append(Plan(accountID: try resolveAccount(header.account), reference: header.reference, sequence: header.sequence))
        try emit(.beginStatement(accountID: plans[plans.count - 1].accountID))
    }

    mutating func visit(_ line: StatementLine) throws {
        lines += 1
        if lines % 50_000 == 0 { progress?(lines) }
        lineIsNew.append(false)
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
        let bookingDate = try StatementImporter.date(line.bookingDate, line, fileName)
        _ = try StatementImporter.date(line.valueDate, line, fileName)
        let plan = try currentPlan()
        plans[plan].firstDate = min(plans[plan].firstDate ?? bookingDate, bookingDate)
        plans[plan].lastDate = max(plans[plan].lastDate ?? bookingDate, bookingDate)
        // Folded once, for the fingerprint and the references (a debit with a bank reference needs neither).
        let needsMemo = line.direction == .credit || (line.bankReference ?? "").isEmpty
        let memo = MemoText(needsMemo ? line.memo : "")
        let identity = identities.identity(of: line, account: plans[plan].accountID, day: bookingDate) { buffer in
            memo.withCompactUTF8 { buffer.append(contentsOf: $0) }
        }
        if bookingDate != lastDay, daysRead.insert(bookingDate.daysSinceEpoch).inserted {
            try StatementRepository(connection).forEachIdentity(ofDay: bookingDate) { seen.insert($0) }
        }
        lastDay = bookingDate
        guard seen.insert(identity) else {
            knownLines += 1
            return
        }
        newLines += 1
        lineIsNew[lineIsNew.count - 1] = true
        newIdentities.append(identity)
        let row = try StatementImporter.row(of: line, id: nextLineID, identity: identity, accountID: plans[plan].accountID,
                                            bookingDate: bookingDate, fileName: fileName)
        nextLineID += 1
        guard line.direction == .credit else { return try emit(.line(row)) }
        if !callbacks.isEmpty,
           let claim = callbacks.claim(account: plans[plan].accountID, amount: amount, day: bookingDate,
                                       time: StatementImporter.instant(bookingDate, line.bookingTime),
                                       references: [line.bankReference, line.endToEndReference], compactMemo: { memo.compact }) {
            // The credit exists already (a callback reported it): the line confirms it.
            links[newIdentities.count - 1] = claim
            return try emit(.confirmation(row, claim: claim))
        }
        try emit(.line(row))
        var references = self.references // moved out (and back below) so it stays uniquely referenced
        self.references = []
        references.removeAll(keepingCapacity: true)
        var codes: [String] = []
        memo.withCompactUTF8 { compact in
            scanner.forEachReference(inCompact: compact) { bytes in
                if let key = keys.key(bytes), !references.contains(key) { references.append(key) }
            }
            codeScanner.forEachCode(inCompact: compact) { bytes in
                let code = String(decoding: bytes, as: UTF8.self)
                if !codes.contains(code) { codes.append(code) }
            }
        }
        pending.append(day: bookingDate, seconds: line.bookingTime.map { $0.hour * 3600 + $0.minute * 60 + $0.second }, amount: amount,
                       tiebreak: PendingCredit.tiebreak(bankReference: line.bankReference, memo: line.memo), references: references,
                       codes: codes)
        self.references = references
    }

    mutating func endStatement(_ trailer: StatementTrailer) throws {
        let plan = try currentPlan()
        let accountID = plans[plan].accountID
        let check = BalanceCheck.check(opening: trailer.opening, totals: trailer.totals, closing: trailer.closing, account: accountID)
        switch check {
        case .balanced: plans[plan].balance = "balanced"
        case let .notCheckable(reason): plans[plan].note = reason
        case let .unbalanced(_, _, description):
            guard allowUnbalanced else {
                throw CoreError(.invalid, "\(fileName): \(description); nothing was imported (--allow-unbalanced imports it flagged)")
            }
            plans[plan].balance = "unbalanced"
            plans[plan].note = description
        }
        func balance(_ value: Balance?) -> (Money, LocalDate?)? {
            value.map { (Money(dong: $0.amount), $0.date.flatMap { LocalDate(year: $0.year, month: $0.month, day: $0.day) }) }
        }
        plans[plan].opening = balance(trailer.opening)
        plans[plan].closing = balance(trailer.closing)
        balances.append(ImportReport.BalanceResult(account: accountID, status: plans[plan].balance, note: plans[plan].note))
        try emit(.endStatement(plans[plan]))
    }

    /// The index of the statement being read; a line outside a statement is a reader bug, refused.
    private func currentPlan() throws -> Int {
        guard !plans.isEmpty else { throw CoreError(.invalid, "\(fileName): a line came before its statement's header") }
        return plans.count - 1
    }

    /// Frees what only this pass needs (the sets of identities seen).
    mutating func finishReading() {
        seen = IdentitySet()
        daysRead = []
        identities = LineIdentityBuilder()
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

    /// The row of a new line: `id` and `identity` as this import gives them (its statement id is set
    /// when it is stored).
    static func row(of line: StatementLine, id: Int64, identity: LineIdentity, accountID: String, bookingDate: LocalDate,
                    fileName: String) throws -> ImportedLineRow {
        ImportedLineRow(
            id: id, statementID: 0, identity: identity, accountID: accountID, bookingDate: bookingDate,
            valueDate: try date(line.valueDate, line, fileName),
            bookedAt: line.bookingTime.map { timestamp(line.bookingDate, $0) }, amount: line.amount,
            isCredit: line.direction == .credit, reversal: line.reversal, bankReference: line.bankReference,
            endToEnd: line.endToEndReference, counterpartyName: line.counterpartyName, counterpartyAccount: line.counterpartyAccount,
            memo: line.memo, raw: line.raw)
    }

    static func date(_ date: StatementDate, _ line: StatementLine, _ fileName: String) throws -> LocalDate {
        guard let day = LocalDate(year: date.year, month: date.month, day: date.day) else {
            throw CoreError(.invalid, "\(fileName) \(line.location): date \(date) is outside the range FeeDesk accepts")
        }
        return day
    }

    /// The instant of a booking time on `day` (its own offset when it gives one, else +07:00).
    static func instant(_ day: LocalDate, _ time: StatementTime?) -> Date? {
        guard let time else { return nil }
        let seconds = day.daysSinceEpoch * 86_400 + Int64(time.hour * 3600 + time.minute * 60 + time.second)
            - Int64((time.utcOffsetMinutes ?? 420) * 60)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `YYYY-MM-DDTHH:MM:SS+07:00` from a statement's date and time (its own offset when it gives one).
    static func timestamp(_ date: StatementDate, _ time: StatementTime) -> String {
        let offset = time.utcOffsetMinutes ?? 420
        let sign = offset < 0 ? "-" : "+"
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date)T\(two(time.hour)):\(two(time.minute)):\(two(time.second))\(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
    }
}
