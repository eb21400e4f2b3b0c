/// Word shingles of a text as 64-bit hashes: every run of `width` consecutive folded words (see
/// `WordHasher`), hashed in order. A text shorter than `width` words is one shingle of all its words;
/// a text without words has none.
///
/// A shingle's hash is the polynomial Σ wᵢ·Cʷ⁻¹⁻ⁱ of its word hashes (mod 2⁶⁴), rolled forward in
/// constant time per word, then mixed with `StableHash.finalize` so that close shingles spread apart.
public struct ShingleHasher: Sendable {
    public let width: Int
    static let base: UInt64 = 0x9E37_79B9_7F4A_7C15
    /// Cʷ⁻¹: the weight of the oldest word in the window.
    let oldestWeight: UInt64

    public init(width: Int) {
        precondition(width >= 1, "a shingle has at least one word")
        self.width = width
        var weight: UInt64 = 1
        for _ in 1..<width { weight &*= Self.base }
        oldestWeight = weight
    }

    /// Replaces the contents of `shingles` with the text's shingle hashes (the buffer is reused so a
    /// worker allocates once), and returns the number of words.
    public func shingles(of text: String, into shingles: inout [UInt64]) -> Int {
        shingles.removeAll(keepingCapacity: true)
        var text = text
        let width = width, oldestWeight = oldestWeight
        return text.withUTF8 { bytes in
            var window = [UInt64](repeating: 0, count: width)
            var words = 0
            var slot = 0
            var rolling: UInt64 = 0
            window.withUnsafeMutableBufferPointer { window in
                WordHasher.forEachWord(in: bytes) { word in
                    // Drop the oldest word (zero until the window is full), shift, add the newest.
                    rolling = (rolling &- window[slot] &* oldestWeight) &* Self.base &+ word
                    window[slot] = word
                    slot = slot + 1 == width ? 0 : slot + 1
                    words += 1
                    if words >= width { shingles.append(StableHash.finalize(rolling ^ UInt64(width))) }
                }
            }
            if words > 0 && words < width { shingles.append(StableHash.finalize(rolling ^ UInt64(words))) }
            return words
        }
    }
}
