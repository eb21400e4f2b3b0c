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
        // Cʷ⁻¹ by squaring: in log(width) steps, so that a huge width cannot hang here.
        var weight: UInt64 = 1
        var power = Self.base
        var exponent = width - 1
        while exponent > 0 {
            if exponent & 1 == 1 { weight &*= power }
            power &*= power
            exponent >>= 1
        }
        oldestWeight = weight
    }

    /// Replaces the contents of `shingles` with the text's shingle hashes (the buffer is reused so a
    /// worker allocates once), and returns the number of words.
    public func shingles(of text: String, into shingles: inout [UInt64]) -> Int {
        var text = text
        return text.withUTF8 { self.shingles(of: $0, into: &shingles) }
    }

    /// The same for UTF-8 bytes.
    public func shingles(of text: UnsafeBufferPointer<UInt8>, into shingles: inout [UInt64]) -> Int {
        WordHasher.wordHashes(of: text, into: &shingles)
        return roll(&shingles)
    }

    /// The same, also setting `sequence` to the hash of the text's word sequence (`WordSequenceHash`),
    /// taken from the word hashes before they roll into shingles.
    public func shingles(of text: UnsafeBufferPointer<UInt8>, into shingles: inout [UInt64], sequence: inout UInt64) -> Int {
        WordHasher.wordHashes(of: text, into: &shingles)
        sequence = shingles.withUnsafeBufferPointer { WordSequenceHash.of(words: $0) }
        return roll(&shingles)
    }

    /// Replaces word hashes with the shingle hashes over them; returns the number of words.
    private func roll(_ shingles: inout [UInt64]) -> Int {
        let words = shingles.count, width = width, oldestWeight = oldestWeight
        guard words >= width else {
            if words > 0 {
                var rolling: UInt64 = 0
                for word in shingles { rolling = rolling &* Self.base &+ word }
                shingles.removeAll(keepingCapacity: true)
                shingles.append(StableHash.finalize(rolling ^ UInt64(words)))
            }
            return words
        }
        // In place: the shingle of the window ending at word i goes over word i + 1 - width, which is
        // kept in `leaving` first, for the step where it drops out of the window.
        shingles.withUnsafeMutableBufferPointer { hashes in
            var rolling: UInt64 = 0
            for index in 0..<(width - 1) { rolling = rolling &* Self.base &+ hashes[index] }
            var leaving: UInt64 = 0
            for index in (width - 1)..<words {
                rolling = (rolling &- leaving &* oldestWeight) &* Self.base &+ hashes[index]
                let first = index + 1 - width
                leaving = hashes[first]
                hashes[first] = StableHash.finalize(rolling ^ UInt64(width))
            }
        }
        shingles.removeLast(width - 1)
        return words
    }
}
