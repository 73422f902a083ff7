/// Where in a source file something was found: a line, an XML element path, or a profile field.
public enum SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// A 1-based line of a text file (MT940, CSV).
    case line(Int)
    /// An XML element path such as `Document/BkToCstmrStmt/Stmt[1]/Ntry[3]`, with its 1-based line.
    case xml(path: String, line: Int)
    /// A field of a JSON document such as a bank profile, e.g. `columns.credit`.
    case field(String)

    /// `line 7`, `line 12 (Document/…/Ntry[3])`, `field 'columns.credit'`.
    public var description: String {
        switch self {
        case .line(let line): return "line \(line)"
        case .xml(let path, let line): return "line \(line) (\(path))"
        case .field(let name): return "field '\(name)'"
        }
    }

    /// The line number, when there is one.
    public var line: Int? {
        switch self {
        case .line(let line), .xml(_, let line): return line
        case .field: return nil
        }
    }
}

/// The one error type of BankStatements: a file that cannot be read as a bank statement, or a bad
/// bank profile.
///
/// `description` is one sentence naming the file, the place and the reason, e.g.
/// `statement.csv line 14: amount '12,5' is not a whole number of đồng`.
public struct StatementError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Broad classes of failure, for callers that branch (all are "rejected input" for the CLI).
    public enum Kind: String, Sendable, Hashable {
        /// Not text at all (NUL bytes, control characters, undecodable bytes).
        case binary
        /// Text in an encoding that the profile or the format does not allow.
        case encoding
        /// The structure of the format is broken (missing tag, wrong root, malformed XML or CSV).
        case syntax
        /// The file ends before the statement does.
        case truncated
        /// An amount that is not a valid amount of its currency.
        case amount
        /// A date or time that does not exist or does not match the expected format.
        case date
        /// No header row was found in a CSV export.
        case noHeaderRow
        /// A bank profile that cannot be used.
        case profile
        /// Sums that do not fit in 64 bits.
        case overflow
    }

    /// The class of failure.
    public let kind: Kind
    /// The file name as given by the caller (used verbatim in the message).
    public let file: String
    /// The place in the file, when known.
    public let location: SourceLocation?
    /// What is wrong, naming the bad value.
    public let reason: String

    /// Creates an error.
    public init(_ kind: Kind, file: String, at location: SourceLocation? = nil, _ reason: String) {
        self.kind = kind
        self.file = file
        self.location = location
        self.reason = reason
    }

    /// `file line N: reason` or `file: reason`.
    public var description: String {
        guard let location else { return "\(file): \(reason)" }
        return "\(file) \(location): \(reason)"
    }
}
