/// The non-blank lines of a page's text, each with where it sits and its folded key: the unit the
/// templates stage counts across pages and decides about.
struct PageLines {
    struct Line {
        /// Byte range of the line in the text's UTF-8, without its line break (`LineBreak`: "\n", "\r\n",
        /// "\r", U+2028, ...).
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
        // Most pages have fewer lines: one allocation for them instead of one per doubling.
        lines.reserveCapacity(64)
        var start = 0
        var number = 0
        while start <= bytes.count {
            let (end, next) = Self.line(in: bytes, from: start)
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
            start = next
        }
        self.lines = lines
    }

    /// Where the line that starts at `start` ends, before its line break, and where the next line
    /// starts. Lines end at every break `normalize` writes as "\n" (`LineBreak`), so that text with "\r",
    /// U+2028 or U+2029 between its lines has the lines it has after normalize; "\r\n" is one break,
    /// so that its "\r" is neither counted, nor listed in the summary, nor left at the end of a kept line.
    static func line(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, next: Int) {
        guard let lineBreak = LineBreak.next(in: bytes, from: start) else { return (bytes.count, bytes.count + 1) }
        return (lineBreak.start, lineBreak.end)
    }

    /// The distinct keys of the page, in the order of their first lines: a line counts once per page
    /// however often it repeats on it. Keys are well-mixed hashes, so a small table indexed by their
    /// low bits finds the repeats, where sorting the keys took longer.
    var distinctKeys: [UInt64] {
        var size = 16
        while size < lines.count * 2 { size *= 2 }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: size) { seen in
            // 0 marks an empty slot, so a key of 0 is noted apart.
            seen.initialize(repeating: 0)
            var sawZero = false
            var keys: [UInt64] = []
            keys.reserveCapacity(lines.count)
            for line in lines {
                let key = line.folded.key
                guard key != 0 else {
                    if !sawZero { keys.append(key) }
                    sawZero = true
                    continue
                }
                var slot = Int(truncatingIfNeeded: key) & (size - 1)
                while seen[slot] != 0 && seen[slot] != key { slot = (slot + 1) & (size - 1) }
                if seen[slot] == 0 {
                    seen[slot] = key
                    keys.append(key)
                }
            }
            return keys
        }
    }

    /// A hash of the page's folded lines in order: copies of one page, fetched twice or with other
    /// numbers and dates, have the same; the templates stage counts them as one page when deciding.
    var fingerprint: UInt64 {
        var hash = StableHash()
        hash.add(word: UInt64(lines.count))
        for line in lines { hash.add(word: line.folded.key) }
        return hash.value
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
