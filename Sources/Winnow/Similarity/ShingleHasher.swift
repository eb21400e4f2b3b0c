/// Word shingles of a text as 64-bit hashes: every run of `width` consecutive folded words (see
/// `WordHasher`), hashed in order. A text shorter than `width` words is one shingle of all its words;
/// a text without words has none.
public struct ShingleHasher: Sendable {
    public let width: Int

    public init(width: Int) {
        precondition(width >= 1, "a shingle has at least one word")
        self.width = width
    }

    /// Replaces the contents of `shingles` with the text's shingle hashes (the buffer is reused so a
    /// worker allocates once), and returns the number of words.
    public func shingles(of text: String, into shingles: inout [UInt64]) -> Int {
        shingles.removeAll(keepingCapacity: true)
        var text = text
        let width = width
        return text.withUTF8 { bytes in
            var window = [UInt64](repeating: 0, count: width)
            var words = 0
            window.withUnsafeMutableBufferPointer { window in
                WordHasher.forEachWord(in: bytes) { word in
                    window[words % width] = word
                    words += 1
                    if words >= width { shingles.append(Self.combine(window, newest: words)) }
                }
                if words > 0 && words < width { shingles.append(Self.combine(window, newest: words, count: words)) }
            }
            return words
        }
    }

    /// The hash of the last `count` words in the ring `window`, oldest first, well mixed.
    @inline(__always)
    static func combine(_ window: UnsafeMutableBufferPointer<UInt64>, newest: Int, count: Int? = nil) -> UInt64 {
        let width = window.count
        let count = count ?? width
        var hash: UInt64 = 0
        var position = newest - count
        while position < newest {
            hash = hash &* 0x9E37_79B9_7F4A_7C15 &+ window[position % width]
            position += 1
        }
        return StableHash.finalize(hash ^ UInt64(count))
    }
}
