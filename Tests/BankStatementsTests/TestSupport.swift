import Foundation
import Testing
@testable import BankStatements

/// Parses a string fixture (UTF-8) with `parseAll`.
func parse(_ text: String, format: StatementFormatChoice = .auto, profile: BankProfile? = nil,
           file: String = "test.txt") throws -> ParsedStatementFile {
    try StatementReader.parseAll(data: Data(text.utf8), format: format, profile: profile, fileName: file)
}

/// The error message produced by parsing `text`, or nil when it parses.
func errorMessage(_ text: String, format: StatementFormatChoice = .auto, profile: BankProfile? = nil,
                  file: String = "test.txt") -> String? {
    errorMessage(Data(text.utf8), format: format, profile: profile, file: file)
}

/// The error message produced by parsing `data`, or nil when it parses.
func errorMessage(_ data: Data, format: StatementFormatChoice = .auto, profile: BankProfile? = nil,
                  file: String = "test.txt") -> String? {
    do {
        _ = try StatementReader.parseAll(data: data, format: format, profile: profile, fileName: file)
        return nil
    } catch {
        return error.description
    }
}

/// A date literal for expectations.
func day(_ text: String) -> StatementDate {
    guard let date = StatementDate(iso: text) else { fatalError("bad test date \(text)") }
    return date
}

/// Deterministic SplitMix64 for property-style tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
