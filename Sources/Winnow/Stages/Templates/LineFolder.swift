/// Folds one line of text into the key that template lines share from page to page: letters
/// lower-cased, whitespace and punctuation ignored, every run of digits one placeholder and every
/// month or weekday name another, so "503 days have passed since…" and "1577 days have passed since…",
/// or "20 July 2019" and "3 March 2021", fold to the same key.
enum LineFolder {
    /// What the templates stage needs to know about a line.
    struct FoldedLine: Sendable, Equatable {
        /// The 64-bit hash of the folded form.
        var key: UInt64
        /// Words and numbers in the line, as the line reads (before placeholders merge); in a script
        /// written without spaces, a word for every two characters (`WordHasher.role`), about as
        /// Chinese and Japanese words run, where a sentence would be one word.
        var tokens: Int
        /// Whether the line has at least one word made of letters; lines of numbers or symbols only
        /// ("32", "|", "✔") carry no evidence of their own.
        var hasLetters: Bool
        /// Whether the line holds nothing but (Unicode) whitespace.
        var isBlank = false
    }

    static let digitsToken: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let dateNameToken: UInt64 = 0xD6E8_FEB8_6659_FD93
    /// Lines without any word or number are keyed by their symbols instead, in a separate hash space.
    static let symbolSeed: UInt64 = 0x2545_F491_4F6C_DD1D

    /// Month and weekday names, full and in their usual abbreviations, in English, German, French,
    /// Spanish, Italian, Portuguese and Dutch: the names dates are written with ("Stand: 3. März 2024",
    /// "Mis à jour le 12 juin"). Abbreviations that are common words elsewhere ("ago", "mag") are left out.
    static let dateNameWords =
        [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
            "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
            "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "jänner", "mär", "okt", "dez",
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
            "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
            "décembre", "janv", "févr", "avr", "juil", "déc", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
            "samedi", "dimanche",
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
            "octubre", "noviembre", "diciembre", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
            "domingo",
            "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
            "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
            "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
            "januari", "februari", "maart", "mei", "augustus", "maandag", "dinsdag", "woensdag", "donderdag",
            "vrijdag", "zaterdag", "zondag",
        ]

    private static let dateTable = DateTable(dateNameWords)

    /// The date names by their folded bytes: those of up to eight bytes, a word's whole first chunk
    /// (`wordHash(of:)`), in slots named by the top ten bits of the chunk times a multiplier found to
    /// keep them apart, so that a word costs a multiply, one load and one compare; the longer ones
    /// ("september", "wednesday") by their hashes.
    private struct DateTable {
        static let multiplier: UInt64 = 0xDB2A_4949_5D00_B897
        static let shift: UInt64 = 54
        /// Per slot, the chunk of the name there, or 0, which no word's chunk is.
        let chunks: [UInt64]
        /// The longer names' hashes, each in the slot its bits at `longShift` name (0 in the others).
        let longNames: [UInt64]
        let longShift: UInt64
        /// The longest name's bytes: a longer word is no date name, and is not looked up.
        let longestName: Int

        init(_ names: [String]) {
            let short = names.filter { $0.utf8.count <= 8 }
            let shortChunks = short.map { name in
                name.utf8.enumerated().reduce(UInt64(0)) { chunk, byte in chunk | UInt64(byte.element) << (8 * byte.offset) }
            }
            precondition(Set(shortChunks.map(Self.slot)).count == short.count, "the date names share slots")
            var chunks = [UInt64](repeating: 0, count: 1 << (64 - Self.shift))
            for chunk in shortChunks { chunks[Self.slot(chunk)] = chunk }
            self.chunks = chunks
            let longHashes = names.filter { $0.utf8.count > 8 }.map { wordHash(of: Array($0.utf8)) }
            // The first eight bits of the hashes that keep the names apart.
            let shift = (0...56).first { shift in Set(longHashes.map { Self.longSlot($0, shift) }).count == longHashes.count }
            guard let shift else { preconditionFailure("the long date names share slots at every shift") }
            var longNames = [UInt64](repeating: 0, count: 256)
            for hash in longHashes { longNames[Self.longSlot(hash, UInt64(shift))] = hash }
            self.longNames = longNames
            longShift = UInt64(shift)
            longestName = names.map(\.utf8.count).max() ?? 0
        }

