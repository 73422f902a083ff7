import Foundation

extension CamtHandler {
    func collectTransaction(_ key: String, _ value: String) {
        switch key {
        case "Amt": transaction?.amountText = value
        case "AmtDtls/TxAmt/Amt": if transaction?.amountText == nil { transaction?.amountText = value }
        case "CdtDbtInd": transaction?.creditDebit = value
        case "Refs/EndToEndId": transaction?.endToEndId = value
        case "Refs/AcctSvcrRef": transaction?.servicerReference = value
        case "RmtInf/Ustrd": transaction?.unstructured.append(value)
        case "RmtInf/Strd/CdtrRefInf/Ref": transaction?.creditorReference = value
        case "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm": transaction?.debtorName = value
        case "RltdPties/Cdtr/Nm", "RltdPties/Cdtr/Pty/Nm": transaction?.creditorName = value
        case "RltdPties/DbtrAcct/Id/IBAN", "RltdPties/DbtrAcct/Id/Othr/Id": transaction?.debtorAccount = value
        case "RltdPties/CdtrAcct/Id/IBAN", "RltdPties/CdtrAcct/Id/Othr/Id": transaction?.creditorAccount = value
        case "AddtlTxInf": transaction?.additionalInfo = value
        default: break
        }
    }

    func collectEntry(_ key: String, _ value: String) {
        switch key {
        case "Amt": entry?.amountText = value
        case "CdtDbtInd": entry?.creditDebit = value
        case "RvslInd": entry?.reversal = value == "true" || value == "1"
        case "Sts", "Sts/Cd", "Sts/Prtry": if !value.isEmpty { entry?.status = value }
        case "BookgDt/Dt", "BookgDt/DtTm": entry?.bookingDate = value
        case "ValDt/Dt", "ValDt/DtTm": entry?.valueDate = value
        case "AcctSvcrRef": entry?.servicerReference = value
        case "NtryRef": entry?.entryReference = value
        case "AddtlNtryInf": entry?.additionalInfo = value
        case "BkTxCd/Prtry/Cd": entry?.bankCode = value
        case "BkTxCd/Domn/Cd", "BkTxCd/Domn/Fmly/Cd", "BkTxCd/Domn/Fmly/SubFmlyCd": entry?.domainCodes.append(value)
        default: break
        }
    }

    func collectBalance(_ key: String, _ value: String) {
        switch key {
        case "Tp/CdOrPrtry/Cd": balance?.code = value
        case "Amt": balance?.amountText = value
        case "CdtDbtInd": balance?.creditDebit = value
        case "Dt/Dt", "Dt/DtTm": balance?.date = value
        default: break
        }
    }

    func collectStatement(_ key: String, _ value: String) {
        switch key {
        case "Id": statement?.identifier = value
        case "ElctrncSeqNb": statement?.sequence = value
        case "LglSeqNb": if statement?.sequence == nil { statement?.sequence = value }
        case "Acct/Id/IBAN", "Acct/Id/Othr/Id": statement?.account = value
        case "Acct/Ccy": statement?.accountCurrency = value
        case "FrToDt/FrDtTm", "FrToDt/FrDt": statement?.from = value
        case "FrToDt/ToDtTm", "FrToDt/ToDt": statement?.to = value
        case "AddtlStmtInf", "AddtlNtfctnInf": statement?.information.append(value)
        default: break
        }
    }

    private func error(_ kind: StatementError.Kind, line: Int, path: String, _ reason: String) -> StatementError {
        StatementError(kind, file: fileName, at: .xml(path: path, line: line), reason)
    }

    /// Parses a decimal-point amount of `currency`.
    func amount(_ text: String?, currency: String?, what: String, line: Int, path: String) throws -> (Int64, String) {
        guard let text, !text.isEmpty else { throw error(.syntax, line: line, path: path, "\(what) has no amount (Amt)") }
        guard let currency, let code = StaticCode(currency) else {
            throw error(.syntax, line: line, path: path, "\(what) amount currency '\(currency ?? "")' is not an ISO 4217 code")
        }
        let bytes = Array(text.utf8)
        let outcome = bytes.withUnsafeBufferPointer { AmountParser.parse($0, 0..<$0.count, style: .iso, currency: code) }
        switch outcome {
        case .success(let value) where value >= 0 && !text.hasPrefix("+"): return (value, currency)
        case .success: throw error(.amount, line: line, path: path, "\(what) amount '\(text)' must not carry a sign (use CdtDbtInd)")
        case .failure(let problem):
            throw error(.amount, line: line, path: path, AmountParser.message(for: problem, text: text, currency: currency, what: "\(what) amount"))
        }
    }

