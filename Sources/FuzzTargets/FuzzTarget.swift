/// The fuzz entry points of FeeDesk's parsers of untrusted input, one per parser.
///
/// Each target takes arbitrary bytes, runs one parser on them and checks the invariants its
/// documentation promises. Bad input must be refused with the parser's error; a crash, a trap
/// (overflow, out-of-range index, force unwrap) or a broken invariant (`FuzzInvariant`) is a bug.
///
/// The same functions serve two drivers:
/// - `feedesk-fuzz` built by `make fuzz` with `-sanitize=fuzzer,address` (libFuzzer + AddressSanitizer);
/// - the normal test suite (`FuzzTargetsTests`), which replays every seed under `Tests/Fuzz/corpus/<name>/`
///   and every saved crasher under `Tests/Fuzz/crashers/<name>/`.
public enum FuzzTarget: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `VietQR.decode` on the bytes as UTF-8 text (`fuzzVietQR`).
    case vietqr
    /// MT940 through `StatementReader.parseAll(format: .mt940)` (`fuzzMT940`).
    case mt940
    /// camt.053/054 through `StatementReader.parseAll(format: .camt)` (`fuzzCamt`).
    case camt
    /// Bank CSV with a shipped bank profile named on the first line (`fuzzCSV`).
    case csv
    /// Format detection and the chosen parser, as `statement import --format auto` runs (`fuzzStatementAuto`).
    case statementAuto = "statement-auto"
    /// `CallbackScheme.standardWebhooks.verify` (`fuzzStandardWebhooks`).
    case callbackStandardWebhooks = "callback-standard-webhooks"
    /// `CallbackScheme.payos.verify` (`fuzzPayOS`).
    case callbackPayOS = "callback-payos"
    /// `CallbackScheme.cassoV2.verify` (`fuzzCasso`).
    case callbackCasso = "callback-casso"
    /// `CallbackScheme.sepay.verify` (`fuzzSePay`).
    case callbackSePay = "callback-sepay"
    /// The strict JSON reader and the canonical JSON writers of BankCallbacks (`fuzzCallbackJSON`).
    case callbackJSON = "callback-json"

    /// The target's name: its corpus and crasher folder and its `FEEDESK_FUZZ_TARGET` value.
    public var description: String { rawValue }

    /// Runs the target on one input.
    @discardableResult
    public func run(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
        switch self {
        case .vietqr: fuzzVietQR(data)
        case .mt940: fuzzMT940(data)
        case .camt: fuzzCamt(data)
        case .csv: fuzzCSV(data)
        case .statementAuto: fuzzStatementAuto(data)
        case .callbackStandardWebhooks: fuzzStandardWebhooks(data)
        case .callbackPayOS: fuzzPayOS(data)
        case .callbackCasso: fuzzCasso(data)
        case .callbackSePay: fuzzSePay(data)
        case .callbackJSON: fuzzCallbackJSON(data)
        }
    }

    /// Runs the target on the bytes of `input`.
    @discardableResult
    public func run(_ input: [UInt8]) -> FuzzOutcome {
        input.withUnsafeBytes { run($0) }
    }
}

/// What a parser made of one fuzz input.
public enum FuzzOutcome: Sendable, Hashable, CustomStringConvertible {
    /// The input was accepted (decoded, parsed, verified); the text summarises what came out.
    case accepted(String)
    /// The input was refused with the parser's own error, whose description is given.
    case rejected(String)

    /// True for `accepted`.
    public var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }

    /// `accepted: …` or `rejected: …`.
    public var description: String {
        switch self {
        case .accepted(let summary): "accepted: \(summary)"
        case .rejected(let reason): "rejected: \(reason)"
        }
    }
}

/// Invariant checks of the fuzz targets: a broken one is a bug, so it stops the process, which
/// libFuzzer records as a crash (and the replaying test suite as a failure).
enum FuzzInvariant {
    /// Stops with `message` unless `condition` holds.
    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                        file: StaticString = #fileID, line: UInt = #line) {
        if !condition() {
            fatalError("fuzz invariant broken: \(message())", file: file, line: line)
        }
    }
}
