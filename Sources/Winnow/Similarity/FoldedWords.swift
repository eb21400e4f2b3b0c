/// A text's words as `WordHasher` folds them (ASCII, Latin-1 and basic Cyrillic capitals lower-cased),
/// joined by single spaces: two valid UTF-8 texts give the same bytes exactly when their word
/// sequences are equal. Exact's fingerprint hashes these bytes in blocks rather than each word by byte.
enum FoldedWords {
    /// The folding state between bytes.
    struct State {
        /// Bytes written so far: the last one may be the space after the word before.
        var count = 0
        /// 1 while a word is being read, else 0.
        var inWord = 0
        var words = 0
    }

    /// Per ASCII byte: the folded byte, or a space for a separator, with 0x100 set on word bytes.
    static let asciiTable: [UInt16] = (0..<256).map { byte in
        guard byte < 0x80, let folded = WordHasher.asciiWordByte(UInt8(byte)) else { return 0x20 }
        return 0x100 | UInt16(folded)
    }

    /// Writes the folded words of `text` to `output`, which has room for `capacity(for: text.count)`
    /// bytes; returns the number of bytes written and of words.
    static func write(_ text: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>) -> (bytes: Int, words: Int) {
        guard let base = text.baseAddress else { return (0, 0) }
        let count = text.count
        var state = State()
        var index = 0
        asciiTable.withUnsafeBufferPointer { table in
            let table = table.baseAddress!
            while index < count {
                if index &+ 8 <= count {
                    let eight = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    if eight & 0x8080_8080_8080_8080 == 0 {
                        for shift in stride(from: 0 as UInt64, to: 64, by: 8) {
                            ascii(UInt8(truncatingIfNeeded: eight &>> shift), &state, output, table)
                        }
                        index &+= 8
                        continue
                    }
                }
                let byte = base[index]
                if byte < 0x80 {
                    ascii(byte, &state, output, table)
                    index &+= 1
                } else {
                    index = scalar(base, at: index, end: count, &state, output)
                }
            }
        }
        // A space written after the last word is not kept.
        if state.inWord == 0 && state.count > 0 { state.count -= 1 }
        return (state.count, state.words)
    }

    /// Room for the folded words of `count` bytes. A word of one scalar after a one-byte word adds a
    /// space before and after it where the text had none: ("a" 一) repeated writes 6 bytes for 4, and a
    /// lead byte cut off at the end (a word of one byte) after "a" writes 4 for 2, its last space written
    /// and then dropped. So at most 1.5 times the text and 1; three bytes more to spare.
    static func capacity(for count: Int) -> Int {
        count + count / 2 + 4
    }

    /// One ASCII byte with no branch: it is always stored, and kept when it is a word byte or the
    /// first separator after a word.
    @inline(__always)
    static func ascii(_ byte: UInt8, _ state: inout State, _ output: UnsafeMutablePointer<UInt8>, _ table: UnsafePointer<UInt16>) {
        let entry = table[Int(byte)]
        output[state.count] = UInt8(truncatingIfNeeded: entry)
        let isWord = Int(truncatingIfNeeded: entry &>> 8)
        state.count &+= isWord | state.inWord
        state.words &+= isWord & (state.inWord ^ 1)
        state.inWord = isWord
    }

    /// A scalar that is not ASCII (invalid bytes count as one): `WordHasher`'s separator and
    /// lower-casing rules. Returns where the next scalar starts.
    static func scalar(
        _ base: UnsafePointer<UInt8>, at index: Int, end count: Int, _ state: inout State,
        _ output: UnsafeMutablePointer<UInt8>
    ) -> Int {
        let lead = base[index]
        let (end, second, third) = WordHasher.scalarSpan(base, at: index, count: count)
        let role = WordHasher.role(lead: lead, second: second, third: third)
        if role != .letter {
            output[state.count] = 0x20
            state.count += state.inWord
            state.inWord = 0
            guard role == .word else { return end }
            // A word of one scalar, and the space after it (dropped at the end of the text).
            state.words += 1
            for next in index..<end {
                output[state.count] = base[next]
                state.count += 1
            }
            output[state.count] = 0x20
            state.count += 1
            return end
        }
        state.words += state.inWord ^ 1
        state.inWord = 1
        let lowered = WordHasher.lowercased(lead: lead, second: second)
        output[state.count] = lowered.lead
        state.count += 1
        if index + 1 < end {
            output[state.count] = lowered.second
            state.count += 1
        }
        for next in (index + 2)..<max(index + 2, end) {
            output[state.count] = base[next]
            state.count += 1
        }
        return end
    }
}
