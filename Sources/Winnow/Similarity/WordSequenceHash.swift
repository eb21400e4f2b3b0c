/// A hash of a text's folded word sequence, from its word hashes (`WordHasher.wordHashes`): equal for
/// texts of the same folded words, so for texts of the same shingles. Neardup's per-document
/// fingerprint, which apply checks to notice a text changed under its id since map.
public enum WordSequenceHash {
    /// The hash of word hashes in text order: four chains, each over every fourth word so that their
    /// multiplies overlap (one chain was 0.8% of a whole pipeline run), then one over the chains.
    static func of(words: UnsafeBufferPointer<UInt64>) -> UInt64 {
        var chains = (StableHash(), StableHash(), StableHash(), StableHash())
        var index = 0
        while index + 4 <= words.count {
            chains.0.add(word: words[index])
            chains.1.add(word: words[index + 1])
            chains.2.add(word: words[index + 2])
            chains.3.add(word: words[index + 3])
            index += 4
        }
        var hash = StableHash()
        hash.add(word: chains.0.value)
        hash.add(word: chains.1.value)
        hash.add(word: chains.2.value)
        hash.add(word: chains.3.value)
        while index < words.count {
            hash.add(word: words[index])
            index += 1
        }
        hash.add(word: UInt64(words.count))
        return hash.value
    }

    /// The hash of a text's words (nil when it has none); `scratch` holds the word hashes, reused.
    public static func of(text: UnsafeBufferPointer<UInt8>, scratch: inout [UInt64]) -> UInt64? {
        WordHasher.wordHashes(of: text, into: &scratch)
        return scratch.isEmpty ? nil : scratch.withUnsafeBufferPointer { of(words: $0) }
    }
}
