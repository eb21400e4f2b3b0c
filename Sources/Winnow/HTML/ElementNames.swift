/// One element's lower-cased `class` or `id` names, with a bitmap of the byte pairs they hold, so
/// that `ContentHints` skips without a search the many listed words whose first or last pair is absent.
struct ElementNames {
    /// The names, lower-cased, as `ContentHints` matches them.
    let bytes: [UInt8]
    /// 1,024 bits, one per hashed pair of adjacent bytes.
    private var pairs = [UInt64](repeating: 0, count: 16)

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
    func containsAny(_ words: [[UInt8]]) -> Bool {
        words.contains { contains($0) }
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
