/// One element's lower-cased `class` or `id` names, matched against word lists in one pass.
struct ElementNames {
    /// The names, lower-cased, as `ContentHints` matches them.
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether `word` occurs in the names (anywhere, as `ByteSearch.contains` finds it).
    func contains(_ word: [UInt8]) -> Bool {
        ByteSearch.contains(word, in: bytes)
    }

    /// Whether `word` occurs at an offset that `accept` takes ("review" not preceded by "p").
    func contains(_ word: [UInt8], where accept: (Int) -> Bool) -> Bool {
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
        bytes.withUnsafeBufferPointer { names in
            lists.text.withUnsafeBufferPointer { text in
                lists.entries.withUnsafeBufferPointer { entries in
                    lists.starts.withUnsafeBufferPointer { starts in
                        for start in 0..<(names.count - 1) {
                            let bit = Self.pair(names[start], names[start + 1])
                            for entry in entries[Int(starts[bit])..<Int(starts[bit + 1])] where found & entry.list == 0 {
                                let count = Int(entry.count)
                                guard start + count <= names.count else { continue }
                                var index = 0
                                while index < count && names[start + index] == text[Int(entry.offset) + index] { index += 1 }
                                if index == count { found |= entry.list }
                            }
                        }
                    }
                }
            }
        }
        return found
    }

    /// Up to 32 lists of words (two bytes or longer) for `matches`, every word indexed by its first byte pair.
    struct WordLists {
        /// The words back to back, in the order of their first pair's bit.
        fileprivate let text: [UInt8]
        /// Each word's place in `text` and its list's bit.
        fileprivate let entries: [(offset: Int32, count: Int32, list: UInt32)]
        /// The words that start with pair bit `b` are `entries[starts[b]..<starts[b + 1]]`.
        fileprivate let starts: [Int32]

        init(_ lists: [[String]]) {
            precondition(lists.count <= 32)
            var words: [(bit: Int, list: UInt32, word: [UInt8])] = []
            for (index, list) in lists.enumerated() {
                for text in list {
                    let word = Array(text.utf8)
                    precondition(word.count >= 2, "a listed word shorter than two bytes: \(text)")
                    words.append((ElementNames.pair(word[0], word[1]), 1 << UInt32(index), word))
                }
            }
            words.sort { $0.bit < $1.bit }
            var text: [UInt8] = []
            var entries: [(offset: Int32, count: Int32, list: UInt32)] = []
            for word in words {
                entries.append((Int32(text.count), Int32(word.word.count), word.list))
                text.append(contentsOf: word.word)
            }
            self.text = text
            self.entries = entries
            var starts = [Int32](repeating: 0, count: 1025)
            for word in words { starts[word.bit + 1] += 1 }
            for bit in 0..<1024 { starts[bit + 1] += starts[bit] }
            self.starts = starts
        }
    }

    private static func pair(_ first: UInt8, _ second: UInt8) -> Int {
        (Int(first) &* 37 &+ Int(second)) & 1023
    }
}
