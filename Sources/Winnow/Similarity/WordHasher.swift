/// Splits text into words and hashes each one, folded so that case and punctuation do not matter:
/// "Hello, World!" and "hello world" give the same two hashes. Works on UTF-8 bytes with no
/// allocation per word, so it can sit in the inner loop of exact and near-duplicate detection.
///
/// A word is a run of ASCII letters and digits or of non-ASCII letters; ASCII punctuation, spaces,
/// Latin-1 punctuation (U+00A0–U+00BF: no-break space, «, », ¿…), general punctuation
/// (U+2000–U+207F: curly quotes, dashes, ellipsis), CJK punctuation (U+3000–U+303F but 々 〆 〇 〻, and ・) and fullwidth
/// and CJK-compatibility punctuation (，。！？（）…) separate words. A character of a script written
/// without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) is a word by itself: else a whole sentence
/// would be one word, and near-duplicates of such texts would share no shingle.
/// ASCII, Latin-1 and basic Cyrillic capitals are lower-cased; other scripts are compared as written.
public enum WordHasher {
    /// Calls `body` with the 64-bit hash of each word of `text`, in order.
    @inline(__always)
    public static func forEachWord(in text: UnsafeBufferPointer<UInt8>, _ body: (UInt64) -> Void) {
        asciiFolding.withUnsafeBufferPointer { folding in
            let count = text.count
            var index = 0
            var hash = StableHash.offsetBasis
            var inWord = false
            while index < count {
                // A run of ASCII letters and digits: the common case, one table load per byte.
                var folded = folding[Int(text[index])]
                while folded != 0 && folded < 0x80 {
                    hash = (hash ^ UInt64(folded)) &* StableHash.prime
                    inWord = true
                    index += 1
                    guard index < count else { break }
                    folded = folding[Int(text[index])]
                }
                guard index < count else { break }
                let byte = text[index]
                if byte < 0x80 {
                    index += 1
                    if inWord {
                        body(StableHash.finalize(hash))
                        hash = StableHash.offsetBasis
                        inWord = false
                    }
                    continue
                }
                let (end, second, third) = scalarSpan(text.baseAddress!, at: index, count: count)
                let role = role(lead: byte, second: second, third: third)
                if role != .letter {
                    if inWord {
                        body(StableHash.finalize(hash))
                        hash = StableHash.offsetBasis
                        inWord = false
                    }
                    if role == .word { body(StableHash.finalize(scalarWordHash(text.baseAddress!, from: index, to: end))) }
                    index = end
                    continue
                }
                let lowered = lowercased(lead: byte, second: second)
                hash = (hash ^ UInt64(lowered.lead)) &* StableHash.prime
                if index + 1 < end { hash = (hash ^ UInt64(lowered.second)) &* StableHash.prime }
                var next = index + 2
                while next < end {
                    hash = (hash ^ UInt64(text[next])) &* StableHash.prime
                    next += 1
                }
                inWord = true
                index = end
            }
            if inWord { body(StableHash.finalize(hash)) }
        }
    }

    /// Per byte: the lower-cased ASCII letter or digit, 0 for an ASCII separator, 0x80 for a byte of
    /// a multi-byte scalar (decided by the slow path). The same folding as `asciiWordByte`.
    static let asciiFolding: [UInt8] = (0...255).map { byte in
        byte >= 0x80 ? 0x80 : asciiWordByte(UInt8(byte)) ?? 0
    }

    /// The number of words and the hash of the whole folded word sequence (`FoldedWords`): equal for
    /// texts that differ only in case, spacing and punctuation. The key of exact-duplicate detection.
    public static func fingerprint(of text: String) -> (words: Int, hash: UInt64) {
        var text = text
        return text.withUTF8 { fingerprint(of: $0) }
    }

