import FeeDeskCore
import Foundation
import Synchronization

/// A clock the test moves by hand.
final class FakeClock: WallClock {
    private let instant: Mutex<Date>

    init(_ start: String = "2026-11-22T07:30:00+07:00") throws {
        instant = Mutex(try Timestamp.parse(start))
    }

    func now() -> Date { instant.withLock { $0 } }

    func advance(seconds: TimeInterval) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
