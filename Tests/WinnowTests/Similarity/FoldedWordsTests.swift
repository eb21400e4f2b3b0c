import Testing
import WinnowTestSupport

@testable import Winnow

/// The folded words that exact's fingerprint hashes, against `forEachWord` (the per-scalar word
/// reference): split at their spaces, they hash to its word hashes, so they hold the same words.
@Suite struct FoldedWordsTests {
    func folded(_ bytes: [UInt8]) -> (bytes: [UInt8], words: Int) {
        // Sixteen bytes past the room the fold asks for: none may be written.
        var output = [UInt8](repeating: 0xEE, count: FoldedWords.capacity(for: bytes.count) + 16)
        let written = bytes.withUnsafeBufferPointer { text in
            output.withUnsafeMutableBufferPointer { FoldedWords.write(text, to: $0.baseAddress!) }
        }
        #expect(output.suffix(16).allSatisfy { $0 == 0xEE }, "a write past the room asked for")
        return (Array(output[..<written.bytes]), written.words)
    }

    func referenceHashes(_ bytes: [UInt8]) -> [UInt64] {
        var hashes: [UInt64] = []
        bytes.withUnsafeBufferPointer { WordHasher.forEachWord(in: $0) { hashes.append($0) } }
        return hashes
    }

    /// `forEachWord`'s hash of each space-separated piece (FNV-1a of the folded bytes, then fmix64).
    func pieceHashes(_ folded: [UInt8]) -> [UInt64] {
        folded.split(separator: 0x20, omittingEmptySubsequences: false).map { StableHash.of($0) }
    }

    @Test func foldedWordsHashToTheReferenceWordsOnRandomMixedText() {
        var random = SeededRandom.forTest(31)
        for round in 0..<2000 {
            let text = WordHashesTests.randomText(&random, pieces: round % 300, asciiShare: [0, 50, 90, 99, 100][round % 5])
            let bytes = Array(text.utf8)
            let result = folded(bytes)
            let reference = referenceHashes(bytes)
            #expect(result.words == reference.count, "\(SeededRandom.replay) text: \(text.debugDescription)")
            #expect(
                (reference.isEmpty ? [] : pieceHashes(result.bytes)) == reference,
                "\(SeededRandom.replay) text: \(text.debugDescription)")
        }
    }

    /// Any bytes: the same word count as the reference, and no write past the room asked for.
    @Test func invalidUTF8CountsTheReferenceWords() {
        var random = SeededRandom.forTest(32)
        for round in 0..<2000 {
            let bytes = WordHashesTests.randomBytes(&random, count: round * 7 % 500)
            #expect(folded(bytes).words == referenceHashes(bytes).count, "\(SeededRandom.replay) bytes: \(bytes)")
        }
    }

    /// The texts that fill the most room: a word of one scalar after each one-byte word, and a lead
    /// byte cut off at the end (`folded` checks that nothing is written past the room asked for).
    @Test func theFullestTextsStayInTheirRoom() {
        for pairs in [0, 1, 2, 7, 100] {
            let text = Array(String(repeating: "a一", count: pairs).utf8) + [0x61, 0xE4]
            let result = folded(text)
            #expect(result.words == 2 * pairs + 2)
            #expect(result.bytes.count + 1 <= FoldedWords.capacity(for: text.count) - 3, "\(pairs)")
        }
    }

    @Test func spacingCasePunctuationFoldAway() {
        #expect(folded(Array("  Hello,  WORLD!\n\n— Ça va? ".utf8)).bytes == Array("hello world ça va".utf8))
        #expect(folded(Array(" ,.;—  \n\t« »".utf8)) == ([], 0))
        #expect(folded([]) == ([], 0))
    }

    /// The fingerprint is the block hash of the folded words; it tells apart what the folding keeps.
    @Test func fingerprintHashesTheFoldedWords() {
        let text = "Der Bürgermeister, sagte am Montag:  „Wir bauen.“"
        let expected = Array("der bürgermeister sagte am montag wir bauen".utf8)
        let fingerprint = WordHasher.fingerprint(of: text)
        #expect(fingerprint.words == 7)
        #expect(fingerprint.hash == expected.withUnsafeBufferPointer { BlockHash.of($0) })
        #expect(WordHasher.fingerprint(of: "der BÜRGERMEISTER sagte am montag wir bauen") == fingerprint)
        #expect(WordHasher.fingerprint(of: "der bürgermeister sagte am montag wir bauen!").hash == fingerprint.hash)
        #expect(WordHasher.fingerprint(of: "der bürgermeister sagte am montag wir bauten").hash != fingerprint.hash)
        #expect(WordHasher.fingerprint(of: "derbürgermeister sagte am montag wir bauen").hash != fingerprint.hash)
        #expect(WordHasher.fingerprint(of: "") == (0, WordHasher.fingerprint(of: " — ").hash))
    }
}
