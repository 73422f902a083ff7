import Foundation
import FuzzTargets
import Testing

/// One saved fuzz input: a seed of `Tests/Fuzz/corpus/<target>/` or a crasher of
/// `Tests/Fuzz/crashers/<target>/` (kept after its bug was fixed).
struct SavedInput: CustomTestStringConvertible, Sendable {
    let target: FuzzTarget
    let path: String
    var testDescription: String { "\(target)/\((path as NSString).lastPathComponent)" }

    /// The folder `Tests/Fuzz`, found relative to this source file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// Every regular, non-hidden file under `Tests/Fuzz/<kind>/<target>/`, target by target.
    static func all(_ kind: String) -> [SavedInput] {
        FuzzTarget.allCases.flatMap { target in
            let folder = root.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
                .map { SavedInput(target: target, path: folder.appendingPathComponent($0).path) }
        }
    }

    static let seeds = all("corpus")
    static let crashers = all("crashers")

    /// Replays the input and returns its outcome and how long it took.
    func replay() throws -> (FuzzOutcome, Duration) {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var outcome = FuzzOutcome.rejected("not run")
        let elapsed = ContinuousClock().measure { outcome = target.run(bytes) }
        return (outcome, elapsed)
    }
}

/// Replays every seed and every saved crasher through its fuzz target. A crash, a trap or a broken
/// invariant stops the test process; a slow input fails its case.
@Suite("fuzz replay")
struct FuzzReplayTests {
    /// Far above any seed's time in a debug build; a quadratic blow-up found by the fuzzer is not.
    static let timeLimit = Duration.seconds(10)

    @Test(arguments: SavedInput.seeds)
    func seedReplays(_ input: SavedInput) throws {
        let (_, elapsed) = try input.replay()
        #expect(elapsed < Self.timeLimit)
    }

    @Test(arguments: SavedInput.crashers)
    func crasherStaysFixed(_ input: SavedInput) throws {
        let (outcome, elapsed) = try input.replay()
        #expect(elapsed < Self.timeLimit)
        #expect(!outcome.description.isEmpty)
    }

    /// A target whose seeds are all refused would only fuzz its first checks.
    @Test(arguments: FuzzTarget.allCases)
    func everyTargetHasSeedsThatGetThrough(_ target: FuzzTarget) throws {
        let seeds = SavedInput.seeds.filter { $0.target == target }
        #expect(seeds.count >= 3)
        let accepted = try seeds.filter { try $0.replay().0.isAccepted }
        #expect(!accepted.isEmpty, "no seed of \(target) is accepted")
    }

    @Test func everyTargetHasACrasherFolder() {
        for target in FuzzTarget.allCases {
            let folder = SavedInput.root.appendingPathComponent("crashers").appendingPathComponent(target.rawValue)
            var isFolder: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue,
                    "missing \(folder.path)")
        }
    }

    @Test func everyShippedProfileIsLoaded() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: FuzzProfiles.directory.path).filter { $0.hasSuffix(".json") }
        #expect(FuzzProfiles.all.count == files.count)
        #expect(FuzzProfiles.all.map(\.name).contains("vietcombank"))
    }
}
