import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps a stretch of allocated, cached WAL file ahead of where a bulk write appends its frames, on a
/// thread of its own, so that SQLite's writes land on pages that are already in memory.
///
/// A WAL frame (a 24-byte header and a 4 KiB page) never lines up with the file system's blocks, so
/// each frame written past the end of the file makes the kernel allocate and zero a new page-cache
/// page first, on the writing thread: a fifth of the connection's time in a million-line import on
/// this VM. This thread does that work ahead of it instead: it extends the file (`posix_fallocate`:
/// blocks reserved, reading as zeros, no data written) and reads the new stretch into the page cache
/// (`posix_fadvise(WILLNEED)`), and it extends again once SQLite's frames reach the middle of the
/// stretch.
///
/// The file format is unchanged: SQLite reads a WAL only as far as its frames are valid (each carries
/// the WAL's salt and a running checksum), so zeros past the last frame are never taken for one, as
/// stale frames of earlier transactions are not. The file grows only while frames come within half a
/// stretch of its end, so it never exceeds the furthest frame SQLite has written by more than `length`
/// bytes, however many bulk writes run (SQLite reuses the WAL from its start after a checkpoint).
final class WALRunway: @unchecked Sendable { // `stopped` and `added` are guarded by `condition`
    private let condition = NSCondition()
    private var stopped = false
    private var added = 0
    private let ended = DispatchSemaphore(value: 0)

    /// Starts keeping `length` bytes of `walPath` ready ahead of its frames until `stop()`, looking
    /// every `interval` seconds.
    init(walPath: String, length: Int = 32 << 20, interval: Double = 0.01) {
        let thread = Thread { [self] in
            #if canImport(Glibc)
            let descriptor = open(walPath, O_RDWR | O_CLOEXEC)
            if descriptor >= 0 {
                var end = Self.size(descriptor)
                var probe = [UInt8](repeating: 0, count: 64 << 10)
                while true {
                    end = max(end, Self.size(descriptor)) // SQLite may have written past the stretch
                    // Frames (or stale frames of earlier transactions) within half a stretch of the end:
                    // add half a stretch. Zeros there: the frames are still far enough away.
                    if Self.holdsData(descriptor, at: end - length / 2, probe: &probe) {
                        guard posix_fallocate(descriptor, off_t(end), off_t(length / 2)) == 0 else { break }
                        _ = posix_fadvise(descriptor, off_t(end), off_t(length / 2), POSIX_FADV_WILLNEED)
                        end += length / 2
                        counted(length / 2)
                        continue // look again at once: the frames may be past the new middle already
                    }
                    if waitOrStop(interval) { break }
                }
                close(descriptor)
            }
            #endif
            ended.signal()
        }
        thread.name = "feedesk-wal-runway"
        thread.start()
    }

    /// Stops the thread and waits for it to end; returns how many bytes it added to the WAL.
    @discardableResult
    func stop() -> Int {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        ended.wait()
        condition.lock()
        defer { condition.unlock() }
        return added
    }

    #if canImport(Glibc)
    private static func size(_ descriptor: Int32) -> Int {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
    }

    /// True when any of the `probe.count` bytes at `offset` is not zero (SQLite has written there).
    private static func holdsData(_ descriptor: Int32, at offset: Int, probe: inout [UInt8]) -> Bool {
        guard offset >= 0 else { return true }
        let read = probe.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        guard read > 0 else { return false }
        return probe.prefix(read).contains { $0 != 0 }
    }
    #endif

    private func counted(_ bytes: Int) {
        condition.lock()
        added += bytes
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
