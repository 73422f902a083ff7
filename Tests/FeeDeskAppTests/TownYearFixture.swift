@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation

/// A deterministic year (2021) reproducing the public figures of one town (DOMAIN.md §1): 594,462,000
/// đồng of fees in 8 fee-bearing fields, 12,562,000 of them cashless. Written with bulk inserts
/// through the repositories, with the noise a real year has and the report must ignore: a voided
/// receipt, a reversed allocation, an unmatched credit, payments just outside the year. Every
/// figure the report should show is kept here, computed from the ledger, not from SQL.
struct TownYear {
    static let cashTarget: Int64 = 581_900_000
    static let cashlessTarget: Int64 = 12_562_000

    /// The town's fee schedule: 12 procedures in 8 fields.
    static let fees = """
    [
      {"procedure": "CT.BANSAO", "name": "Chứng thực bản sao từ bản chính", "field": "Chứng thực", "kind": "phi", "amount": 2000},
      {"procedure": "CT.CHUKY", "name": "Chứng thực chữ ký", "field": "Chứng thực", "kind": "phi", "amount": 10000},
      {"procedure": "CT.HOPDONG", "name": "Chứng thực hợp đồng, giao dịch", "field": "Chứng thực", "kind": "phi", "amount": 50000},
      {"procedure": "HT.TRICHLUC", "name": "Cấp bản sao trích lục hộ tịch", "field": "Hộ tịch", "kind": "le_phi", "amount": 8000},
      {"procedure": "HT.KETHON.NN", "name": "Đăng ký kết hôn có yếu tố nước ngoài", "field": "Hộ tịch", "kind": "le_phi", "amount": 1000000},
      {"procedure": "XD.GPXD.NHA", "name": "Cấp giấy phép xây dựng nhà ở riêng lẻ", "field": "Xây dựng", "kind": "le_phi", "amount": 75000},
      {"procedure": "XD.GPXD.GH", "name": "Gia hạn giấy phép xây dựng", "field": "Xây dựng", "kind": "le_phi", "amount": 15000},
      {"procedure": "DKKD.HKD", "name": "Đăng ký thành lập hộ kinh doanh", "field": "Đăng ký kinh doanh", "kind": "le_phi", "amount": 100000},
      {"procedure": "DD.GCN", "name": "Cấp giấy chứng nhận quyền sử dụng đất", "field": "Đất đai", "kind": "le_phi", "amount": 100000},
      {"procedure": "CTH.RUOU", "name": "Thẩm định cấp giấy phép bán lẻ rượu", "field": "Công thương", "kind": "phi", "amount": 600000},
      {"procedure": "ATTP.CN", "name": "Thẩm định cơ sở đủ điều kiện an toàn thực phẩm", "field": "An toàn thực phẩm", "kind": "phi", "amount": 700000},
      {"procedure": "VH.QC", "name": "Thẩm định nội dung quảng cáo", "field": "Văn hóa – Thông tin", "kind": "phi", "amount": 300000}
    ]
    """

    /// What the report must show for one group.
    struct Expected: Equatable {
        var dossiers = Set<Int64>()
        var cashCount: Int64 = 0, cashAmount: Int64 = 0, cashlessCount: Int64 = 0, cashlessAmount: Int64 = 0
    }

    private(set) var byField: [String: Expected] = [:]
    private(set) var byKind: [String: Expected] = [:]
    private(set) var byMonth: [String: Expected] = [:]
    private(set) var byDesk: [String: Expected] = [:]
    private(set) var all = Expected()
    /// Dossiers paid on two different days (partly cashless, the rest in cash later).
    private(set) var splitDossiers = 0

    /// Writes the year into `app`'s database (whose fee schedule is `fees`).
    static func write(into app: FeeDesk) throws -> TownYear {
        try app.setUp(by: "test")
        let schedule = try app.fees()
        return try app.database.write { connection in
            var year = TownYear()
            try year.generate(connection, app: app, schedule: schedule)
            return year
        }
    }

