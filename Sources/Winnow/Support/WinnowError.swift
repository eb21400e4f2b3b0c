/// A fatal error: the run cannot go on. Per-record problems are `Reject`s instead and never stop a run.
public struct WinnowError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in categories that map to the CLI's exit codes.
    public enum Kind: Sendable {
        /// A pipeline file, option or argument is wrong: the user must change the command (exit 1).
        case configuration
        /// A file could not be opened, read or written (exit 1).
        case io
        /// Input was rejected more often than `--max-rejects` allows (exit 2).
        case tooManyRejects
        /// An input is damaged so that records already read from it cannot be trusted (a gzip member
        /// whose checksum fails): the run stops, and commits no output (exit 1).
        case damagedInput
    }

    public let kind: Kind
    /// A sentence the user can act on.
    public let message: String
    /// The file the error is about, when there is one.
    public let path: String?
    /// What became of the outputs of the run this error stopped, said after the message: set where a
    /// run under way fails, to `nothingWritten`, and restated by the run for its stream outputs, whose
    /// records already sent cannot be taken back (`restated(for:)`).
    public internal(set) var outcome: String?

    /// What a failed run leaves when its outputs are files: none of them changed.
    static let nothingWritten = "no output was written"

    public init(_ kind: Kind, _ message: String, path: String? = nil) {
        self.kind = kind
        self.message = message
        self.path = path
    }

    /// An error that stops a run under way: its message ends with what became of the outputs.
    init(_ kind: Kind, stoppingRun message: String, path: String? = nil) {
        self.init(kind, message, path: path)
        outcome = Self.nothingWritten
    }

    public var description: String {
        let said = outcome.map { "\(message); \($0)" } ?? message
        if let path { return "\(path): \(said)" }
        return said
    }

    static func configuration(_ message: String, path: String? = nil) -> WinnowError {
        WinnowError(.configuration, message, path: path)
    }

    static func io(_ message: String, path: String? = nil) -> WinnowError {
        WinnowError(.io, message, path: path)
    }
}
