/// What became of a credit to a collection account. Every credit is in exactly one outcome.
public enum CreditOutcome: String, Sendable, Codable, CaseIterable {
    /// A valid reference and exactly the amount still due.
    case matched
    /// A valid reference and less than was due: counted, the dossier still owes the rest.
    case underpaid
    /// A valid reference and more than was due: the excess is owed back.
    case overpaid
    /// The dossier was already paid: the whole credit is owed back.
    case duplicate
    /// No valid reference to a payable dossier: waits in the review queue.
    case unmatched
    /// Marked for refund by an accountant: the whole credit is owed back.
    case refund
    /// Not a fee (e.g. a cash deposit or interest), set aside by an accountant with a reason.
    case ignored

    /// The Vietnamese label of reports and the review queue.
    public var displayName: String {
        switch self {
        case .matched: "Khớp"
        case .underpaid: "Nộp thiếu"
        case .overpaid: "Nộp thừa"
        case .duplicate: "Nộp trùng"
        case .unmatched: "Chưa xác định"
        case .refund: "Hoàn trả"
        case .ignored: "Không phải phí"
        }
    }
}
