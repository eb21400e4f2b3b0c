/// Where a record came from: the input's name as given (or a path relative to a given folder) and
/// its 1-based line number; for a folder of HTML files the line is 1. An input given twice in one run
/// is named `NAME#2` the second time, so that no two records of a run share an origin.
public struct DocumentOrigin: Sendable, Hashable, CustomStringConvertible {
    public let source: String
    public let line: Int

    public init(source: String, line: Int) {
        self.source = source
        self.line = line
    }

    /// The stable id given to a record that has none: `source:line`.
    public var derivedID: String { "\(source):\(line)" }

    public var description: String { "\(source):\(line)" }

    /// Input name bytewise, then line: the order that breaks a tie between records alike in all else.
    public static func precedes(_ lhs: DocumentOrigin, _ rhs: DocumentOrigin) -> Bool {
        let sources = BytewiseOrder.compare(lhs.source, rhs.source)
        return sources != 0 ? sources < 0 : lhs.line < rhs.line
    }

    /// The same input name, byte for byte, and line.
    public static func == (lhs: DocumentOrigin, rhs: DocumentOrigin) -> Bool {
        lhs.line == rhs.line && BytewiseOrder.equal(lhs.source, rhs.source)
    }

    public func hash(into hasher: inout Hasher) {
        BytewiseOrder.hash(source, into: &hasher)
        hasher.combine(line)
    }
}
