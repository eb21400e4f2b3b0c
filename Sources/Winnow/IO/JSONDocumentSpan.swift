/// A JSON value written over many lines (pretty-printed) in a JSONL input, where each line should be
/// a record, as the reader found it (`JSONLRecordReader`): one `not_json_lines` reject that covers its
/// lines, which are read past, never kept. When no line after its first continues it, that first line
/// (a bare `{` or `[`) is read as any line.
public struct JSONDocumentSpan: Sendable, Equatable {
    /// How the value's lines end.
    public enum Ending: Sendable, Equatable {
        /// The value closes on its last line.
        case closed
        /// Line `line`, after the value's, cannot continue it (damaged JSON, or no JSON at all): it is read
        /// as a line of its own.
        case interrupted(line: Int)
        /// The input ends, or breaks off, inside the value.
        case cut
    }

    /// The first line, without its line ending or a byte order mark: the reject's `raw`.
    public let firstLine: [UInt8]
    /// `{` or `[`.
    public let opening: UInt8
    /// The lines covered, from the record's own to the last that is not blank.
    public let lines: ClosedRange<Int>
    public let ending: Ending

    /// Whether no line continued the first: that line alone, read as any JSONL line.
    public var isLone: Bool { lines.count == 1 }

    /// The reject's message: what the lines are, and how to make JSON Lines of them.
    public var message: String {
        let what = opening == UInt8(ascii: "[") ? "array" : "object"
        let span = "lines \(lines.lowerBound) to \(lines.upperBound)"
        let found =
            switch ending {
            case .closed: "\(span) are one JSON \(what) written over many lines"
            case .interrupted(let line): "\(span) start a JSON \(what) written over many lines that line \(line) does not continue"
            case .cut: "\(span) start a JSON \(what) written over many lines that the input ends inside"
            }
        let advice =
            ending != .closed
            ? "it is not valid JSON: repair it, or leave the file out"
            : what == "array"
                ? "convert it with `jq -c '.[]'` (one line per element), or leave the file out"
                : "convert the file with `jq -c .` (each object of a stream of them on a line of its own), or leave it out"
        return found + ", not JSON Lines (one object per line), so no record was read from them: " + advice
    }
}
