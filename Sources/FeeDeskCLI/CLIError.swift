/// A command line that cannot be run as written (exit status 2), with the usage line to show.
public struct CLIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, one sentence without a trailing period.
    public let message: String
    /// The usage line of the command concerned, if known.
    public let usage: String?

    /// A usage error.
    public init(_ message: String, usage: String? = nil) {
        self.message = message
        self.usage = usage
    }

    public var description: String { message + "." }
}
