@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskStore
import Foundation
import Testing

/// Dossier codes in memos through every path: statement import (byte-level matcher), callbacks and
/// the re-match after a register import (stored credits), review suggestions.
@Suite struct DossierCodeImportTests {
    static func register(_ rows: [(number: Int, amount: Int64)]) -> Data {
        var text = "Mã hồ sơ,Mã thủ tục,Người nộp,Số tiền,Quầy,Ngày tiếp nhận\r\n"
        for row in rows {
            text += "\(CreditLinkBed.code(row.number)),CT.CHUKY,NGUYEN VAN AN,\(row.amount),Q1,2026-11-22T08:00:00+07:00\r\n"
        }
        return Data(text.utf8)
    }

    static func outcomes(_ bed: CreditLinkBed) throws -> [String] {
        try bed.credits().map(\.outcome)
    }

    /// Issue 10 acceptance: a credit whose memo carries a dossier code, booked before the dossier was
    /// known, is matched right after the register import; one for another amount waits for review with
    /// the dossier as its first suggestion.
    @Test func aCodeCreditWaitingForItsDossierIsMatchedAfterTheRegisterImport() throws {
        var bed = try CreditLinkBed()
        try bed.statement([
            ("09:01:00", "5202.261122", 10_000, "MBVCB.1.nop phi ho so 0000616g09 2611220001.CT tu 0123 NGUYEN VAN AN"),
            ("09:02:00", "5203.261122", 7_000, "000-06-16-g09 261122-0002 le phi"),
        ])
        #expect(try Self.outcomes(bed) == ["unmatched", "unmatched"])
        let report = try bed.app.importDossiers(Self.register([(1, 10_000), (2, 10_000)]), fileName: "register.csv", format: .csv, by: "test")
        #expect(report.new == 2 && report.rematched == 1)
        #expect(try Self.outcomes(bed) == ["matched", "unmatched"])
        #expect(try bed.app.dossier(code: CreditLinkBed.code(1)).status == .paid)
        #expect(try bed.app.dossier(code: CreditLinkBed.code(2)).status == .unpaid)
        let waiting = try #require(try bed.app.reviewQueue().first)
        #expect(waiting.amount == Money(dong: 7_000))
        #expect(waiting.suggestions.first?.dossier == CreditLinkBed.code(2))
        #expect(waiting.suggestions.first?.reason == "the memo names this dossier by its code; it owes 10.000 ₫")
    }

    /// A statement import matches codes of known dossiers in memory, with the same rules.
    @Test func aStatementImportMatchesKnownCodes() throws {
        var bed = try CreditLinkBed()
        let reference = try bed.dossier(4)
        for number in 1...3 { _ = try bed.dossier(number) }
        let report = try bed.statement([
            ("09:01:00", "A1", 10_000, "CT nhanh 247 den: 000.06.16.G09 261122 0001 NGUYEN VAN AN"),   // matched by code
            ("09:02:00", "A2", 12_000, "0000616G092611220002"),                                       // another amount: review
            ("09:03:00", "A3", 10_000, "000.06.16.G09-261122-0099"),                                  // no such dossier
            ("09:04:00", "A4", 10_000, "\(reference) 0000616G092611220003"),                          // the reference wins
            ("09:05:00", "A5", 10_000, "0000616G092611220003 lan 2"),                                 // code: dossier 3 still owes
        ])
        #expect(report.outcomes == .init(matched: 3, underpaid: 0, overpaid: 0, duplicate: 0, unmatched: 2))
        #expect(try Self.outcomes(bed) == ["matched", "unmatched", "unmatched", "matched", "matched"])
        #expect(try bed.allocated() == [CreditLinkBed.code(1): 10_000, CreditLinkBed.code(4): 10_000, CreditLinkBed.code(3): 10_000])
        let notes = try bed.app.database.read { try $0.query("SELECT note FROM credit ORDER BY id") { $0.text(0) ?? "" } }
        #expect(notes[0] == "pays dossier \(CreditLinkBed.code(1)), named by its dossier code")
        #expect(notes[1] == "the memo names dossier \(CreditLinkBed.code(2)) by its dossier code; it owes 10.000 ₫, not 12.000 ₫: check before assigning")
        let queue = try bed.app.reviewQueue()
        #expect(queue.map(\.amount) == [Money(dong: 12_000), Money(dong: 10_000)])
        #expect(queue.first?.suggestions.first?.dossier == CreditLinkBed.code(2))
    }

    /// A callback carrying a code is matched at once when the amount agrees.
    @Test func aCallbackMatchesByCode() throws {
        let bed = try CreditLinkBed()
        _ = try bed.dossier(1)
        let result = try bed.callback(id: "FT1", amount: 10_000, memo: "nop ho so 0000616G09-261122-0001")
        #expect(result.outcome == .matched)
        #expect(try bed.app.dossier(code: CreditLinkBed.code(1)).status == .paid)
        let other = try bed.callback(id: "FT2", amount: 10_000, memo: "nop lai ho so 0000616G09-261122-0001")
        #expect(other.outcome == .unmatched, "already paid: a code never makes a duplicate automatically")
    }

    /// The book finds dossiers by code the same way whether it scans the table or looks each code up,
    /// and a dossier named by reference and by code has one slot.
    @Test func bookScanAndCodeLookupsAgree() throws {
        let bed = try CreditLinkBed()
        let references = try (1...6).map { try bed.dossier($0) }
        let keys = ReferenceKey(format: .standard)
        let named = [try #require(keys.key(PaymentReference(storedText: references[0])))]
        let codes = [1, 2, 5, 9].map { DossierCodeScanner.compactKey(CreditLinkBed.code($0)) }
        func load(scanShare: Int64) throws -> [String] {
            try bed.app.database.read { connection in
                var book = DossierBook(format: .standard, references: named, codes: codes)
                try book.load(from: CreditRepository(connection), scanShare: scanShare)
                #expect(book.slot(named[0]) == book.slot(code: codes[0]), "one slot for a dossier named both ways")
                return codes.map { code in
                    guard let slot = book.slot(code: code) else { return "\(code): none" }
                    return "\(code): \(book.dossier(slot, reference: book.reference(slot), paid: book.paid(slot), withCode: true))"
                }
            }
        }
        let scanned = try load(scanShare: 1_000_000)
        #expect(scanned == (try load(scanShare: 0)))
        #expect(scanned.last == "0000616G092611220009: none")
        #expect(scanned.first?.contains(references[0]) == true, "\(scanned)")
        #expect(scanned[2].contains(references[4]))
    }
}
