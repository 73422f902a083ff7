import FeeDeskCore
import FeeDeskStore

/// One credit in the review queue, with what the accountant needs to decide (stable JSON keys of
/// ARCHITECTURE.md: credit, amount, bookingDate, memo, outcome, dossiers, suggestions).
public struct ReviewItem: Sendable, Equatable, Encodable {
    /// A dossier the credit may be for, never applied automatically.
    public struct Suggestion: Sendable, Equatable, Encodable {
        public let dossier: String
        /// 0…1: how likely, from amount, payer name and timing.
        public let score: Double
        public let reason: String
    }

    /// The latest action on the credit that may still be undone, for `POST /api/v1/review-actions/{id}/undo`.
    public struct LastAction: Sendable, Equatable, Encodable {
        /// The review action's number.
        public let id: Int64
        /// `assign`, `refund` or `ignore`.
        public let action: String
    }

    public let credit: Int64
    public let account: String
    public let amount: Money
    public let bookingDate: LocalDate
    public let bookedAt: String?
    public let memo: String
    public let payer: String?
    public let outcome: CreditOutcome
    public let source: String
    /// What is wrong, in Vietnamese: `Không có mã thanh toán`, `Nộp thừa: hoàn trả 5.000 ₫`, …
    public let issue: String
    /// Dossiers the credit pays (allocations).
    public let dossiers: [String]
    /// What the credit already counts for dossiers; `amount - allocated` is still free to assign.
    public let allocated: Money
    public let owedBack: Money
    public let note: String
    public let suggestions: [Suggestion]
    /// The action an undo would reverse; absent when there is none.
    public let lastAction: LastAction?
}

extension ReviewItem {
    init(_ record: CreditRecord, suggestions: [Suggestion], lastAction: ReviewActionRecord? = nil) {
        credit = record.id
        account = record.accountID
        amount = record.amount
        bookingDate = record.bookingDate
        bookedAt = record.bookedAt
        memo = record.memo
        payer = record.counterpartyName
        outcome = record.outcome
        source = record.source.rawValue
        dossiers = record.dossiers
        allocated = record.allocated
        self.lastAction = lastAction.map { LastAction(id: $0.id, action: $0.action) }
        owedBack = record.owedBack
        note = record.note
        self.suggestions = suggestions
        issue = Self.issue(of: record)
    }

    /// What keeps `record` in the queue (the three conditions of `ReviewRepository.needsReview`), or,
    /// once an action has settled it, that it is settled and how.
    static func issue(of record: CreditRecord) -> String {
        if record.outcome == .unmatched {
            return "Chưa xác định hồ sơ (unmatched): \(record.note)"
        }
        if record.owedBack.isPositive && !record.refundConfirmed {
            return "\(record.outcome.displayName): hoàn trả \(record.owedBack.formatted) (owed back, confirm refund)"
        }
        if record.source == .callback && record.outcome != .ignored {
            return "Báo có chưa được sao kê xác nhận (callback not confirmed by a statement)"
        }
        let note = record.note.isEmpty ? "" : ": \(record.note)"
        return "Đã xử lý (settled) — \(record.outcome.displayName) (\(record.outcome.rawValue))\(note)"
    }
}
