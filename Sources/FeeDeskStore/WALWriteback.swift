import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts the kernel writing a bulk write's WAL to disk while the transaction still runs, so that the
/// commit's `fsync` finds little left to write.
///
/// A large transaction appends hundreds of megabytes to the WAL (770 MB for a million-line import);
/// Linux keeps them as dirty pages until the commit's `fsync` (they stay below its own writeback
/// thresholds on a machine with a few GB of RAM), which then writes them all while the write lock is held.
/// Every `interval` this syncs the WAL (`fdatasync`) on a thread of its own, which waits for the disk
/// while the transaction goes on. Durability is unchanged: the commit still syncs the WAL; this only
/// makes that sync short.
final class WALWriteback: @unchecked Sendable { // `stopped` and `syncs` are guarded by `condition`
    private let condition = NSCondition()
    private var stopped = false
    private var syncs = 0
    private let ended = DispatchSemaphore(value: 0)

    /// Starts writing back `walPath` every `interval` seconds until `stop()`.
    init(walPath: String, interval: Double = 0.25) {
        let thread = Thread { [self] in
            var descriptor: Int32 = -1
            while !waitOrStop(interval) {
                #if canImport(Glibc)
                if descriptor < 0 { descriptor = open(walPath, O_RDONLY | O_CLOEXEC) }
                if descriptor >= 0, fdatasync(descriptor) == 0 { counted() }
                #endif
            }
            if descriptor >= 0 { close(descriptor) }
            ended.signal()
        }
        thread.name = "feedesk-wal-writeback"
        thread.start()
    }

    /// Stops the writeback and waits for its thread to end; returns how many syncs it made.
    @discardableResult
    func stop() -> Int {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        ended.wait()
        condition.lock()
        defer { condition.unlock() }
        return syncs
    }

    private func counted() {
        condition.lock()
        syncs += 1
        condition.unlock()
    }

    /// Waits `seconds` or until stopped; true when stopped.
    private func waitOrStop(_ seconds: Double) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if !stopped { _ = condition.wait(until: Date(timeIntervalSinceNow: seconds)) }
        return stopped
    }
}
