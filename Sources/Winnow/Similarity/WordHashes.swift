/// Word hashes in bulk: the hashes `WordHasher.forEachWord` gives, in an array. Sixteen ASCII bytes at
/// a time take a branch-free step (a word's end is a store and a count, not a branch to mispredict),
/// and the two halves of a longer text are read side by side, so that two FNV-1a multiply chains are
/// in flight rather than one; any other byte takes `forEachWord`'s per-scalar rules, so the hashes are
/// the same for any bytes.
extension WordHasher {
    /// Replaces the contents of `hashes` (reused, so a worker allocates once) with the hash of each word
    /// of `text`, in order.
    public static func wordHashes(of text: String, into hashes: inout [UInt64]) {
        var text = text
        text.withUTF8 { wordHashes(of: $0, into: &hashes) }
    }

    /// The same for any bytes, valid UTF-8 or not (the tests and a fuzz target compare it with
    /// `forEachWord` on both).
    @_spi(Fuzzing) public static func wordHashes(of bytes: [UInt8], into hashes: inout [UInt64]) {
        bytes.withUnsafeBufferPointer { wordHashes(of: $0, into: &hashes) }
    }

    static func wordHashes(of text: UnsafeBufferPointer<UInt8>, into hashes: inout [UInt64]) {
        hashes.removeAll(keepingCapacity: true)
        // A word ends at a separator, the end, or where a word of one scalar (`WordHasher.role`) starts:
        // at most one word per two bytes in each half ("a" then a lead byte cut off at the end is two
        // words in two bytes, but only at the end), plus the slot the branch-free step writes past the
        // last word of each.
        let bound = text.count / 2 + 4
        hashes.append(contentsOf: repeatElement(0, count: bound))
        let words = hashes.withUnsafeMutableBufferPointer { output in
            WordScan.asciiTable.withUnsafeBufferPointer { table in
                WordScan.run(text, output: output.baseAddress!, table: table.baseAddress!)
            }
        }
        hashes.removeLast(bound - words)
    }
}

/// One pass over a text that writes its words' raw FNV-1a hashes and finalises them at the end (one
/// multiply chain per word rather than per byte). The state lives in locals, so that it stays in
/// registers: the stores through `output` could otherwise alias it.
private enum WordScan {
    /// The state between bytes: the FNV-1a hash of the word being read (meaningless while `inWord`
    /// is 0), whether a word is being read (all ones or 0), and the number of words written.
    struct State {
        var hash = StableHash.offsetBasis
        var inWord: UInt64 = 0
        var count = 0
    }

    /// Three tables of 256 entries, so that an ASCII byte costs loads rather than arithmetic: its
    /// first FNV-1a input after a separator (folded byte ^ offset basis); all ones for a word byte,
    /// else 0; 1 for a separator, else 0. From `WordHasher.asciiFolding`.
    static let asciiTable: [UInt64] =
        WordHasher.asciiFolding.map { UInt64($0) ^ StableHash.offsetBasis }
        + WordHasher.asciiFolding.map { $0 == 0 ? 0 : UInt64.max }
        + WordHasher.asciiFolding.map { $0 == 0 ? 1 : 0 }

    /// Below this many bytes a text is read as one stream.
    static let splitLength = 256

