/// Where WARC records start and end in the bytes of an archive: the `WARC/1.x` line that opens a record,
/// and the empty line after a block that ends it. Pure functions of the bytes, so the reader can judge a
/// record's end alike in its window and in bytes read from the file ahead of it.
enum RecordBoundary {
    /// The empty line that ends a record: CRLF CRLF.
    static let recordEnd: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
    /// The bytes `startsRecord` looks at: `WARC/1.`, a digit and a line break.
    static let recordStartLength = WARCHeader.versionPrefix.count + 2
    /// The bytes after a block that `trailerLength` looks at.
    static let lookahead = recordEnd.count + recordStartLength

    /// Whether `bytes[index...]` starts with `WARC/1.` and a digit and a line break.
    static func startsRecord(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        let prefix = WARCHeader.versionPrefix
        guard index >= bytes.startIndex, index + prefix.count + 2 <= bytes.endIndex else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        let digit = bytes[index + prefix.count]
        let next = bytes[index + prefix.count + 1]
        return digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9") && (next == 0x0D || next == 0x0A)
    }

    /// How many bytes of line breaks end a record whose block is followed by `after` (the input from the
    /// block's end: `lookahead` bytes, or fewer when `inputEnds` there). The empty line (CRLF CRLF, or LF
    /// LF from sloppy writers); none right before the next record; up to four line-break bytes (none too)
    /// that the end of the input follows (part of an empty line cut off, or a sloppy writer's one line
    /// break: nothing else is missing), or that a gzip member starting the next record follows
    /// (`memberStartsAt(count)`: a member's edge is where a record ends; elsewhere a short trailer could be
    /// the end of a record a wrong length took in). Nil when something else follows: the Content-Length is wrong.
    static func trailerLength(after: ArraySlice<UInt8>, inputEnds: Bool, memberStartsAt: (Int) -> Bool) -> Int? {
        let start = after.startIndex
        let available = after.count
        if available >= 4 && after[start..<(start + 4)].elementsEqual(recordEnd) { return 4 }
        if available >= 2 && after[start] == 0x0A && after[start + 1] == 0x0A { return 2 }
        if startsRecord(after, at: start) { return 0 }
        var count = 0
        while count < recordEnd.count, count < available, after[start + count] == 0x0D || after[start + count] == 0x0A {
            count += 1
        }
        if inputEnds && count == available { return count }
        guard count > 0, startsRecord(after, at: start + count) else { return nil }
        return memberStartsAt(count) ? count : nil
    }
}
