import FeeDeskCore
import FeeDeskStore
import VietQR

/// One fee schedule line as the desk page lists it.
public struct FeeChoice: Sendable, Equatable, Encodable {
    /// The procedure code.
    public let procedure: String
    /// The procedure's Vietnamese name.
    public let name: String
    /// The field (lĩnh vực).
    public let field: String
    /// `phi` or `le_phi`.
    public let kind: FeeKind
    /// `Phí` or `Lệ phí`.
    public let kindName: String
    /// Đồng.
    public let amount: Money
    /// `75.000 ₫`.
    public let amountText: String
}

/// What the desk page and the citizen display show for one dossier: amount in figures and words,
/// where to pay, the payment reference and the status. `qr` and `slip` are nil (absent from the
/// JSON, as other nil fields of the API) once nothing is left to pay.
public struct DeskPaymentView: Sendable, Equatable, Encodable {
    /// The dossier code.
    public let code: String
    /// The procedure code and its name.
    public let procedure: String, procedureName: String
    /// The applicant's name (outside text: pages place it as text, never as HTML).
    public let applicant: String
    /// The desk that registered it.
    public let desk: String?
    /// `unpaid`, `partially_paid`, `paid` or `overpaid`.
    public let status: DossierStatus
    /// True when the dossier was cancelled.
    public let cancelled: Bool
    /// Đồng due, paid so far, and still owed.
    public let amountDue: Money, paid: Money, outstanding: Money
    /// What the citizen is asked to pay: the outstanding amount, or the amount due once paid.
    public let amount: Money
    /// `75.000 ₫`.
    public let amountText: String
    /// `Bảy mươi lăm nghìn đồng`.
    public let amountWords: String
    /// The payment reference the transfer memo must carry.
    public let reference: String
    /// `Vietcombank — Ngân hàng TMCP Ngoại Thương Việt Nam`.
    public let bank: String
    /// The collection account: bank BIN, number and holder.
    public let bankBin: String, account: String, holder: String
    /// The QR image path, with the outstanding amount so a changed amount reloads it; nil when paid.
    public let qr: String?
    /// The printable slip's path; nil when paid.
    public let slip: String?
    /// The latest payments, newest last.
    public let payments: [DossierDetail.PaymentLine]
}

extension FeeDesk {
    /// Active fees whose code, name or field contain every word of `query`, ignoring case, tone marks
    /// and `đ`/`d` (`chung thuc` finds `Chứng thực`); an exact code comes first. At most `limit`.
    public func searchFees(_ query: String, limit: Int = 20) throws -> [FeeChoice] {
        let words = FeeDesk.searchKey(query).split(separator: " ").map(String.init)
        let fees = try database.read { connection in try FeeRepository(connection).active() }
        let exact = query.trimmingCharacters(in: .whitespaces).uppercased()
        let matches = fees.filter { fee in
            let haystack = FeeDesk.searchKey("\(fee.procedure) \(fee.name) \(fee.field)")
            return words.allSatisfy { haystack.contains($0) }
        }
        let ordered = matches.filter { $0.procedure == exact } + matches.filter { $0.procedure != exact }
        return ordered.prefix(max(0, limit)).map { fee in
            FeeChoice(procedure: fee.procedure, name: fee.name, field: fee.field, kind: fee.kind, kindName: fee.kind.displayName,
                      amount: fee.amount, amountText: fee.amount.formatted)
        }
    }

    /// `text` folded for searching: no tone marks, `đ` → `d`, lower case, runs of anything but letters
    /// and digits collapsed to one space.
    static func searchKey(_ text: String) -> String {
        let folded = MemoText.fold(text).lowercased()
        var out = ""
        var space = false
        for character in folded {
            if character.isLetter || character.isNumber {
                if space && !out.isEmpty { out.append(" ") }
                out.append(character)
                space = false
            } else {
                space = true
            }
        }
        return out
    }

    /// The payment view of dossier `code` for the desk page and the citizen display.
    public func deskPaymentView(code: String) throws -> DeskPaymentView {
        let detail = try dossier(code: code)
        guard let account = collectionAccount else { throw AppError.input("no collection account is configured") }
        let bank = BankDirectory.bank(bin: account.bin)
        let open = !detail.cancelled && detail.outstanding.isPositive
        let amount = open ? detail.outstanding : detail.amountDue
        let path = "/api/v1/dossiers/\(FeeDesk.pathSegment(detail.code))"
        return DeskPaymentView(
            code: detail.code, procedure: detail.procedure, procedureName: detail.procedureName, applicant: detail.applicant,
            desk: detail.desk, status: detail.status, cancelled: detail.cancelled, amountDue: detail.amountDue, paid: detail.paid,
            outstanding: detail.outstanding, amount: amount, amountText: amount.formatted,
            amountWords: VietnameseAmountWords.sentence(amount.dong) ?? "", reference: detail.reference,
            bank: bank.map { "\($0.shortName) — \($0.fullName)" } ?? "Ngân hàng BIN \(account.bin)", bankBin: account.bin,
            account: account.number, holder: account.holder,
            qr: open ? "\(path)/qr.svg?amount=\(detail.outstanding.dong)" : nil, slip: open ? "\(path)/slip" : nil,
            payments: detail.payments)
    }

    /// `text` percent-encoded for one URL path segment (dossier codes hold only `A-Z 0-9 . - _ /`).
    static func pathSegment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