    /// Parses `YYYY-MM-DD` or an ISO 8601 date-time; the date is kept as written (no zone conversion).
    func dateTime(_ text: String?, what: String, line: Int, path: String) throws -> (StatementDate, StatementTime?)? {
        guard let text, !text.isEmpty else { return nil }
        let utf8 = Array(text.utf8)
        guard utf8.count >= 10, let date = StatementDate(iso: String(decoding: utf8[0..<10], as: UTF8.self)) else {
            throw error(.date, line: line, path: path, "\(what) '\(text)' is not a valid date")
        }
        guard utf8.count > 10 else { return (date, nil) }
        let time = utf8.withUnsafeBufferPointer { CamtHandler.time($0) }
        guard let time else { throw error(.date, line: line, path: path, "\(what) '\(text)' is not a valid date and time") }
        return (date, time)
    }

    /// `THH:mm:ss[.fff][Z|±HH:MM]` after the date.
    static func time(_ bytes: UnsafeBufferPointer<UInt8>) -> StatementTime? {
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T"), bytes[13] == ByteText.colon, bytes[16] == ByteText.colon,
              let hour = ByteText.digits(bytes, 11, 2), let minute = ByteText.digits(bytes, 14, 2),
              let second = ByteText.digits(bytes, 17, 2) else { return nil }
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, ByteText.isDigit(bytes[index]) { index += 1 }
        }
        var offset: Int?
        if index < bytes.count {
            if bytes[index] == UInt8(ascii: "Z"), index + 1 == bytes.count {
                offset = 0
            } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), index + 6 == bytes.count,
                      bytes[index + 3] == ByteText.colon, let hours = ByteText.digits(bytes, index + 1, 2),
                      let minutes = ByteText.digits(bytes, index + 4, 2) {
                offset = (hours * 60 + minutes) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        return StatementTime(hour: hour, minute: minute, second: second, utcOffsetMinutes: offset)
    }

    func direction(_ text: String?, what: String, line: Int, path: String) throws -> Direction {
        switch text {
        case "CRDT": return .credit
        case "DBIT": return .debit
        default: throw error(.syntax, line: line, path: path, "\(what) CdtDbtInd '\(text ?? "")' is not CRDT or DBIT")
        }
    }

    /// A balance with its sign; nil when the statement has no balance of these codes.
    func balance(codes: [String], in statement: CamtStatement) throws -> Balance? {
        for code in codes {
            guard let found = statement.balances.first(where: { $0.code == code }) else { continue }
            let what = "balance \(code)"
            let (value, currency) = try amount(found.amountText, currency: found.currency, what: what,
                                               line: found.line, path: found.path)
            let sign = try direction(found.creditDebit, what: what, line: found.line, path: found.path)
            let date = try dateTime(found.date, what: "\(what) date", line: found.line, path: found.path)?.0
            return Balance(amount: sign == .credit ? value : -value, currency: currency, date: date)
        }
        return nil
    }

    /// Sends the header once, before the first line or at the end of an empty statement.
    func sendHeaderIfNeeded(firstEntryCurrency: String?) throws {
        guard let current = statement, !current.headerSent else { return }
        let opening = try balance(codes: ["OPBD", "PRCD"], in: current)
        let currency = current.accountCurrency ?? opening?.currency
            ?? current.balances.first(where: { $0.currency != nil })?.currency ?? firstEntryCurrency ?? "XXX"
        let from = try dateTime(current.from, what: "FrToDt", line: current.line, path: current.path)?.0
        let to = try dateTime(current.to, what: "FrToDt", line: current.line, path: current.path)?.0
        let header = StatementHeader(format: format ?? .camt053, account: current.account, currency: currency,
                                     reference: current.identifier, sequence: current.sequence, opening: opening,
                                     periodStart: from, periodEnd: to, location: .xml(path: current.path, line: current.line))
        statement?.headerSent = true
        statement?.header = header
        try visitor.beginStatement(header)
    }

    func finishStatement(_ finished: CamtStatement) throws {
        statement = finished
        try sendHeaderIfNeeded(firstEntryCurrency: nil)
        guard let current = statement else { return }
        statement = nil
        let closing = try balance(codes: ["CLBD"], in: current)
        let information = current.information.filter { !$0.isEmpty }
        let trailer = StatementTrailer(opening: current.header?.opening, closing: closing, totals: current.totals,
                                       skipped: current.skipped,
                                       information: information.isEmpty ? nil : information.joined(separator: "\n"))
        summary.statements += 1
        summary.skipped += current.skipped
        try visitor.endStatement(trailer)
    }
}
