/// Profile keywords folded once for matching.
struct FoldedKeywords: Sendable, Hashable {
    var columns: [CSVColumn: [String]]
    var credit: Set<String>
    var debit: Set<String>
    var account: [String]
    var opening: [String]
    var closing: [String]
    var totals: [String]

    init(columns: [CSVColumn: [String]], credit: [String], debit: [String], account: [String],
         opening: [String], closing: [String], totals: [String]) {
        let fold = { (list: [String]) in list.map(TextFolding.fold).filter { !$0.isEmpty } }
        self.columns = columns.mapValues(fold)
        self.credit = Set(fold(credit))
        self.debit = Set(fold(debit))
        self.account = fold(account)
        self.opening = fold(opening)
        self.closing = fold(closing)
        self.totals = fold(totals)
    }
}
