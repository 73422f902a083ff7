/// Receives a statement file as it is parsed, so that large files never sit in memory as lines.
///
/// For every statement the reader calls `beginStatement` once, `visit` for each line in file order,
/// then `endStatement` once. An error thrown by the visitor stops the read and is rethrown as is.
public protocol StatementVisitor {
    /// A statement starts; its header is complete except perhaps the opening balance (see the trailer).
    mutating func beginStatement(_ header: StatementHeader) throws
    /// One booked line of the current statement.
    mutating func visit(_ line: StatementLine) throws
    /// The current statement ended.
    mutating func endStatement(_ trailer: StatementTrailer) throws
}

/// A visitor that keeps everything: backs ``StatementReader/parseAll(data:format:profile:fileName:)``.
public struct CollectingVisitor: StatementVisitor, Sendable {
    /// Completed statements.
    public private(set) var statements: [Statement] = []
    private var header: StatementHeader?
    private var lines: [StatementLine] = []

    /// An empty collector.
    public init() {}

    /// Remembers the header.
    public mutating func beginStatement(_ header: StatementHeader) {
        self.header = header
        lines = []
    }

    /// Keeps the line.
    public mutating func visit(_ line: StatementLine) {
        lines.append(line)
    }

    /// Stores the finished statement.
    public mutating func endStatement(_ trailer: StatementTrailer) {
        guard let header else { return }
        statements.append(Statement(header: header, lines: lines, trailer: trailer))
        self.header = nil
        lines = []
    }
}
