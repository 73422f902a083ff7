import FeeDeskCore

/// The Vietnamese words of the day view: debit outcomes, exception kinds with what to do, and the
/// blockers `FeeDesk.reconcile` states in English (shown in Vietnamese, with the original as detail).
extension DayPage {
    /// Debit outcomes in display order.
    static let debitOutcomeNames: [(key: String, name: String)] = [
        ("refund", "Chi hoàn trả"), ("remittance", "Nộp ngân sách"), ("bank_fee", "Phí ngân hàng"), ("unexplained", "Chưa giải trình"),
    ]

    /// What an exception kind is called, what to do about it, and where to do it.
    struct ExceptionWords {
        let name: String
        let todo: String
        /// A page path; `{date}` stands for the day.
        var link: String?
        var linkText = ""
    }

    static func exceptionWords(_ kind: String) -> ExceptionWords {
        switch kind {
        case "unmatched":
            ExceptionWords(name: "Chưa xác định hồ sơ", todo: "Gán cho hồ sơ, hoàn trả hoặc đánh dấu không phải phí.",
                           link: "/review?date={date}", linkText: "Mở hàng chờ →")
        case "refund_due":
            ExceptionWords(name: "Phải hoàn trả", todo: "Xác nhận hoàn trả số tiền thừa hoặc nộp trùng cho người chuyển.",
                           link: "/review?date={date}", linkText: "Mở hàng chờ →")
        case "unconfirmed_callback":
            ExceptionWords(name: "Báo có chưa có trong sao kê",
                           todo: "Đối chiếu với ngân hàng; nếu ngân hàng không ghi có, đánh dấu không phải phí.",
                           link: "/review?date={date}", linkText: "Mở hàng chờ →")
        case "callback_mismatch":
            ExceptionWords(name: "Báo có lệch với sao kê",
                           todo: "Báo có của đối tác khác số tiền hoặc tài khoản với dòng sao kê cùng giao dịch; FeeDesk tính theo sao kê. Đối chiếu với đối tác rồi khoá sổ kèm lý do.")
        case "amount_disagreement":
            ExceptionWords(name: "Báo có lệch số tiền với sao kê",
                           todo: "Báo có và dòng sao kê của cùng giao dịch ghi hai số tiền khác nhau: xác minh với ngân hàng, lấy số theo sao kê và đánh dấu khoản báo có là không phải phí.",
                           link: "/review?date={date}", linkText: "Mở hàng chờ →")
        case "statement_missing":
            ExceptionWords(name: "Chưa có sao kê", todo: "Nhập sao kê của tài khoản thu có ngày này.", link: "/statements", linkText: "Nhập sao kê →")
        case "balance":
            ExceptionWords(name: "Số dư không khớp",
                           todo: "Lấy lại sao kê từ ngân hàng: số dư đầu kỳ + ghi có − ghi nợ phải bằng số dư cuối kỳ.")
        case "unexplained_debit":
            ExceptionWords(name: "Khoản chi chưa giải trình",
                           todo: "Ghi nhận khoản chi hoàn trả hoặc nộp ngân sách mà khoản ghi nợ này thanh toán (feedesk refund pay, remittance record).")
        default:
            ExceptionWords(name: kind, todo: "Xem chi tiết bên dưới.")
        }
    }

    /// A blocker in Vietnamese; an unknown one is given as it is.
    static func blockerWords(_ text: String) -> String {
        let count = String(text.prefix { $0.isNumber })
        if text.hasPrefix("no imported statement") { return "Chưa nhập sao kê nào có ngày này." }
        if text.hasSuffix("has no balances to check") { return "Sao kê có ngày này không có số dư để kiểm tra." }
        if text.hasSuffix("does not balance") { return "Sao kê có ngày này không khớp số dư." }
        if !count.isEmpty, text.contains("credit(s) of"), text.hasSuffix("still need review") {
            return "Còn \(count) khoản ghi có chưa xử lý trong hàng chờ đối soát."
        }
        if !count.isEmpty, text.contains("debit(s) of"), text.contains("not explained") {
            return "Còn \(count) khoản ghi nợ chưa giải trình (chưa gắn với khoản hoàn trả hay nộp ngân sách nào)."
        }
        if !count.isEmpty, text.contains("callback(s) of"), text.hasSuffix("disagree with the statement line of the same transfer") {
            return "Có \(count) báo có lệch số tiền hoặc tài khoản với dòng sao kê cùng giao dịch."
        }
        if text.hasPrefix("the statement's credits") {
            return "Tổng ghi có trên sao kê khác tổng các khoản ghi có đã ghi nhận."
        }
        return text
    }

    /// `user:ke-toan` → `ke-toan`; other actors as they are.
    static func person(_ actor: String) -> String {
        actor.hasPrefix("user:") ? String(actor.dropFirst(5)) : actor
    }

    /// `2026-11-22T10:15:02+07:00` → `10:15 ngày 22/11/2026`; anything else as it is.
    static func moment(_ stamp: String) -> String {
        guard stamp.count >= 16, let date = try? LocalDate(parsing: String(stamp.prefix(10))) else { return stamp }
        return "\(stamp.dropFirst(11).prefix(5)) ngày \(DossierListPage.vietnamese(date))"
    }
}
