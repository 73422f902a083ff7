@testable import FeeDeskApp
import Foundation
import Synchronization
import Testing

/// `MatchProgress`: the write pass reads a credit's decision only once the matcher, on another
/// thread, has decided it in matching order (not file order).
@Suite struct MatchProgressTests {
    @Test func aWaiterReturnsOnlyOnceItsCreditIsDecidedInMatchingOrder() throws {
        let progress = MatchProgress()
        // Matching order: credit 2, then 0, then 1 (file order).
        let order: [Int32] = [2, 0, 1]
        let released = Mutex<[Int]>([])
        let ended = DispatchGroup()
        for credit in [1, 0, 2] {
            ended.enter()
            Thread {
                progress.waitUntilDecided(credit: credit)
                released.withLock { $0.append(credit) }
                ended.leave()
            }.start()
        }
        func settle() { Thread.sleep(forTimeInterval: 0.05) }
        settle()
        #expect(released.withLock { $0 }.isEmpty, "nothing is decided before the order is known")
        progress.start(order: order)
        settle()
        #expect(released.withLock { $0 }.isEmpty, "the order alone decides nothing")
        progress.publish(1)
        settle()
        #expect(released.withLock { $0 } == [2])
        progress.publish(2)
        settle()
        #expect(released.withLock { $0 } == [2, 0])
        progress.publish(3)
        #expect(ended.wait(timeout: .now() + 5) == .success)
        #expect(released.withLock { $0 } == [2, 0, 1])
    }

    @Test func aDecidedCreditIsReadWithoutWaiting() {
        let progress = MatchProgress()
        progress.start(order: [0, 1])
        progress.publish(2)
        progress.waitUntilDecided(credit: 1) // returns at once; a hang would fail the suite's time limit
        progress.waitUntilDecided(credit: 0)
    }

    @Test func theSeenTableStartsWithNoDossierForEveryEntry() {
        let table = SeenTable(count: 3)
        #expect((0..<3).allSatisfy { table[$0].slot == -1 && table[$0].paid == 0 })
        table[1] = PendingCredits.Seen(slot: 7, paid: 50_000)
        #expect(table[1].slot == 7 && table[1].paid == 50_000 && table[2].slot == -1)
    }
}
