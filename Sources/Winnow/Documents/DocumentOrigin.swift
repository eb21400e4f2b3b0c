/// Where a record came from: the input's name as given (or a path relative to a given folder) and
/// its 1-based line number; for a folder of HTML files the line is 1.
public struct DocumentOrigin: Sendable, Equatable, CustomStringConvertible {
    public let source: String
    public let line: Int

    public init(source: String, line: Int) {
        self.source = source
        self.line = line
    }

    /// The stable id given to a record that has none: `source:line`.
    public var derivedID: String { "\(source):\(line)" }

    public var description: String { "\(source):\(line)" }
}
