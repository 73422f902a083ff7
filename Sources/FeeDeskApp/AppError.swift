/// Failures of the application layer that are not domain refusals: configuration, files, demo data.
///
/// Domain refusals are `CoreError`; storage failures are `StoreError`.
public enum AppError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A configuration file is missing, malformed or holds a bad value: file, field, reason.
    case config(file: String, field: String?, message: String)
    /// A file could not be read or written.
    case file(path: String, message: String)
    /// A request value is not acceptable (a format name, an option value); one sentence.
    case input(String)

    public var description: String {
        switch self {
        case let .config(file, field?, message): "\(file): field \(field): \(message)."
        case let .config(file, nil, message): "\(file): \(message)."
        case let .file(path, message): "\(path): \(message)."
        case let .input(message): "\(message)."
        }
    }
}
