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
final class WALRunway: Sendable {
    private let thread: WALThread

    /// Starts keeping `length` bytes of `walPath` ready ahead of its frames until `stop()`, looking
    /// every `interval` seconds.
    init(walPath: String, length: Int = 32 << 20, interval: Double = 0.01) {
        thread = WALThread(name: "feedesk-wal-runway", interval: interval) { thread in
            #if canImport(Glibc)
            let descriptor = open(walPath, O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            defer { close(descriptor) }
            let half = length / 2
            var end = Self.size(descriptor)
            var probe = [UInt8](repeating: 0, count: 64 << 10)
            repeat {
                // Frames (or stale frames of earlier transactions) within half a stretch of the end: add
                // half a stretch, and look again at once. Zeros there: the frames are still far enough away.
                end = max(end, Self.size(descriptor)) // SQLite may have written past the stretch
                while Self.holdsData(descriptor, at: end - half, probe: &probe) {
                    guard posix_fallocate(descriptor, off_t(end), off_t(half)) == 0 else { return }
                    _ = posix_fadvise(descriptor, off_t(end), off_t(half), POSIX_FADV_WILLNEED)
                    end += half
                    thread.count(half)
                }
            } while !thread.pause()
            #endif
        }
    }

    /// Stops the thread and waits for it to end; returns how many bytes it added to the WAL.
    @discardableResult
    func stop() -> Int { thread.stop() }

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
}
