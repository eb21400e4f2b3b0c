/// A hash of a text's folded word sequence, from its word hashes (`WordHasher.wordHashes`): equal for
/// texts of the same folded words, so for texts of the same shingles. Neardup's per-document
/// fingerprint, which apply checks to notice a text changed under its id since map.
public enum WordSequenceHash {
    /// The hash of word hashes in text order.
    static func of(words: UnsafeBufferPointer<UInt64>) -> UInt64 {
        var hash = StableHash()
        for word in words { hash.add(word: word) }
        hash.add(word: UInt64(words.count))
        return hash.value
    }

    /// The hash of a text's words (nil when it has none); `scratch` holds the word hashes, reused.
    public static func of(text: UnsafeBufferPointer<UInt8>, scratch: inout [UInt64]) -> UInt64? {
        WordHasher.wordHashes(of: text, into: &scratch)
        return scratch.isEmpty ? nil : scratch.withUnsafeBufferPointer { of(words: $0) }
    }
}
