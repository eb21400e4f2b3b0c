/// A page's folded lines as the map step carries them to the apply step in the spool
/// (`CarriedValue.bytes`), so that apply finds each line's key without folding the text again.
/// Per line: its number's step from the previous line's (varint), its tokens times two plus one
/// when it has letters (varint), and its key (8 bytes, little-endian). The line's byte range is
/// not carried: apply finds it again by counting line breaks (`LineBreak`), which costs far less than a fold.
enum CarriedLines {
    static func encode(_ page: PageLines) -> [UInt8] {
        // Written in place: appending byte by byte checked the array's room and owner at every byte.
        [UInt8](unsafeUninitializedCapacity: page.lines.count * maximumLineBytes) { output, written in
            var previous = -1
            for line in page.lines {
                written = append(UInt64(line.number - previous), to: output, at: written)
                written = append(UInt64(line.folded.tokens) << 1 | (line.folded.hasLetters ? 1 : 0), to: output, at: written)
                UnsafeMutableRawBufferPointer(output).storeBytes(
                    of: line.folded.key.littleEndian, toByteOffset: written, as: UInt64.self)
                written += FixedWidth.byteCount
                previous = line.number
            }
        }
    }

    /// Two varints of at most ten bytes and a key.
    private static let maximumLineBytes = 10 + 10 + FixedWidth.byteCount

    /// Writes `value` as `Varint.append` does at `index` of `output`; where it ends.
    private static func append(_ value: UInt64, to output: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        var value = value, index = index
        while value >= 0x80 {
            output[index] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            index += 1
        }
        output[index] = UInt8(value)
        return index + 1
    }

    /// The page's lines from carried bytes and the text they were computed from; nil when the
    /// bytes are damaged or do not fit the text (a line number past its end, a blank line), so that
    /// the caller folds the text instead.
    static func decode(_ carried: [UInt8], text bytes: UnsafeBufferPointer<UInt8>) -> PageLines? {
        var lines: [PageLines.Line] = []
        // Room for them all at once: a line takes ten bytes at least (two varints and a key).
        lines.reserveCapacity(carried.count / (2 + FixedWidth.byteCount))
        var index = 0
        var number = -1
        var start = 0
        var lineNumber = 0
        while index < carried.count {
            guard let step = Varint.read(carried, &index), step >= 1, step <= UInt64(bytes.count + 1),
                let shape = Varint.read(carried, &index), shape >> 1 <= UInt64(bytes.count),
                carried.count - index >= FixedWidth.byteCount
            else { return nil }
            let key = FixedWidth.read(carried, at: index)
            index += FixedWidth.byteCount
            number += Int(step)
            // Move to the start of line `number`.
            while lineNumber < number {
                guard let lineBreak = LineBreak.next(in: bytes, from: start) else { return nil }
                start = lineBreak.end
                lineNumber += 1
            }
            let end = PageLines.line(in: bytes, from: start).end
            guard end > start else { return nil }
            let folded = LineFolder.FoldedLine(key: key, tokens: Int(shape >> 1), hasLetters: shape & 1 == 1)
            lines.append(PageLines.Line(start: start, end: end, number: number, folded: folded))
        }
        return PageLines(lines: lines)
    }
}
