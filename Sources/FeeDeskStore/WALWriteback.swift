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
final class WALWriteback: Sendable {
    private let thread: WALThread

    /// Starts writing back `walPath` every `interval` seconds until `stop()`.
    init(walPath: String, interval: Double = 0.25) {
        thread = WALThread(name: "feedesk-wal-writeback", interval: interval) { thread in
            #if canImport(Glibc)
            var descriptor: Int32 = -1
            while !thread.pause() {
                if descriptor < 0 { descriptor = open(walPath, O_RDONLY | O_CLOEXEC) }
                if descriptor >= 0, fdatasync(descriptor) == 0 { thread.count(1) }
            }
            if descriptor >= 0 { close(descriptor) }
            #endif
        }
    }

    /// Stops the writeback and waits for its thread to end; returns how many syncs it made.
    @discardableResult
    func stop() -> Int { thread.stop() }
}
