// `feedesk-fuzz`: the libFuzzer driver of the FuzzTargets (built by `make fuzz`) and, in a normal
// build, a replayer of saved inputs.
//
// Two builds from one file, chosen by the FUZZING compilation condition:
//
// - `make fuzz` builds this product alone, into its own scratch path, with
//   `-sanitize=fuzzer,address -DFUZZING`. libFuzzer brings its own `main`, but SwiftPM links every
//   executable with `--defsym main=<module>_main` (so that tests can link executable modules), so
//   this file defines `feedesk_fuzz_main`, which hands the command line to libFuzzer through
//   `LLVMFuzzerRunDriver`. The target comes from the environment (`FEEDESK_FUZZ_TARGET`), not the
//   command line, because libFuzzer reads every argument itself.
// - the normal build (`swift build`, `make test`) has no sanitizer runtime; `@main` replays files:
//   `feedesk-fuzz TARGET FILE|FOLDER...` prints each input's outcome (a reproducer without ASan).
import Foundation
import FuzzTargets

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

#if FUZZING

/// libFuzzer's callback type: one input, 0 to keep going.
typealias FuzzerCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// libFuzzer's entry point for programs with their own `main` (compiler-rt `FuzzerInterface.h`).
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzerCallback
) -> CInt

/// The target named by `FEEDESK_FUZZ_TARGET`, read once.
let selectedTarget = ProcessInfo.processInfo.environment["FEEDESK_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:))

/// The program's `main`, under the name SwiftPM's `--defsym main=feedesk_fuzz_main` expects.
@_cdecl("feedesk_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    guard selectedTarget != nil else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: " ")
        printError("feedesk-fuzz: set FEEDESK_FUZZ_TARGET to one of: \(names)")
        return 2
    }
    var count = argc
    var arguments = argv
    return llvmFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}

/// libFuzzer's per-input hook: runs the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    selectedTarget?.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

#else

/// Replays saved fuzz inputs through a target without libFuzzer.
@main
enum FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[0]) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            printError("usage: feedesk-fuzz \(names) FILE|FOLDER...")
            exit(2)
        }
        for path in arguments.dropFirst() {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    printError("feedesk-fuzz: cannot read '\(file)'.")
                    exit(1)
                }
                print("\(file): \(target.run(Array(data)))")
            }
        }
    }

    /// `path` itself, or the regular files directly inside it, sorted.
    static func files(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }
}

#endif