        @inline(__always) static func slot(_ chunk: UInt64) -> Int {
            Int(truncatingIfNeeded: (chunk &* multiplier) &>> shift)
        }

        @inline(__always) static func longSlot(_ hash: UInt64, _ shift: UInt64) -> Int {
            Int(truncatingIfNeeded: (hash &>> shift) & 0xFF)
        }

        /// Whether a word of more than eight bytes, `length` of them, hashed to `hash`, is a date name.
        @inline(__always) func isLongName(_ hash: UInt64, length: Int) -> Bool {
            length <= longestName && longNames[Self.longSlot(hash, longShift)] == hash
        }
    }

    /// What a scalar of the Basic Multilingual Plane is to the fold (`ScalarClass` raw values): its
    /// Unicode properties looked up once for all, since non-ASCII text asks for the same few over and over.
    private static let planeClasses: [UInt8] = (0...0xFFFF).map { value in
        UInt8(ScalarClass(UInt32(value)).rawValue)
    }

    /// How the fold treats a scalar: part of a word, part of a number, or a separator.
    private enum ScalarClass: UInt8 {
        case separator, letter, digit

        /// Out of line, so that the fold's own frame does not set up the Unicode property types.
        @inline(never) init(_ value: UInt32) {
            guard let properties = Unicode.Scalar(value).map(\.properties) else { self = .separator; return }
            self = properties.isAlphabetic ? .letter : properties.numericType == .decimal ? .digit : .separator
        }
    }

