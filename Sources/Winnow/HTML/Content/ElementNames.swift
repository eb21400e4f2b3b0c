/// One element's lower-cased `class` or `id` names, with a bitmap of the byte pairs they hold (a word
/// whose first or last pair is absent is skipped without a search), matched against word lists in one pass.
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

    /// Which of `lists` have a word that occurs in the names (bit `i` for list `i`), found in one pass:
    /// at each position, only the words that start with the byte pair there are compared.
    func matches(_ lists: WordLists) -> UInt32 {
        guard bytes.count >= 2 else { return 0 }
        var found: UInt32 = 0
        for start in 0..<(bytes.count - 1) {
            let bit = Self.pair(bytes[start], bytes[start + 1])
            for entry in Int(lists.starts[bit])..<Int(lists.starts[bit + 1]) {
                let list = lists.lists[entry]
                guard found & list == 0 else { continue }
                let word = lists.words[entry]
                if start + word.count <= bytes.count && bytes[start..<(start + word.count)].elementsEqual(word) { found |= list }
            }
        }
        return found
    }

    /// Up to 32 lists of words (two bytes or longer) for `matches`, every word indexed by its first byte pair.
    struct WordLists {
        /// The words in the order of their first pair's bit, each with its list's bit.
        fileprivate let words: [[UInt8]]
        fileprivate let lists: [UInt32]
        /// The words that start with pair bit `b` are `words[starts[b]..<starts[b + 1]]`.
        fileprivate let starts: [Int32]

        init(_ lists: [[String]]) {
            precondition(lists.count <= 32)
            var entries: [(bit: Int, list: UInt32, word: [UInt8])] = []
            for (index, list) in lists.enumerated() {
                for text in list {
                    let word = Array(text.utf8)
                    precondition(word.count >= 2, "a listed word shorter than two bytes: \(text)")
                    entries.append((ElementNames.pair(word[0], word[1]), 1 << UInt32(index), word))
                }
            }
            entries.sort { $0.bit < $1.bit }
            words = entries.map(\.word)
            self.lists = entries.map(\.list)
            var starts = [Int32](repeating: 0, count: 1025)
            for entry in entries { starts[entry.bit + 1] += 1 }
            for bit in 0..<1024 { starts[bit + 1] += starts[bit] }
            self.starts = starts
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