    private mutating func generate(_ connection: SQLiteConnection, app: FeeDesk, schedule: [Fee]) throws {
        var random = SplitMix64(seed: 2_021)
        let dossiers = DossierRepository(connection, calendar: app.calendar)
        let cash = CashRepository(connection, calendar: app.calendar)
        let credits = CreditRepository(connection)
        let first = LocalDate(year: 2021, month: 1, day: 1) ?? LocalDate(daysSinceEpoch: 18_628)
        let weights = schedule.map { $0.amount.dong >= 600_000 ? 1 : ($0.amount.dong <= 10_000 ? 10 : 4) }
        var left: [Bool: Int64] = [false: TownYear.cashTarget, true: TownYear.cashlessTarget]
        var sequence: Int64 = 0, receipts = 0
        func register(_ fee: Fee, amount: Int64, day: LocalDate, desk: String) throws -> Int64 {
            sequence += 1
            let dossier = Dossier(code: "000.00.31.H57-\(sequence)", procedure: fee.procedure, applicant: "CÔNG DÂN \(sequence)",
                                  amountDue: Money(dong: amount), desk: desk, reference: try PaymentReference(sequence: sequence, format: .standard),
                                  registeredAt: app.calendar.startOfDay(day).addingTimeInterval(8 * 3600))
            return try dossiers.insert(dossier)
        }
        func pay(_ id: Int64, _ fee: Fee, _ amount: Int64, cashless: Bool, day: LocalDate, desk: String, counted: Bool = true) throws {
            let at = app.calendar.startOfDay(day).addingTimeInterval(9 * 3600)
            if cashless {
                let credit = try credits.insert(NewCredit(accountID: "main", amount: Money(dong: amount), bookingDate: day, bookedAt: nil,
                                                          memo: "HS\(id) nop phi", counterpartyName: nil, counterpartyAccount: nil,
                                                          bankReference: "FT21\(id)", source: .statement), at: app.calendar.timestamp(at))
                try credits.setOutcome(id: credit, outcome: .matched, owedBack: .zero, note: "")
                try credits.allocate(creditID: credit, dossierID: id, amount: Money(dong: amount), method: "auto", at: app.calendar.timestamp(at))
            } else {
                receipts += 1
                try cash.insert(dossierID: id, amount: Money(dong: amount), receipt: "0000\(receipts)", cashier: "Thu ngân \(desk)", at: at)
            }
            guard counted else { return }
            let month = String(day.description.prefix(7))
            for key in [fee.field, fee.kind.rawValue, month, desk, "*"] {
                var expected: Expected
                switch key {
                case fee.field: expected = byField[key] ?? Expected()
                case fee.kind.rawValue: expected = byKind[key] ?? Expected()
                case month: expected = byMonth[key] ?? Expected()
                case desk: expected = byDesk[key] ?? Expected()
                default: expected = all
                }
                expected.dossiers.insert(id)
                if cashless { expected.cashlessCount += 1; expected.cashlessAmount += amount } else { expected.cashCount += 1; expected.cashAmount += amount }
                switch key {
                case fee.field: byField[key] = expected
                case fee.kind.rawValue: byKind[key] = expected
                case month: byMonth[key] = expected
                case desk: byDesk[key] = expected
                default: all = expected
                }
            }
        }
        let copies = schedule.first { $0.procedure == "CT.BANSAO" } ?? schedule[0]
        while left[false, default: 0] > 0 || left[true, default: 0] > 0 {
            let day = first.adding(days: random.below(365))
            let desk = "Quầy \(1 + random.below(4))"
            let cashless = left[true, default: 0] > 0 && (left[false, default: 0] == 0 || random.chance(2))
            var pick = random.below(weights.reduce(0, +)), index = 0
            while pick >= weights[index] { pick -= weights[index]; index += 1 }
            var fee = schedule[index]
            var amount = fee.amount.dong * (fee.amount.dong <= 10_000 ? Int64(1 + random.below(5)) : 1)
            let remaining = left[cashless, default: 0]
            if amount > remaining {
                guard remaining <= 200_000 else { continue }
                fee = copies
                amount = remaining  // the last certified copies of the year make up the exact figure
            }
            let id = try register(fee, amount: amount, day: day, desk: desk)
            if !cashless && amount >= 50_000 && splitDossiers < 6 && left[true, default: 0] > amount && random.chance(10) {
                // Partly by transfer on the day, the rest in cash three days later: one dossier, two days.
                let part = amount / 2
                try pay(id, fee, part, cashless: true, day: day, desk: desk)
                try pay(id, fee, amount - part, cashless: false, day: day.adding(days: 3) <= first.adding(days: 364) ? day.adding(days: 3) : day.adding(days: -3), desk: desk)
                left[true, default: 0] -= part
                left[false, default: 0] -= amount - part
                splitDossiers += 1
                continue
            }
            try pay(id, fee, amount, cashless: cashless, day: day, desk: desk)
            left[cashless, default: 0] -= amount
        }
        // Noise the report must not count.
        let fee = schedule[1]
        let voided = try register(fee, amount: 10_000, day: first.adding(days: 40), desk: "Quầy 1")
        try pay(voided, fee, 10_000, cashless: false, day: first.adding(days: 40), desk: "Quầy 1", counted: false)
        try connection.run("UPDATE cash_payment SET voided_at = '2021-02-10T10:00:00+07:00', void_reason = 'ghi nhầm' WHERE dossier_id = ?", voided)
        let reversed = try register(fee, amount: 10_000, day: first.adding(days: 41), desk: "Quầy 2")
        try pay(reversed, fee, 10_000, cashless: true, day: first.adding(days: 41), desk: "Quầy 2", counted: false)
        try connection.run("UPDATE allocation SET reversed_at = '2021-02-12T10:00:00+07:00' WHERE dossier_id = ?", reversed)
        _ = try credits.insert(NewCredit(accountID: "main", amount: Money(dong: 77_000), bookingDate: first.adding(days: 50), bookedAt: nil,
                                         memo: "chuyen tien", counterpartyName: nil, counterpartyAccount: nil, bankReference: "FT21X",
                                         source: .statement), at: "2021-02-20T10:00:00+07:00")
        for outside in [first.adding(days: -1), first.adding(days: 365)] {
            let id = try register(fee, amount: 10_000, day: outside, desk: "Quầy 1")
            try pay(id, fee, 10_000, cashless: false, day: outside, desk: "Quầy 1", counted: false)
        }
    }
}