    /// Where a word's hash starts (FNV's offset basis, as good as any).
    static let wordSeed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The hash of a word's folded bytes (ASCII letters lower-cased, other letters' UTF-8 as is): eight
    /// bytes at a time, little-endian, the last chunk padded with zeros, each chunk xored into the state
    /// and mixed by `StableHash.finalize`. A word of up to eight bytes is then one load and one mix.
    static func wordHash(of bytes: [UInt8]) -> UInt64 {
        var state = wordSeed
        for start in stride(from: 0, to: bytes.count, by: 8) {
            var chunk: UInt64 = 0
            for (offset, byte) in bytes[start..<min(start + 8, bytes.count)].enumerated() {
                chunk |= UInt64(byte) << (8 * offset)
            }
            state = StableHash.finalize(state ^ chunk)
        }
        return state
    }

    /// The hash of a line so far, and the placeholder it ends with (0 after a word).
    private struct LineHash {
        var hash = StableHash()
        var lastPlaceholder: UInt64 = 0

        /// Adds a word, given by its hash: a date name is a placeholder, any other word itself.
        @inline(__always) mutating func addWord(_ value: UInt64, isDateName: Bool) {
            if isDateName {
                addPlaceholder(dateNameToken)
            } else {
                hash.add(word: value)
                lastPlaceholder = 0
            }
        }

        @inline(__always) mutating func addPlaceholder(_ token: UInt64) {
            // "20 July 2019" and "3 March" differ only in how many placeholders there are: one per run.
            if lastPlaceholder != token { hash.add(word: token) }
            lastPlaceholder = token
        }
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Folds the UTF-8 bytes of one line (without its line break), 64 bytes at a time: first a bit for
    /// each byte of a letter and of a digit (sixteen ASCII bytes at a time; a scalar beyond ASCII looked
    /// up on its own), then each token found from those bits and a word hashed from eight-byte loads, so
    /// that no token waits for the one before it to be read.
    static func fold(_ line: UnsafeBufferPointer<UInt8>) -> FoldedLine {
        guard let base = line.baseAddress else { return foldSymbols(line) }
        let count = line.count
        let blocks = (count &+ 63) &>> 6
        var lineHash = LineHash()
        var tokens = 0
        var hasLetters = false
        dateTable.chunks.withUnsafeBufferPointer { dateChunks in
            let dateChunks = dateChunks.baseAddress!
            var marker = Marker()
            var current = marker.mark(line, block: 0)
            var previous = Marks(letters: 0, digits: 0)
            // The end of the last word found to fill a whole block: the blocks it fills share it, so a
            // word of megabytes is read to its end once, not once for each of its blocks.
            var longWordEnd = 0
            for block in 0..<blocks {
                // The next block's marks too, for the words that run into it.
                let next = block &+ 1 < blocks ? marker.mark(line, block: block &+ 1) : Marks(letters: 0, digits: 0)
                let letters = current.letters, digits = current.digits
                let wordStarts = letters & ~(letters &<< 1 | previous.letters &>> 63)
                let starts = wordStarts | (digits & ~(digits &<< 1 | previous.digits &>> 63))
                tokens &+= starts.nonzeroBitCount
                hasLetters = hasLetters || wordStarts != 0
                // Where a word that reaches the end of the block ends.
                var crossingEnd = block &<< 6 &+ 64 &+ (~next.letters).trailingZeroBitCount
                if next.letters == .max {
                    if longWordEnd < (block &+ 2) &<< 6 { longWordEnd = wordEnd(line, from: block &+ 2, marker) }
                    crossingEnd = longWordEnd
                }
                lineHash = addTokens(
                    lineHash, base, count: count, blockStart: block &<< 6, letters: letters, starts: starts,
                    crossingEnd: crossingEnd, dateChunks: dateChunks)
                previous = current
                current = next
            }
            tokens &+= marker.unspacedCharacters &>> 1
        }
        if tokens == 0 {
            return foldSymbols(line)
        }
        return FoldedLine(key: lineHash.hash.value, tokens: tokens, hasLetters: hasLetters)
    }

    /// Adds the tokens that start in one block (bits of `starts`), in order: out of line and by value,
    /// so that the line's hash stays in a register while the block's words are hashed.
    @inline(never)
    private static func addTokens(
        _ lineHash: LineHash, _ base: UnsafePointer<UInt8>, count: Int, blockStart: Int, letters: UInt64, starts: UInt64,
        crossingEnd: Int, dateChunks: UnsafePointer<UInt64>
    ) -> LineHash {
        var lineHash = lineHash
        var starts = starts
        while starts != 0 {
            let bit = UInt64(truncatingIfNeeded: starts.trailingZeroBitCount)
            starts &= starts &- 1
            guard letters &>> bit & 1 != 0 else {
                lineHash.addPlaceholder(digitsToken)
                continue
            }
            let start = blockStart &+ Int(truncatingIfNeeded: bit)
            let rest = ~letters &>> bit
            let end = rest == 0 ? crossingEnd : start &+ rest.trailingZeroBitCount
            let length = end &- start
            guard length <= 8 else {
                let value = hashLongWord(base, from: start, to: end, count: count)
                lineHash.addWord(value, isDateName: dateTable.isLongName(value, length: length))
                continue
            }
            // The word's folded bytes, checked against the date names while they are hashed.
            let chunk = lowered(wordLoad(base, at: start, count: count)) & lowBytes(length)
            let isDateName = dateChunks[DateTable.slot(chunk)] == chunk
            lineHash.addWord(StableHash.finalize(wordSeed ^ chunk), isDateName: isDateName)
        }
        return lineHash
    }

    /// The bits of one block's bytes (byte i of the block, bit i) that belong to letters and to digits;
    /// past the end of the line, none.
    private struct Marks {
        var letters: UInt64
        var digits: UInt64
    }

    /// Marks a line's blocks in order, carrying the scalars beyond ASCII that cross from one to the next.
    private struct Marker {
        /// Where the next scalar beyond ASCII that is not marked yet may start.
        var nextScalar = 0
        /// The bytes of such a scalar that fall in the next block.
        var carried = Marks(letters: 0, digits: 0)
        /// Letters marked so far that are characters of a script written without spaces: the line's
        /// words count them, not only the runs they make.
        var unspacedCharacters = 0

        @inline(__always)
        mutating func mark(_ line: UnsafeBufferPointer<UInt8>, block: Int) -> Marks {
            let base = line.baseAddress!, count = line.count
            let blockStart = block &<< 6
            // The block's 64 bytes; for the last block of a longer line, the line's last 64 bytes, whose
            // marks are shifted down to the block's start; for a shorter line, a zero-padded copy.
            var blockBytes = (SIMD16<UInt8>(), SIMD16<UInt8>(), SIMD16<UInt8>(), SIMD16<UInt8>())
            var shift: UInt64 = 0
            if blockStart &+ 64 <= count || count >= 64 {
                let start = min(blockStart, count &- 64)
                shift = UInt64(truncatingIfNeeded: blockStart &- start)
                let raw = UnsafeRawPointer(base + start)
                blockBytes = (
                    raw.loadUnaligned(as: SIMD16<UInt8>.self), raw.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self),
                    raw.loadUnaligned(fromByteOffset: 32, as: SIMD16<UInt8>.self),
                    raw.loadUnaligned(fromByteOffset: 48, as: SIMD16<UInt8>.self)
                )
            } else {
                withUnsafeMutableBytes(of: &blockBytes) { $0.copyMemory(from: UnsafeRawBufferPointer(line)) }
            }
            let (v0, v1, v2, v3) = blockBytes
            var marks = carried
            marks.letters |=
                (bits(asciiLetters(v0)) | bits(asciiLetters(v1)) &<< 16 | bits(asciiLetters(v2)) &<< 32
                    | bits(asciiLetters(v3)) &<< 48) &>> shift
            let d0 = asciiDigits(v0), d1 = asciiDigits(v1), d2 = asciiDigits(v2), d3 = asciiDigits(v3)
            let anyDigits = unsafeBitCast(d0 | d1 | d2 | d3, to: SIMD2<UInt64>.self)
            if anyDigits[0] | anyDigits[1] != 0 {
                // Most blocks have no digit: their bits are gathered only when there is one.
                marks.digits |= (bits(d0) | bits(d1) &<< 16 | bits(d2) &<< 32 | bits(d3) &<< 48) &>> shift
            }
            // Bytes beyond ASCII before the block (in a shifted last block) only make the look below longer.
            let highBytes = unsafeBitCast((v0 | v1 | v2 | v3) & SIMD16(repeating: 0x80), to: SIMD2<UInt64>.self)
            let high = highBytes[0] | highBytes[1]
            carried = Marks(letters: 0, digits: 0)
            if high != 0 { markScalars(line, blockStart: blockStart, &marks) }
            return marks
        }

        /// Marks the letters and digits beyond ASCII that start in the block: lines in most languages
        /// have a few, and each is looked up on its own.
        mutating func markScalars(_ line: UnsafeBufferPointer<UInt8>, blockStart: Int, _ marks: inout Marks) {
            let base = line.baseAddress!, count = line.count
            let blockEnd = min(blockStart &+ 64, count)
            var scan = max(blockStart, nextScalar)
            while scan < blockEnd {
                let bytes = window(base, at: scan, count: count)
                guard bytes & highBits != 0 else {
                    scan &+= 8
                    continue
                }
                let offset = scan &+ (bytes & highBits).trailingZeroBitCount &>> 3
                guard offset < blockEnd else { break }
                let (value, length) = UTF8Scalar.decode(line, at: offset)
                let scalarClass = value <= 0xFFFF ? ScalarClass(rawValue: planeClasses[Int(value)])! : ScalarClass(value)
                nextScalar = offset &+ length
                scan = nextScalar
                guard scalarClass != .separator else { continue }
                let run: UInt64 = (1 &<< UInt64(truncatingIfNeeded: length)) &- 1
                let bit = UInt64(truncatingIfNeeded: offset &- blockStart)
                let spill = bit &+ UInt64(truncatingIfNeeded: length) > 64 ? run &>> (64 &- bit) : 0
                if scalarClass == .letter {
                    marks.letters |= run &<< bit
                    carried.letters = spill
                    if WordHasher.wordOfItsOwnEnd(base, at: offset, count: count) != nil { unspacedCharacters &+= 1 }
                } else {
                    marks.digits |= run &<< bit
                    carried.digits = spill
                }
            }
        }
    }

    /// Where a word that fills the blocks before `block` ends: words over 64 bytes are rare enough to
    /// mark the blocks after again.
    private static func wordEnd(_ line: UnsafeBufferPointer<UInt8>, from block: Int, _ marker: Marker) -> Int {
        var marker = marker
        var block = block
        while block &<< 6 < line.count {
            let letters = marker.mark(line, block: block).letters
            if letters != .max { return block &<< 6 &+ (~letters).trailingZeroBitCount }
            block &+= 1
        }
        return line.count
    }

    /// `wordHash(of:)` of the bytes `start..<end` of a line, over eight of them, lower-casing ASCII as
    /// it loads them: out of line, as most words are shorter.
    @inline(never)
    private static func hashLongWord(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, count: Int) -> UInt64 {
        var hash = wordSeed
        var chunkStart = start
        while end &- chunkStart > 8 {
            hash = StableHash.finalize(hash ^ lowered(wordLoad(base, at: chunkStart, count: count)))
            chunkStart &+= 8
        }
        let last = lowered(wordLoad(base, at: chunkStart, count: count)) & lowBytes(end &- chunkStart)
        return StableHash.finalize(hash ^ last)
    }

    /// The eight bytes from `index`, zeros past the end of the line, as `window` gives them but
    /// without a branch on where the line ends (but for lines shorter than eight bytes).
    @inline(__always) private static func wordLoad(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> UInt64 {
        guard count >= 8 else { return window(base, at: index, count: count) }
        let at = min(index, count &- 8)
        return load(base, at: at) &>> UInt64(truncatingIfNeeded: (index &- at) &* 8)
    }

    /// Word bytes with ASCII lower-cased: letters only, so setting 0x20 is enough; other bytes stay.
    @inline(__always) private static func lowered(_ bytes: UInt64) -> UInt64 {
        bytes | (~bytes & highBits) &>> 2
    }

    /// 0x80 in each byte that is an ASCII letter, else 0: byte arithmetic that compiles to vector
    /// instructions (a byte of 0x80 or more, or below "a" once lower-cased, has its high bit set at the
    /// first step, a byte past "z" at the second).
    @inline(__always) private static func asciiLetters(_ bytes: SIMD16<UInt8>) -> SIMD16<UInt8> {
        let offset = (bytes | SIMD16(repeating: 0x20)) &- SIMD16(repeating: UInt8(ascii: "a"))
        return ~(offset | (offset &+ SIMD16(repeating: 0x80 - 26))) & SIMD16(repeating: 0x80)
    }

    /// 0x80 in each byte that is an ASCII digit, else 0.
    @inline(__always) private static func asciiDigits(_ bytes: SIMD16<UInt8>) -> SIMD16<UInt8> {
        let offset = bytes &- SIMD16(repeating: UInt8(ascii: "0"))
        return ~(offset | (offset &+ SIMD16(repeating: 0x80 - 10))) & SIMD16(repeating: 0x80)
    }

    /// The high bits of sixteen bytes as sixteen bits (byte i to bit i).
    @inline(__always) private static func bits(_ bytes: SIMD16<UInt8>) -> UInt64 {
        let halves = unsafeBitCast(bytes, to: SIMD2<UInt64>.self)
        return gather(halves[0]) | gather(halves[1]) &<< 8
    }

    /// The high bits of eight bytes as the low eight bits (byte i to bit i): the multiplier moves each
    /// to the top byte, and no two partial products meet.
    @inline(__always) private static func gather(_ highBitsOfBytes: UInt64) -> UInt64 {
        (highBitsOfBytes &* 0x0002_0408_1020_4081) &>> 56
    }

    /// The mask of the low `count` (1...8) bytes of a word.
    @inline(__always) private static func lowBytes(_ count: Int) -> UInt64 {
        UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- count &* 8)
    }

    /// The eight bytes from `index` (all in the line), the first in the low byte.
    @inline(__always) private static func load(_ base: UnsafePointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
    }

    /// The eight bytes from `index`, the first in the low byte; past the end of the line, zeros.
    @inline(__always) private static func window(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(base)
        if index &+ 8 <= count { return load(base, at: index) }
        if index >= count { return 0 }
        if count >= 8 {
            let tail = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
            return tail &>> UInt64(truncatingIfNeeded: (index &+ 8 &- count) &* 8)
        }
        var bytes: UInt64 = 0
        for offset in 0..<(count - index) { bytes |= UInt64(base[index + offset]) << UInt64(offset * 8) }
        return bytes
    }

    /// A line without words or numbers is keyed by its symbols ("|", "✔", "* * *"), whitespace aside.
    private static func foldSymbols(_ line: UnsafeBufferPointer<UInt8>) -> FoldedLine {
        var symbols = StableHash(seed: symbolSeed)
        var count = 0
        var index = 0
        while index < line.count {
            let (value, length) = UTF8Scalar.decode(line, at: index)
            if let scalar = Unicode.Scalar(value), !scalar.properties.isWhitespace {
                for offset in 0..<length { symbols.add(line[index + offset]) }
                count += 1
            }
            index += length
        }
        return FoldedLine(key: symbols.value, tokens: 0, hasLetters: false, isBlank: count == 0)
    }

    /// Folds a line given as a string (tests and tools).
    static func fold(_ line: String) -> FoldedLine {
        var copy = line
        return copy.withUTF8 { fold($0) }
    }
}
