/// Walks the `Name: value` lines of a WARC or HTTP header block, shared by both parsers so that line
/// endings (CRLF, or bare LF from sloppy writers) and spacing are read one way.
enum HeaderFieldScanner {
    /// Calls `field` with the name and the trimmed value of each line from `start` on, as ranges of
    /// `bytes`; continuation lines (starting with a space or tab) are passed over. Returns false when a
    /// line is neither a field nor a continuation (such lines are passed over too).
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        _ field: (_ name: Range<Int>, _ value: Range<Int>) -> Void
    ) -> Bool {
        var lineStart = start
        var wellFormed = true
        let end = bytes.count
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            defer { lineStart = lineEnd + 1 }
            if contentEnd == lineStart { continue }
            let first = bytes[lineStart]
            if first == 0x20 || first == 0x09 { continue }
            var colon = lineStart
            while colon < contentEnd && bytes[colon] != UInt8(ascii: ":") { colon += 1 }
            guard colon < contentEnd, colon > lineStart else {
                wellFormed = false
                continue
            }
            var valueStart = colon + 1
            while valueStart < contentEnd && (bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09) { valueStart += 1 }
            var valueEnd = contentEnd
            while valueEnd > valueStart && (bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09) { valueEnd -= 1 }
            var nameEnd = colon
            while nameEnd > lineStart && (bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09) { nameEnd -= 1 }
            field(lineStart..<nameEnd, valueStart..<valueEnd)
        }
        return wellFormed
    }

    /// Whether `bytes[range]` is `lowercaseName`, ignoring ASCII case.
    static func name(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, is lowercaseName: [UInt8]) -> Bool {
        guard range.count == lowercaseName.count else { return false }
        var index = range.lowerBound
        for expected in lowercaseName {
            if ASCIIByte.lowercased(bytes[index]) != expected { return false }
            index += 1
        }
        return true
    }

    /// The bytes as a string (header values are ASCII or Latin-1 in practice; invalid UTF-8 is replaced).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A non-negative decimal number filling `bytes[range]`, or nil.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit <= 9 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
