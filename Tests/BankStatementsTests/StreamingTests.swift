import Foundation
import Testing
@testable import BankStatements

/// Records the order of visitor calls.
struct FakeRecordingVisitor: StatementVisitor {
    var events: [String] = []
    var failOnLine: Int?

    struct Stop: Error, Equatable {}

    mutating func beginStatement(_ header: StatementHeader) { events.append("begin \(header.reference ?? "-")") }
    mutating func visit(_ line: StatementLine) throws {
        events.append("line \(line.signedAmount)")
        if events.filter({ $0.hasPrefix("line") }).count == failOnLine { throw Stop() }
    }
    mutating func endStatement(_ trailer: StatementTrailer) { events.append("end \(trailer.totals.lineCount)") }
}

/// Renders random statements as MT940 and as CSV and parses them back.
struct RandomStatement {
    var lines: [(amount: Int64, direction: Direction, reversal: Bool, day: Int, memo: String)] = []

    init(seed: UInt64) {
        var generator = SplitMix64(state: seed)
        let count = Int(generator.next() % 40)
        for index in 0..<count {
            let amount = Int64(generator.next() % 50_000_000) + 1
            let direction: Direction = generator.next() % 3 == 0 ? .debit : .credit
            let reversal = generator.next() % 10 == 0
            let day = Int(generator.next() % 28) + 1
            lines.append((amount, direction, reversal, day, "HS\(1_000_000 + index) Nộp phí \(generator.next() % 1000)"))
        }
    }

    var net: Int64 { lines.reduce(0) { $0 + ($1.direction == .credit ? $1.amount : -$1.amount) } }

    func mt940(opening: Int64) -> String {
        var text = ":20:RND\n:25:0071001234567\n:28C:1/1\n:60F:\(opening < 0 ? "D" : "C")261101VND\(abs(opening)),\n"
        for line in lines {
            let mark = line.reversal ? (line.direction == .credit ? "RD" : "RC") : (line.direction == .credit ? "C" : "D")
            text += ":61:2611\(String(format: "%02d", line.day))\(mark)\(line.amount),NTRFNONREF//B\(line.day)\n:86:\(line.memo)\n"
        }
        let closing = opening + net
        return text + ":62F:\(closing < 0 ? "D" : "C")261130VND\(abs(closing)),\n-\n"
    }

    func csv() -> String {
        var text = "Số tài khoản: 0071001234567\n" + csvHeader
        for line in lines {
            let amount = "\"" + Currency.format(minorUnits: line.amount, currency: "VND").replacingOccurrences(of: " ₫", with: "") + "\""
            text += "\(String(format: "%02d", line.day))/11/2026,FT\(line.day),\(line.direction == .debit ? amount : ""),\(line.direction == .credit ? amount : ""),\"\(line.memo)\"\n"
        }
        return text + "Tổng cộng,,,,\n"
    }
}

@Suite("Streaming and round trips")
struct StreamingTests {
    @Test func visitorSeesStatementsInOrder() throws {
        var visitor = FakeRecordingVisitor()
        let summary = try StatementReader.read(data: Data(mt940Plain.utf8), fileName: "bank.sta", visitor: &visitor)
        #expect(visitor.events == ["begin VCB2611220001", "line 75000", "line -20000", "end 2", "begin VCB2611230001", "end 0"])
        #expect(summary == StatementReadSummary(format: .mt940, statements: 2, lines: 2, skipped: 0))
    }

    @Test func visitorErrorsPassThroughUnchanged() {
        var visitor = FakeRecordingVisitor(failOnLine: 1)
        #expect(throws: FakeRecordingVisitor.Stop()) {
            try StatementReader.read(data: Data(mt940Plain.utf8), fileName: "bank.sta", visitor: &visitor)
        }
    }

    @Test(arguments: 1...25)
    func mt940RoundTrip(_ seed: Int) throws {
        let random = RandomStatement(seed: UInt64(seed))
        let statement = try #require(try parse(random.mt940(opening: Int64(seed) * 1000 - 5000)).statements.first)
        #expect(statement.lines.map(\.signedAmount) == random.lines.map { $0.direction == .credit ? $0.amount : -$0.amount })
        #expect(statement.lines.map(\.reversal) == random.lines.map(\.reversal))
        #expect(statement.lines.map(\.memo) == random.lines.map(\.memo))
        #expect(statement.lines.map(\.bookingDate.day) == random.lines.map(\.day))
        #expect(statement.checkBalance() == .balanced)
    }

    @Test(arguments: 1...25)
    func csvRoundTrip(_ seed: Int) throws {
        let random = RandomStatement(seed: UInt64(seed) + 1000)
        let statement = try #require(try parse(random.csv(), format: .csv, profile: try dotProfile()).statements.first)
        #expect(statement.account == "0071001234567")
        #expect(statement.lines.map(\.signedAmount) == random.lines.map { $0.direction == .credit ? $0.amount : -$0.amount })
        #expect(statement.lines.map(\.memo) == random.lines.map(\.memo))
        #expect(statement.trailer.totals.net == random.net)
    }
}
