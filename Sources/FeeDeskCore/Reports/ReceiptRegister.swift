/// One receipt of FeeDesk's register, as the e-receipt export lists it.
public struct ReceiptLine: Sendable, Equatable, Encodable {
    /// Issued, or cancelled (its payment was voided or reversed; the number stays used).
    public enum Status: String, Sendable, Codable {
        /// In force.
        case issued
        /// Cancelled; never reused.
        case cancelled
    }

    /// Form (mẫu số).
    public let form: String
    /// Symbol (ký hiệu), `{YY}` already replaced.
    public let symbol: String
    /// Number in its series and year, 1–9,999,999.
    public let number: Int64
    /// When it was issued, ISO 8601 with the unit's offset.
    public let issuedAt: String
    /// When it was cancelled, if it was.
    public let cancelledAt: String?
    /// The dossier paid.
    public let dossier: String
    /// The applicant (người nộp) of the dossier.
    public let applicant: String
    /// The procedure code and name.
    public let procedure: String, procedureName: String
    /// Phí or lệ phí.
    public let kind: FeeKind
    /// The amount of the payment.
    public let amount: Money
    /// Cash or cashless.
    public let source: PaymentSource
    /// The number the cashier wrote on the paper receipt (cash only).
    public let cashReceipt: String?

    /// A line with every field.
    public init(form: String, symbol: String, number: Int64, issuedAt: String, cancelledAt: String?, dossier: String, applicant: String,
                procedure: String, procedureName: String, kind: FeeKind, amount: Money, source: PaymentSource, cashReceipt: String?) {
        self.form = form
        self.symbol = symbol
        self.number = number
        self.issuedAt = issuedAt
        self.cancelledAt = cancelledAt
        self.dossier = dossier
        self.applicant = applicant
        self.procedure = procedure
        self.procedureName = procedureName
        self.kind = kind
        self.amount = amount
        self.source = source
        self.cashReceipt = cashReceipt
    }

    /// Issued or cancelled.
    public var status: Status { cancelledAt == nil ? .issued : .cancelled }

    /// The number as printed: 7 digits.
    public var numberText: String { ReceiptSeries.numberText(number) }

    private enum Keys: String, CodingKey {
        case form, symbol, number, at, cancelledAt, status, dossier, applicant, procedure, procedureName, kind, amount, source, cashReceipt
    }

    /// The stable keys of ARCHITECTURE.md (`symbol`, `number` as 7-digit text, `dossier`, `amount`,
    /// `source`, `at`) and the added ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(form, forKey: .form)
        try container.encode(symbol, forKey: .symbol)
        try container.encode(numberText, forKey: .number)
        try container.encode(issuedAt, forKey: .at)
        try container.encode(cancelledAt, forKey: .cancelledAt)
        try container.encode(status, forKey: .status)
        try container.encode(dossier, forKey: .dossier)
        try container.encode(applicant, forKey: .applicant)
        try container.encode(procedure, forKey: .procedure)
        try container.encode(procedureName, forKey: .procedureName)
        try container.encode(kind, forKey: .kind)
        try container.encode(amount, forKey: .amount)
        try container.encode(source, forKey: .source)
        try container.encode(cashReceipt, forKey: .cashReceipt)
    }
}

/// The receipt register of a period: every receipt issued in it (by issue date in the unit's zone),
/// cancelled ones included, by series (symbol, year) and number. Its JSON is the list of receipts, the
/// shape the e-receipt system imports.
public struct ReceiptRegister: Sendable, Equatable, Encodable {
    /// The unit's name.
    public let unit: String
    /// The issue dates covered.
    public let period: ReportPeriod
    /// The receipts.
    public let lines: [ReceiptLine]
    /// When the register was read, ISO 8601.
    public let generatedAt: String

    /// A register.
    public init(unit: String, period: ReportPeriod, lines: [ReceiptLine], generatedAt: String) {
        self.unit = unit
        self.period = period
        self.lines = lines
        self.generatedAt = generatedAt
    }

    /// Encodes the receipts only (`lines`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(lines)
    }

    /// Count and sum of the receipts with `status`, optionally of one `source` only.
    public func total(_ status: ReceiptLine.Status, source: PaymentSource? = nil) -> (count: Int, amount: Money) {
        var count = 0, amount = Money.zero
        for line in lines where line.status == status && (source == nil || line.source == source) {
            count += 1
            amount = amount + line.amount
        }
        return (count, amount)
    }
}