    /// Writes the hash of each word of `text` to `output` (room for `text.count / 2 + 4`); returns
    /// the number of words.
    static func run(
        _ text: UnsafeBufferPointer<UInt8>, output: UnsafeMutablePointer<UInt64>,
        table: UnsafePointer<UInt64>
    ) -> Int {
        guard let base = text.baseAddress else { return 0 }
        let count = text.count
        var first = State(), index = 0
        if let split = splitPoint(base, count: count, table: table) {
            // The second half's words go after room for the first's, then move down to follow them.
            let secondOutput = output + (split / 2 + 2)
            var second = State(), secondIndex = split
            while index &+ 16 <= split && secondIndex &+ 16 <= count {
                let a0 = load(base, index), a1 = load(base, index &+ 8)
                let b0 = load(base, secondIndex), b1 = load(base, secondIndex &+ 8)
                if (a0 | a1 | b0 | b1) & 0x8080_8080_8080_8080 == 0 {
                    ascii(eight: a0, eight: b0, &first, &second, output, secondOutput, table)
                    ascii(eight: a1, eight: b1, &first, &second, output, secondOutput, table)
                    index &+= 16
                    secondIndex &+= 16
                } else {
                    index = step(base, at: index, end: split, &first, output, table)
                    secondIndex = step(base, at: secondIndex, end: count, &second, secondOutput, table)
                }
            }
            while index < split { index = step(base, at: index, end: split, &first, output, table) }
            endWord(&first, output)
            while secondIndex < count { secondIndex = step(base, at: secondIndex, end: count, &second, secondOutput, table) }
            endWord(&second, secondOutput)
            (output + first.count).update(from: secondOutput, count: second.count)
            first.count += second.count
        } else {
            while index < count { index = step(base, at: index, end: count, &first, output, table) }
            endWord(&first, output)
        }
        for word in 0..<first.count { output[word] = StableHash.finalize(output[word]) }
        return first.count
    }

