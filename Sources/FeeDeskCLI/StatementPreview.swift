import BankStatements
import FeeDeskCore

/// `statement parse --json`: the stable shape of ARCHITECTURE.md. Amounts in minor units of the
/// statement's currency.
struct StatementPreview: Encodable {
    struct BalanceValue: Encodable {
        let amount: Int64
        let date: String?
    }

    struct Line: Encodable {
        let bookingDate: String
        let valueDate: String
        let amount: Int64
        let direction: String
        let reversal: Bool
        let bankReference: String?
        let memo: String
        let counterpartyName: String?
        let counterpartyAccount: String?
        let endToEndReference: String?
    }

    struct Item: Encodable {
        let account: String?
        let currency: String
        let opening: BalanceValue?
        let closing: BalanceValue?
        let balance: String
        let lines: [Line]
    }

    let format: String
    let statements: [Item]

    init(_ file: ParsedStatementFile) {
        format = file.format.rawValue
        statements = file.statements.map { statement in
            let check: String
            switch statement.checkBalance() {
            case .balanced: check = "balanced"
            case let .unbalanced(_, _, description): check = "unbalanced: \(description)"
            case let .notCheckable(reason): check = "unchecked: \(reason)"
            }
            return Item(
                account: statement.account, currency: statement.currency,
                opening: statement.opening.map { BalanceValue(amount: $0.amount, date: $0.date?.description) },
                closing: statement.closing.map { BalanceValue(amount: $0.amount, date: $0.date?.description) },
                balance: check,
                lines: statement.lines.map {
                    Line(bookingDate: $0.bookingDate.description, valueDate: $0.valueDate.description, amount: $0.amount,
                         direction: $0.direction.rawValue, reversal: $0.reversal, bankReference: $0.bankReference, memo: $0.memo,
                         counterpartyName: $0.counterpartyName, counterpartyAccount: $0.counterpartyAccount,
                         endToEndReference: $0.endToEndReference)
                })
        }
    }

    static func text(_ preview: StatementPreview) -> String {
        var out: [String] = []
        for item in preview.statements {
            let money = { (value: Int64) in Currency.format(minorUnits: value, currency: item.currency) }
            out.append("Sao kê / statement \(item.account ?? "(không rõ tài khoản)") [\(preview.format), \(item.currency)]: "
                       + "đầu kỳ \(item.opening.map { money($0.amount) } ?? "—"), cuối kỳ \(item.closing.map { money($0.amount) } ?? "—"); \(item.balance)")
            let rows = item.lines.map { line in
                [line.bookingDate, line.direction == "credit" ? "Có" : "Nợ", money(line.amount), line.bankReference ?? "",
                 String(line.memo.replacingOccurrences(of: "\n", with: " ").prefix(60))]
            }
            out.append(TextTable.render(header: ["Ngày", "", "Số tiền", "Số tham chiếu", "Nội dung"], rows: rows, rightAligned: [2]))
        }
        return out.joined(separator: "\n")
    }
}