    /// The same for UTF-8 bytes.
    public static func fingerprint(of text: UnsafeBufferPointer<UInt8>) -> (words: Int, hash: UInt64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FoldedWords.capacity(for: text.count)) { scratch in
            let folded = FoldedWords.write(text, to: scratch.baseAddress!)
            return (folded.words, BlockHash.of(UnsafeBufferPointer(rebasing: scratch[..<folded.bytes])))
        }
    }

    /// A lower-cased ASCII letter or digit, or nil for a separator.
    @inline(__always)
    static func asciiWordByte(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
        default: nil
        }
    }

    /// The multi-byte scalar whose lead byte is at `index` of `count` bytes, as the word rules read it:
    /// where it ends (its length from the lead byte, an invalid byte counting as one, cut at `count`)
    /// and its second and third bytes (0 past the end).
    @inline(__always)
    static func scalarSpan(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> (end: Int, second: UInt8, third: UInt8) {
        let lead = base[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return (
            min(index + length, count), index + 1 < count ? base[index + 1] : 0, index + 2 < count ? base[index + 2] : 0
        )
    }

    /// The FNV-1a hash of a word that is one scalar, before it is finalised as every word's is.
    @inline(__always)
    static func scalarWordHash(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        var hash = StableHash.offsetBasis
        for index in start..<end { hash = (hash ^ UInt64(base[index])) &* StableHash.prime }
        return hash
    }

    /// Where the scalar whose lead byte is at `index` of `count` bytes ends when it is a word of its own
    /// (`Role.word`: a character of a script written without spaces); else nil.
    @inline(__always)
    static func wordOfItsOwnEnd(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Int? {
        let (end, second, third) = scalarSpan(base, at: index, count: count)
        return role(lead: base[index], second: second, third: third) == .word ? end : nil
    }

    /// What a scalar that is not ASCII is to the words around it.
    enum Role {
        /// Part of the word it is in.
        case letter
        /// Ends the word before it.
        case separator
        /// A word of its own: a character of a script written without spaces.
        case word
    }

    /// The role of the scalar with these first bytes (any bytes: invalid ones are read alike everywhere).
    @inline(__always)
    static func role(lead: UInt8, second: UInt8, third: UInt8) -> Role {
        switch lead {
        case 0xC2: second >= 0xA0 ? .separator : .letter  // U+00A0–U+00BF
        case 0xE2: second == 0x80 || second == 0x81 ? .separator : .letter  // U+2000–U+207F, superscripts too
        case 0xE0: (0xB8...0xBB).contains(second) ? .word : .letter  // Thai, Lao: U+0E00–U+0EFF
        case 0xE1:
            // Myanmar U+1000–U+109F, Khmer U+1780–U+17FF.
            second == 0x80 || second == 0x81 || (second == 0x82 && third < 0xA0) || second == 0x9E || second == 0x9F
                ? .word : .letter
        case 0xE3:
            switch second {
            // Ideographic iteration and number marks (々 〆 〇 〻) stand for characters; the rest of U+3000–U+303F is punctuation.
            case 0x80 where (0x85...0x87).contains(third) || third == 0xBB: .word
            case 0x80: .separator
            case 0x83 where third == 0xBB: .separator  // ・ U+30FB
            case 0x81...0x83, 0x90...: .word  // kana U+3040–U+30FF, Han U+3400–U+3FFF
            case 0x87 where third >= 0xB0: .word  // kana U+31F0–U+31FF
            default: .letter
            }
        case 0xE4...0xE9: .word  // Han U+4000–U+9FFF
        case 0xEF:
            switch (second, third) {
            case (0xA4...0xAB, _): .word  // Han compatibility U+F900–U+FAFF
            case (0xB8, 0xB0...), (0xB9, ...0xAF): .separator  // vertical and small forms U+FE30–U+FE6F
            // Fullwidth punctuation: U+FF01–U+FF0F, U+FF1A–U+FF20, U+FF3B–U+FF40, U+FF5B–U+FF65.
            case (0xBC, 0x81...0x8F), (0xBC, 0x9A...0xA0), (0xBC, 0xBB...), (0xBD, 0x80), (0xBD, 0x9B...0xA5): .separator
            case (0xBD, 0xA6...), (0xBE, ...0x9F): .word  // halfwidth katakana U+FF66–U+FF9F
            default: .letter
            }
        case 0xF0: (0xA0...0xBF).contains(second) ? .word : .letter  // Han U+20000–U+3FFFF
        default: .letter
        }
    }

    /// The first two bytes of the lower-case form of Latin-1 and basic Cyrillic capitals (both are
    /// two-byte scalars whose lower case is two bytes too); other scalars as they are.
    @inline(__always)
    static func lowercased(lead: UInt8, second: UInt8) -> (lead: UInt8, second: UInt8) {
        switch (lead, second) {
        case (0xC3, 0x80...0x9E) where second != 0x97: (lead, second + 0x20)  // À–Þ except ×
        case (0xD0, 0x90...0x9F): (lead, second + 0x20)  // А–П → а–п
        case (0xD0, 0xA0...0xAF): (0xD1, second - 0x20)  // Р–Я → р–я
        default: (lead, second)
        }
    }
}
