import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts the helper threads of a statement import (the readers of its two passes, the dossier scan,
/// the matcher), named after their work, with an 8 MB stack like the main thread's.
enum ImportThread {
    /// Starts `body` on a new thread called `name`. A `background` thread runs at a lower priority
    /// (nice + 10, Linux keeps one per thread), so on a busy machine it takes the time the import's
    /// connection thread, which does SQLite's work and sets the pace, leaves over.
    static func start(_ name: String, background: Bool = false, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            #if canImport(Glibc)
            if background { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10) } // 0: this thread
            #endif
            body()
        }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }
}
