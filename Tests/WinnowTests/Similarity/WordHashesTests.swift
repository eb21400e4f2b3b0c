import Testing
import WinnowTestSupport

@_spi(Fuzzing) @testable import Winnow

/// The bulk word hashes (branch-free on runs of sixteen ASCII bytes) against `forEachWord`, the
/// per-scalar reference, and shingles built from them against the rolled window they replaced.
@Suite struct WordHashesTests {
    func reference(_ bytes: [UInt8]) -> [UInt64] {
        var hashes: [UInt64] = []
        bytes.withUnsafeBufferPointer { WordHasher.forEachWord(in: $0) { hashes.append($0) } }
        return hashes
    }

    func bulk(_ bytes: [UInt8]) -> [UInt64] {
        var hashes: [UInt64] = [0xDEAD]
        WordHasher.wordHashes(of: bytes, into: &hashes)
        return hashes
    }

    func bulk(_ text: String) -> [UInt64] {
        var hashes: [UInt64] = []
        WordHasher.wordHashes(of: text, into: &hashes)
        return hashes
    }

    /// Pieces that exercise every rule: ASCII words and separators, folded capitals, separators and
    /// letters of two, three and four bytes, characters that are words of their own (Han, kana, Thai,
    /// Lao, Khmer, Myanmar) and the letters and punctuation at the edges of their blocks.
    static let pieces = [
        "a", "Z", "q", "7", " ", " ", ",", "'", "\n", "\t", "-", "É", "é", "×", "П", "я", "Р", "ß", "Ω",
        "\u{A0}", "«", "—", "“", "…", "⁄", "\u{3000}", "。", "漢", "😀", "abcdefghijklmnop", "WORD",
        "中", "か", "カ", "・", "ㇰ", "ｶ", "豈", "𠀀", "ก", "ກ", "ក", "က", "ႀ", "Ⴀ", "ჰ", "，", "！", "｛", "ｅ", "Ａ", "︰", "﹏", "한",
    ]

    static func randomText(_ random: inout SeededRandom, pieces count: Int, asciiShare: UInt64) -> String {
        var text = ""
        for _ in 0..<count {
            let index = Int(random.next() % UInt64(pieces.count))
            // Mostly ASCII, like real text, so that sixteen-byte ASCII runs occur between the rest.
            text += random.next() % 100 < asciiShare ? pieces[index % 11] : pieces[index]
        }
        return text
    }

    /// `count` bytes, a third of them any byte (mostly invalid UTF-8), the rest lower-case letters.
    static func randomBytes(_ random: inout SeededRandom, count: Int) -> [UInt8] {
        (0..<count).map { _ -> UInt8 in
            let value = UInt8(truncatingIfNeeded: random.next())
            return random.next() % 3 == 0 ? value : UInt8(ascii: "a") + value % 26
        }
    }

    /// Random text of 0 to about 1,500 bytes, from all ASCII to no ASCII.
    @Test func sameHashesAsForEachWordOnRandomMixedText() {
        var random = SeededRandom.forTest(21)
        for round in 0..<2000 {
            let text = Self.randomText(&random, pieces: round % 200, asciiShare: [0, 50, 90, 99, 100][round % 5])
            #expect(bulk(text) == reference(Array(text.utf8)), "\(SeededRandom.replay) text: \(text.debugDescription)")
        }
    }

    @Test func sameHashesAsForEachWordOnInvalidUTF8() {
        var random = SeededRandom.forTest(22)
        for round in 0..<2000 {
            // Up to 700 bytes: texts of 256 or more are read as two halves.
            let bytes = Self.randomBytes(&random, count: round * 7 % 700)
            #expect(bulk(bytes) == reference(bytes), "\(SeededRandom.replay) bytes: \(bytes)")
        }
    }

    /// Words that end, start or run across the edges of the sixteen-byte blocks, of the text and of
    /// the halves a longer text is cut into.
    @Test(arguments: [0, 1, 2, 14, 15, 16, 17, 18, 31, 32, 33, 47, 48, 49, 255, 256, 257, 300, 301, 302, 303])
    func wordBoundariesAtBlockEdges(length: Int) {
        for word in 1...20 {
            for gap in [" ", ", ", "é", " — "] {
                var text = ""
                while text.utf8.count < length { text += String(repeating: "Ab", count: word) + gap }
                let bytes = Array(text.utf8.prefix(length))
                #expect(bulk(bytes) == reference(bytes), "\(SeededRandom.replay) bytes: \(bytes)")
            }
        }
    }

    @Test func emptyTextsLongWordsAndSeparatorsOnly() {
        #expect(bulk("").isEmpty)
        #expect(bulk(" ,.;—  \n\t« »").isEmpty)
        let long = String(repeating: "Lorem", count: 1000)
        #expect(bulk(long) == reference(Array(long.utf8)) && bulk(long).count == 1)
        let longMixed = String(repeating: "lorÉm", count: 500) + " tail"
        #expect(bulk(longMixed) == reference(Array(longMixed.utf8)) && bulk(longMixed).count == 2)
        #expect(bulk("Hello, World!") == bulk("hello world"))
    }

    /// The window rolled one word at a time, as the shingles were computed before Horner's rule.
    func rolledShingles(_ text: String, width: Int) -> [UInt64] {
        var window = [UInt64](repeating: 0, count: width), shingles: [UInt64] = []
        var rolling: UInt64 = 0, slot = 0, words = 0
        var oldestWeight: UInt64 = 1
        for _ in 1..<width { oldestWeight &*= ShingleHasher.base }
        for word in reference(Array(text.utf8)) {
            rolling = (rolling &- window[slot] &* oldestWeight) &* ShingleHasher.base &+ word
            window[slot] = word
            slot = (slot + 1) % width
            words += 1
            if words >= width { shingles.append(StableHash.finalize(rolling ^ UInt64(width))) }
        }
        if words > 0 && words < width { shingles.append(StableHash.finalize(rolling ^ UInt64(words))) }
        return shingles
    }

    @Test func shinglesEqualTheRolledWindow() {
        var random = SeededRandom.forTest(23)
        var buffer: [UInt64] = [1, 2, 3]
        for round in 0..<600 {
            let text = Self.randomText(&random, pieces: round % 120, asciiShare: 80)
            for width in [1, 2, 5, 9] {
                let words = ShingleHasher(width: width).shingles(of: text, into: &buffer)
                #expect(buffer == rolledShingles(text, width: width), "\(SeededRandom.replay) text: \(text.debugDescription)")
                #expect(words == reference(Array(text.utf8)).count)
            }
        }
    }
}
