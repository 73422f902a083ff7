@testable import FeeDeskApp
import FeeDeskCore
import FeeDeskHTTP
import Foundation
import Testing

/// A review item names the action an undo would reverse (`lastAction`) and what the credit already
/// counts for dossiers (`allocated`), so a page can offer "undo" and show what is left to split.
@Suite struct ReviewLastActionTests {
    @Test func itemsCarryTheirLastLiveActionAndWhatIsAllocated() throws {
        let (_, app) = try ReviewTests.imported()
        let waiting = try ReviewTests.item(app, memo: "chuyen tien le phi ho so")
        #expect(waiting.lastAction == nil && waiting.allocated == .zero && waiting.amount == Money(dong: 50_000))
        // Split: 24.000 to one dossier, then 10.000 to another; each answer names its own action.
        let first = try app.assign(credit: waiting.credit, to: "000.06.16.G09-261116-0008", amount: nil, reason: "split", by: "t")
        #expect(first.allocated == Money(dong: 24_000) && first.outcome == .unmatched)
        let firstAction = try #require(first.lastAction)
        #expect(firstAction.action == "assign")
        let second = try app.assign(credit: waiting.credit, to: "000.06.16.G09-261116-0009", amount: Money(dong: 10_000), reason: "split", by: "t")
        let secondAction = try #require(second.lastAction)
        #expect(secondAction.id > firstAction.id && second.allocated == Money(dong: 34_000))
        // Still waiting with 16.000 free: the queue shows the same last action.
        let queued = try ReviewTests.item(app, memo: "chuyen tien le phi ho so")
        #expect(queued.lastAction == secondAction && queued.allocated == Money(dong: 34_000))
        #expect(queued.dossiers.sorted() == ["000.06.16.G09-261116-0008", "000.06.16.G09-261116-0009"])
        // Undoing it makes the earlier action the one to undo next; undoing both leaves none.
        let undone = try app.undoReview(action: secondAction.id, reason: "wrong dossier", by: "t")
        #expect(undone.lastAction == firstAction && undone.allocated == Money(dong: 24_000))
        let clean = try app.undoReview(action: firstAction.id, reason: "start again", by: "t")
        #expect(clean.lastAction == nil && clean.allocated == .zero)
        // A resolved credit leaves the queue, but the action's answer still names what to undo.
        let ignored = try app.ignore(credit: waiting.credit, reason: "internal transfer", by: "t")
        #expect(ignored.lastAction?.action == "ignore")
        #expect(try app.reviewQueue().allSatisfy { $0.credit != waiting.credit })
    }

    @Test func theJSONHasTheNewKeysAndOmitsAnAbsentAction() throws {
        let (_, app) = try ReviewTests.imported()
        let waiting = try ReviewTests.item(app, memo: "HS00001557")
        let before = try JSONSerialization.jsonObject(with: HTTPResponse.makeJSONEncoder().encode(waiting)) as? [String: Any] ?? [:]
        #expect(before["allocated"] as? Int == 0)
        #expect(before["lastAction"] == nil)
        let after = try app.assign(credit: waiting.credit, to: "000.06.16.G09-261117-0005", amount: nil, reason: "typo", by: "t")
        let json = try JSONSerialization.jsonObject(with: HTTPResponse.makeJSONEncoder().encode(after)) as? [String: Any] ?? [:]
        let last = try #require(json["lastAction"] as? [String: Any])
        #expect(last["action"] as? String == "assign")
        #expect((last["id"] as? Int).map(Int64.init) == after.lastAction?.id)
        #expect(json["allocated"] as? Int == 100_000)
    }
}
