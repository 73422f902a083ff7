import FeeDeskHTTP
import Foundation
import Testing

@Suite(.serialized) struct SignalWaiterTests {
    @Test func returnsTheSignalReceived() {
        let waiter = SignalWaiter(signals: [SIGUSR2])
        kill(getpid(), SIGUSR2)
        #expect(waiter.wait(timeout: .seconds(5)) == SIGUSR2)
    }

    @Test func timesOutWithoutASignal() {
        let waiter = SignalWaiter(signals: [SIGUSR1])
        #expect(waiter.wait(timeout: .milliseconds(50)) == nil)
    }
}
