/// Tells a JSONL input that is really one JSON document written over many lines (pretty-printed) by
/// its first line alone: `{` or `[` with only JSON white space around it, which no JSONL record can be.
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

    /// The reject's message: what the file is, and how to make JSON Lines of it.
    static func message(opening bracket: UInt8) -> String {
        let (what, command) =
            bracket == UInt8(ascii: "[")
            ? ("array", "`jq -c '.[]'` (one record per element)") : ("object", "`jq -c .` (one record)")
        return "the file is one JSON \(what) over many lines, not JSON Lines (one object per line), so none of it "
            + "was read as records: convert it with \(command), or leave it out"
    }
}
