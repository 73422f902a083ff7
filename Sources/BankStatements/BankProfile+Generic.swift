import Foundation

extension BankProfile {
    /// The built-in profile used when no profile is named: the header keywords of all shipped
    /// Vietnamese bank profiles, delimiter and encoding detected, amounts read in `auto` style.
    /// Identical to `config/bank-profiles/generic.json`.
    public static let generic: BankProfile = {
        do {
            return try BankProfile.load(from: Data(genericJSON.utf8), name: "generic.json")
        } catch {
            preconditionFailure("the built-in generic profile is valid: \(error)")
        }
    }()

    /// The JSON text of ``generic``.
    public static let genericJSON = """
    {
      "name": "generic",
      "bank": "Any Vietnamese bank (generic)",
      "confirmed": false,
      "source": "Union of the header keywords of the shipped bank profiles; see config/bank-profiles/README.md.",
      "encoding": "auto",
      "delimiter": "auto",
      "skipRows": 0,
      "headerSearchRows": 60,
      "currency": "VND",
      "dateFormats": ["dd/MM/yyyy[ HH:mm[:ss]]", "d/M/yyyy[ H:mm[:ss]]", "dd-MM-yyyy[ HH:mm[:ss]]", "yyyy-MM-dd[ HH:mm[:ss]]", "dd/MM/yy"],
      "amountStyle": "auto",
      "amountLayout": "auto",
      "columns": {
        "bookingDate": ["Ngày giao dịch", "Ngày GD", "Ngày hạch toán", "Ngày ghi sổ", "Ngày", "Transaction date", "TNX Date", "Posting date", "Date"],
        "valueDate": ["Ngày hiệu lực", "Ngày giá trị", "Effective date", "Value date"],
        "credit": ["Số tiền ghi có", "Ghi có", "PS Có", "Phát sinh có", "Có TKTT", "Tiền vào", "Credit", "Có"],
        "debit": ["Số tiền ghi nợ", "Ghi nợ", "PS Nợ", "Phát sinh nợ", "Nợ TKTT", "Tiền ra", "Debit", "Nợ"],
        "amount": ["Số tiền", "Số tiền giao dịch", "Amount"],
        "direction": ["Loại giao dịch", "Nợ/Có", "Debit/Credit", "C/D"],
        "bankReference": ["Số tham chiếu", "Số bút toán", "Số CT", "Mã giao dịch", "Số giao dịch", "Reference", "Doc No", "Transaction number"],
        "memo": ["Mô tả", "Diễn giải", "Nội dung", "Nội dung chi tiết", "Mô tả giao dịch", "Nội dung giao dịch", "Description", "Transactions in detail"],
        "counterpartyName": ["Tên tài khoản đối ứng", "Tên đối ứng", "Đối tác", "Người chuyển", "Counterparty name"],
        "counterpartyAccount": ["Số tài khoản đối ứng", "Tài khoản đối ứng", "TK đối ứng", "Counterparty account"],
        "balance": ["Số dư", "Số dư sau GD", "Balance"]
      },
      "directionValues": {"credit": ["C", "CR", "Có", "Ghi có", "Credit", "+"], "debit": ["D", "DR", "Nợ", "Ghi nợ", "Debit", "-"]},
      "accountLabels": ["Số tài khoản", "Tài khoản", "Account number", "Account No"],
      "openingBalanceLabels": ["Số dư đầu kỳ", "Số dư đầu", "Opening balance"],
      "closingBalanceLabels": ["Số dư cuối kỳ", "Số dư cuối", "Closing balance", "Ending balance"],
      "totalsKeywords": ["Tổng", "Cộng", "Total", "Doanh số"]
    }
    """
}
