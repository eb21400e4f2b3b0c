/// The non-blank lines of a page's text, each with where it sits and its folded key: the unit the
/// templates stage counts across pages and decides about.
struct PageLines {
    struct Line {
        /// Byte range of the line in the text's UTF-8, without its line break.
        var start: Int
        var end: Int
        /// 0-based number of the line in the text, blank lines included.
        var number: Int
        var folded: LineFolder.FoldedLine
    }

    let lines: [Line]

    /// Lines found before (`CarriedLines.decode`).
    init(lines: [Line]) {
        self.lines = lines
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var lines: [Line] = []
        var start = 0
        var number = 0
        while start <= bytes.count {
            let end = ByteSearch.firstOffset(of: 0x0A, in: bytes, from: start) ?? bytes.count
            var blank = true
            for index in start..<end where bytes[index] != 0x20 && bytes[index] != 0x09 && bytes[index] != 0x0D {
                blank = false
                break
            }
            if !blank {
                let folded = LineFolder.fold(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                if !folded.isBlank { lines.append(Line(start: start, end: end, number: number, folded: folded)) }
            }
            number += 1
            start = end + 1
        }
        self.lines = lines
    }

    /// The distinct keys of the page: a line counts once per page however often it repeats on it.
    var distinctKeys: [UInt64] {
        var keys = lines.map(\.folded.key)
        keys.sort()
        var write = 0
        for read in keys.indices where read == 0 || keys[read] != keys[read - 1] {
            keys[write] = keys[read]
            write += 1
        }
        keys.removeLast(keys.count - write)
        return keys
    }

    /// The text with only the lines where `keep` is true. Kept neighbours keep the separator that
    /// followed the first of them, so the page's line-break style survives.
    func bytes(keeping keep: [Bool], of bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var previous: Int?
        for (index, line) in lines.enumerated() where keep[index] {
            if let previous {
                let after = lines[previous].end
                let next = previous + 1 < lines.count ? lines[previous + 1].start : bytes.count
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[after..<next]))
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[line.start..<line.end]))
            previous = index
        }
        return output
    }
}
