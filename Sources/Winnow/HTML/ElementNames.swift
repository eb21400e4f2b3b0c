/// One element's lower-cased `class` or `id` names, with a bitmap of the byte pairs they hold, so
/// that `ContentHints` skips without a search the many listed words whose first or last pair is absent.
struct ElementNames {
    /// The names, lower-cased, as `ContentHints` matches them.
    let bytes: [UInt8]
    /// 1,024 bits, one per hashed pair of adjacent bytes (inline: no allocation per element).
    private var pairs = SIMD16<UInt64>(repeating: 0)

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.count >= 2 {
            for index in 1..<bytes.count {
                let bit = Self.pair(bytes[index - 1], bytes[index])
                pairs[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    /// Whether `word` occurs in the names (anywhere, as `ByteSearch.contains` finds it).
    func contains(_ word: [UInt8]) -> Bool {
        mayContain(word) && ByteSearch.contains(word, in: bytes)
    }

    /// Whether `word` occurs at an offset that `accept` takes ("review" not preceded by "p").
    func contains(_ word: [UInt8], where accept: (Int) -> Bool) -> Bool {
        guard mayContain(word) else { return false }
        var start = 0
        while let at = ByteSearch.firstOffset(of: word, in: bytes[start...]) {
            if accept(at) { return true }
            start = at + 1
        }
        return false
    }

    /// Whether any of `words` occurs in the names.
    func containsAny(_ words: Words) -> Bool {
        // No word of the list starts with a pair the names hold: none can occur.
        if (pairs & words.firstPairs) == SIMD16(repeating: 0) { return false }
        for index in words.words.indices {
            let (first, last) = words.pairs[index]
            if first >= 0 && !(has(first) && has(last)) { continue }
            if ByteSearch.contains(words.words[index], in: bytes) { return true }
        }
        return false
    }

    /// A list of words to look for, with each word's first and last byte pair hashed ahead.
    struct Words {
        let words: [[UInt8]]
        /// Bits of the first and last pair; -1 for a word shorter than two bytes.
        fileprivate let pairs: [(first: Int, last: Int)]
        /// The bits of every word's first pair (all bits when a word is shorter than two bytes).
        fileprivate let firstPairs: SIMD16<UInt64>

        init(_ list: [String]) {
            words = list.map { Array($0.utf8) }
            pairs = words.map { word in
                word.count < 2 ? (-1, -1) : (ElementNames.pair(word[0], word[1]), ElementNames.pair(word[word.count - 2], word[word.count - 1]))
            }
            var firstPairs = SIMD16<UInt64>(repeating: 0)
            for (first, _) in pairs {
                if first < 0 { firstPairs = SIMD16(repeating: .max) } else { firstPairs[first >> 6] |= 1 << UInt64(first & 63) }
            }
            self.firstPairs = firstPairs
        }
    }

    /// False when the names lack the word's first or last byte pair, so that it cannot occur.
    private func mayContain(_ word: [UInt8]) -> Bool {
        word.count < 2 || (has(Self.pair(word[0], word[1])) && has(Self.pair(word[word.count - 2], word[word.count - 1])))
    }

    private func has(_ bit: Int) -> Bool {
        pairs[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    private static func pair(_ first: UInt8, _ second: UInt8) -> Int {
        (Int(first) &* 37 &+ Int(second)) & 1023
    }
}