    /// Where a text of `splitLength` bytes or more can be cut in two halves read apart with the same
    /// words: an ASCII separator near the middle after three ASCII bytes (so no scalar of up to four
    /// bytes, valid or not, runs across it). Nil when there is none within 64 bytes.
    static func splitPoint(_ base: UnsafePointer<UInt8>, count: Int, table: UnsafePointer<UInt64>) -> Int? {
        guard count >= splitLength else { return nil }
        for split in (count / 2)..<(count / 2 + 64)
        where base[split] < 0x80 && table[Int(base[split]) + 256] == 0
            && base[split - 1] < 0x80 && base[split - 2] < 0x80 && base[split - 3] < 0x80
        {
            return split
        }
        return nil
    }

    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ index: Int) -> UInt64 {
        UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)
    }

    /// Reads from `index` (a scalar's start) up to `end`: sixteen or eight ASCII bytes when they are,
    /// else one scalar. Returns where the next step starts.
    @inline(__always)
    static func step(
        _ base: UnsafePointer<UInt8>, at index: Int, end count: Int, _ state: inout State,
        _ output: UnsafeMutablePointer<UInt64>, _ table: UnsafePointer<UInt64>
    ) -> Int {
        if index &+ 8 <= count {
            let low = load(base, index)
            if low & 0x8080_8080_8080_8080 == 0 {
                ascii(eight: low, &state, output, table)
                guard index &+ 16 <= count else { return index &+ 8 }
                let high = load(base, index &+ 8)
                guard high & 0x8080_8080_8080_8080 == 0 else { return index &+ 8 }
                ascii(eight: high, &state, output, table)
                return index &+ 16
            }
        }
        let byte = base[index]
        if byte < 0x80 {
            ascii(byte, &state, output, table)
            return index &+ 1
        }
        let (end, second, third) = WordHasher.scalarSpan(base, at: index, count: count)
        let role = WordHasher.role(lead: byte, second: second, third: third)
        if role != .letter {
            endWord(&state, output)
            if role == .word {
                output[state.count] = WordHasher.scalarWordHash(base, from: index, to: end)
                state.count += 1
            }
            return end
        }
        var hash = state.inWord == 0 ? StableHash.offsetBasis : state.hash
        let lowered = WordHasher.lowercased(lead: byte, second: second)
        hash = (hash ^ UInt64(lowered.lead)) &* StableHash.prime
        if index + 1 < end { hash = (hash ^ UInt64(lowered.second)) &* StableHash.prime }
        var next = index + 2
        while next < end {
            hash = (hash ^ UInt64(base[next])) &* StableHash.prime
            next += 1
        }
        state.hash = hash
        state.inWord = .max
        return end
    }

    /// Eight ASCII bytes, the first in the low byte of `bytes`, written out so that every shift is
    /// a constant.
    @inline(__always)
    static func ascii(
        eight bytes: UInt64, _ state: inout State, _ output: UnsafeMutablePointer<UInt64>,
        _ table: UnsafePointer<UInt64>
    ) {
        ascii(UInt8(truncatingIfNeeded: bytes), &state, output, table)
        ascii(UInt8(truncatingIfNeeded: bytes &>> 8), &state, output, table)
        ascii(UInt8(truncatingIfNeeded: bytes &>> 16), &state, output, table)
        ascii(UInt8(truncatingIfNeeded: bytes &>> 24), &state, output, table)
        ascii(UInt8(truncatingIfNeeded: bytes &>> 32), &state, output, table)
        ascii(UInt8(truncatingIfNeeded: bytes &>> 40), &state, output, table)
        ascii(UInt8(truncatingIfNeeded: bytes &>> 48), &state, output, table)
        ascii(UInt8(truncatingIfNeeded: bytes &>> 56), &state, output, table)
    }

    /// Eight ASCII bytes of each half, a byte of one then a byte of the other, so that the two
    /// multiply chains overlap.
    @inline(__always)
    static func ascii(
        eight first: UInt64, eight second: UInt64, _ firstState: inout State, _ secondState: inout State,
        _ firstOutput: UnsafeMutablePointer<UInt64>, _ secondOutput: UnsafeMutablePointer<UInt64>,
        _ table: UnsafePointer<UInt64>
    ) {
        ascii(UInt8(truncatingIfNeeded: first), &firstState, firstOutput, table)
        ascii(UInt8(truncatingIfNeeded: second), &secondState, secondOutput, table)
        ascii(UInt8(truncatingIfNeeded: first &>> 8), &firstState, firstOutput, table)
        ascii(UInt8(truncatingIfNeeded: second &>> 8), &secondState, secondOutput, table)
        ascii(UInt8(truncatingIfNeeded: first &>> 16), &firstState, firstOutput, table)
        ascii(UInt8(truncatingIfNeeded: second &>> 16), &secondState, secondOutput, table)
        ascii(UInt8(truncatingIfNeeded: first &>> 24), &firstState, firstOutput, table)
        ascii(UInt8(truncatingIfNeeded: second &>> 24), &secondState, secondOutput, table)
        ascii(UInt8(truncatingIfNeeded: first &>> 32), &firstState, firstOutput, table)
        ascii(UInt8(truncatingIfNeeded: second &>> 32), &secondState, secondOutput, table)
        ascii(UInt8(truncatingIfNeeded: first &>> 40), &firstState, firstOutput, table)
        ascii(UInt8(truncatingIfNeeded: second &>> 40), &secondState, secondOutput, table)
        ascii(UInt8(truncatingIfNeeded: first &>> 48), &firstState, firstOutput, table)
        ascii(UInt8(truncatingIfNeeded: second &>> 48), &secondState, secondOutput, table)
        ascii(UInt8(truncatingIfNeeded: first &>> 56), &firstState, firstOutput, table)
        ascii(UInt8(truncatingIfNeeded: second &>> 56), &secondState, secondOutput, table)
    }

    /// One ASCII byte with no branch: the hash so far is stored at the next free slot always and kept
    /// (the count moves) only when this byte ends a word. A word byte after a separator starts from
    /// the offset basis by masking, not by choosing: (0 ^ basis ^ byte) is the first step of FNV-1a.
    @inline(__always)
    static func ascii(
        _ byte: UInt8, _ state: inout State, _ output: UnsafeMutablePointer<UInt64>,
        _ table: UnsafePointer<UInt64>
    ) {
        let index = Int(byte)
        output[state.count] = state.hash
        state.count &+= Int(truncatingIfNeeded: state.inWord & table[index &+ 512])
        let start = table[index] ^ (StableHash.offsetBasis & state.inWord)
        state.hash = ((state.hash & state.inWord) ^ start) &* StableHash.prime
        state.inWord = table[index &+ 256]
    }

    /// Ends the word being read, if any (at a separator that is not ASCII, or at the end of the text).
    @inline(__always)
    static func endWord(_ state: inout State, _ output: UnsafeMutablePointer<UInt64>) {
        guard state.inWord != 0 else { return }
        output[state.count] = state.hash
        state.count += 1
        state.inWord = 0
    }
}
