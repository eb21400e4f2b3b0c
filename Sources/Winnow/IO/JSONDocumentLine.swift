/// Tells the first line of a JSON value written over many lines (pretty-printed) in a JSONL input: `{`
/// or `[` with only JSON white space around it, which no JSONL record can be.
enum JSONDocumentLine {
    /// The bracket (`{` or `[`) that `line` opens a document with, or nil when the line is anything else.
    /// Returns at the first byte that tells, so a JSONL record (`{"...`) costs two bytes' look.
    static func opening(_ line: ArraySlice<UInt8>) -> UInt8? {
        var bracket: UInt8?
        for byte in line {
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { continue }
            guard bracket == nil, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") else { return nil }
            bracket = byte
        }
        return bracket
    }
}
