/// How an exact copy of a page differs from the page: not at all, or only in case, spacing or
/// punctuation (what the `exact` stage folds away), applied line by line.
public enum CopyVariant: CaseIterable, Sendable {
    case identical
    /// Some lines upper-cased, or every line lower-cased.
    case letterCase
    /// Runs of spaces, spaces at the ends of lines and blank lines between them.
    case spacing
    /// Commas before a space dropped, quotes typographic, a line's final full stop dropped or doubled.
    case punctuation
    /// Case, spacing and punctuation together.
    case all

    /// The lines of the copy: one or two output lines per input line (a blank line may follow).
    public func apply(to line: String, random: inout SeededRandom, lowerCaseAll: Bool) -> [String] {
        var line = line
        if self == .letterCase || self == .all {
            line = lowerCaseAll ? line.lowercased() : Int.random(in: 0..<3, using: &random) == 0 ? line.uppercased() : line
        }
        if self == .punctuation || self == .all {
            line = line.replacingOccurrences(of: ", ", with: " ").replacingOccurrences(of: "\"", with: "“")
            if line.hasSuffix(".") { line = Bool.random(using: &random) ? String(line.dropLast()) : line + "." }
        }
        guard self == .spacing || self == .all else { return [line] }
        line = line.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0 + (Int.random(in: 0..<5, using: &random) == 0 ? " " : "") }.joined(separator: " ")
        if Bool.random(using: &random) { line = "  " + line + " " }
        return Int.random(in: 0..<3, using: &random) == 0 ? [line, ""] : [line]
    }
}
