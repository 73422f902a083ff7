import FeeDeskApp
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs another program to completion, capturing its standard output (standard error passes through)
/// and its own peak resident memory from `wait4`.
enum ChildProcess {
    /// The path of the running `feedesk` executable.
    static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Runs `path` with `arguments`; returns its output and peak RSS in MB, or throws when it fails.
    static func run(_ path: String, _ arguments: [String]) throws -> (output: [UInt8], peakMB: Double) {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw AppError.input("cannot create a pipe for \(path): \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        close(pipe[1])
        guard spawned == 0 else {
            close(pipe[0])
            throw AppError.input("cannot start \(path): \(String(cString: strerror(spawned)))")
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count > 0 { output += buffer[0..<count]; continue }
            if count < 0 && errno == EINTR { continue }
            break
        }
        close(pipe[0])
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        guard exited && code == 0 else {
            throw AppError.input("\(path) \(arguments.joined(separator: " ")) failed (\(exited ? "exit status \(code)" : "signal \(status & 0x7F)"))")
        }
        return (output, Double(usage.ru_maxrss) / 1024)
    }
}
