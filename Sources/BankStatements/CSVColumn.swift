/// A field of a CSV export that a profile can map to a header.
public enum CSVColumn: String, Sendable, Hashable, Codable, CaseIterable {
    /// Booking (transaction) date, possibly with time. Required.
    case bookingDate
    /// Value (effective) date.
    case valueDate
    /// Money in (credit-debit layout).
    case credit
    /// Money out (credit-debit layout).
    case debit
    /// One amount column: signed, or unsigned with a direction column.
    case amount
    /// `C`/`D`, `Có`/`Nợ`… beside an unsigned amount.
    case direction
    /// The bank's reference / document number.
    case bankReference
    /// Description / memo.
    case memo
    /// The other party's name.
    case counterpartyName
    /// The other party's account.
    case counterpartyAccount
    /// Running balance after the row.
    case balance
}

/// Where a CSV row keeps its amount and direction.
public enum AmountLayout: String, Sendable, Hashable, Codable, CaseIterable {
    /// Separate money-in and money-out columns.
    case creditDebit = "credit-debit"
    /// One signed column: positive is money in.
    case signed
    /// An unsigned amount column and a direction column.
    case amountDirection = "amount-direction"
    /// Credit-debit when a credit or a debit column is found, else amount-direction, else signed.
    case auto
}

/// The CSV field delimiter.
public enum CSVDelimiter: String, Sendable, Hashable, Codable, CaseIterable {
    /// `,`
    case comma = ","
    /// `;`
    case semicolon = ";"
    /// Tab (Excel "Text (tab-delimited)").
    case tab = "\t"
    /// Whichever of tab, `;` and `,` reveals the header row.
    case auto

    var byte: UInt8? {
        switch self {
        case .comma: return UInt8(ascii: ",")
        case .semicolon: return UInt8(ascii: ";")
        case .tab: return UInt8(ascii: "\t")
        case .auto: return nil
        }
    }
}
