import Foundation

/// Where the command line writes: standard output for results, standard error for messages.
public protocol Console: Sendable {
    /// Writes `text` and a newline to standard output.
    func out(_ text: String)
    /// Writes `text` and a newline to standard error.
    func error(_ text: String)
    /// Writes raw bytes to standard output (PNG images).
    func outBytes(_ bytes: [UInt8])
    /// Shows (or, with nil, clears) a one-line progress message on standard error.
    func progress(_ text: String?)
}

extension Console {
    /// Consoles that are not terminals show no progress.
    public func progress(_ text: String?) {}
}

/// The process's standard output and error.
public struct StandardConsole: Console {
    /// The process's streams.
    public init() {}

    public func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    public func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    public func outBytes(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    public func progress(_ text: String?) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + (text ?? "")).utf8))
    }
}
