/// Values collected from one camt `TxDtls` element.
struct CamtTransaction {
    var amountText: String?
    var currency: String?
    var creditDebit: String?
    var endToEndId: String?
    var servicerReference: String?
    var unstructured: [String] = []
    var creditorReference: String?
    var debtorName: String?
    var creditorName: String?
    var debtorAccount: String?
    var creditorAccount: String?
    var additionalInfo: String?
    var path = ""
}

/// Values collected from one camt `Ntry` element.
struct CamtEntry {
    var amountText: String?
    var currency: String?
    var creditDebit: String?
    var reversal = false
    var status: String?
    var bookingDate: String?
    var valueDate: String?
    var servicerReference: String?
    var entryReference: String?
    var additionalInfo: String?
    var bankCode: String?
    var domainCodes: [String] = []
    var transactions: [CamtTransaction] = []
    var raw = ""
    var path = ""
    var line = 0
}

/// Values collected from one camt `Bal` element.
struct CamtBalance {
    var code: String?
    var amountText: String?
    var currency: String?
    var creditDebit: String?
    var date: String?
    var line = 0
    var path = ""
}

/// Values collected from one `Stmt` (camt.053) or `Ntfctn` (camt.054) element.
struct CamtStatement {
    var identifier: String?
    var sequence: String?
    var account: String?
    var accountCurrency: String?
    var from: String?
    var to: String?
    var balances: [CamtBalance] = []
    var information: [String] = []
    var headerSent = false
    var header: StatementHeader?
    var totals = StatementTotals()
    var skipped = 0
    var entries = 0
    var path = ""
    var line = 0
}
