/// Splits text into words and hashes each one, folded so that case and punctuation do not matter:
/// "Hello, World!" and "hello world" give the same two hashes. Works on UTF-8 bytes with no
/// allocation per word, so it can sit in the inner loop of exact and near-duplicate detection.
///
/// A word is a run of ASCII letters and digits or of non-ASCII letters; ASCII punctuation, spaces,
/// Latin-1 punctuation (U+00A0–U+00BF: no-break space, «, », ¿…), general punctuation
/// (U+2000–U+206F: curly quotes, dashes, ellipsis) and CJK punctuation (U+3000–U+303F) separate words.
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
                let (end, second) = scalarSpan(text.baseAddress!, at: index, count: count)
                if isSeparator(lead: byte, second: second) {
                    if inWord {
                        body(StableHash.finalize(hash))
                        hash = StableHash.offsetBasis
                        inWord = false
                    }
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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(text.count, 1)) { scratch in
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
    /// and its second byte (0 past the end).
    @inline(__always)
    static func scalarSpan(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> (end: Int, second: UInt8) {
        let lead = base[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return (min(index + length, count), index + 1 < count ? base[index + 1] : 0)
    }

    @inline(__always)
    static func isSeparator(lead: UInt8, second: UInt8) -> Bool {
        switch lead {
        case 0xC2: second >= 0xA0  // U+00A0–U+00BF
        case 0xE2: second == 0x80 || second == 0x81  // U+2000–U+207F
        case 0xE3: second == 0x80  // U+3000–U+303F
        default: false
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
