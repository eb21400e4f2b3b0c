import Testing

@testable import Winnow

/// Neardup's fingerprint of a text: the same for the same folded words, whatever the shingle width,
/// and different when a word changes, moves or goes.
@Suite struct WordSequenceHashTests {
    private func hash(_ text: String) -> UInt64? {
        var words: [UInt64] = []
        return Array(text.utf8).withUnsafeBufferPointer { WordSequenceHash.of(text: $0, scratch: &words) }
    }

    @Test func foldedWordsDecide() {
        let text = "The council voted on Tuesday to extend the river path."
        #expect(hash(text) != nil)
        #expect(hash(text) == hash("the COUNCIL — voted on tuesday, to extend the river path"))
        #expect(hash(text) != hash("The council voted on Tuesday to extend the river paths."))
        #expect(hash(text) != hash("The council voted on Tuesday to extend the path river."))
        #expect(hash(text) != hash("The council voted on Tuesday to extend the river."))
        #expect(hash("") == nil && hash(" … ") == nil)
    }

    /// The hash the map step takes while shingling is the one apply computes from the text alone.
    @Test(arguments: [1, 5, 9])
    func shinglingGivesTheSameHash(width: Int) {
        let text = "a recipe for tomato soup needs ripe tomatoes an onion two cloves of garlic"
        var shingles: [UInt64] = []
        var sequence: UInt64 = 0
        let words = Array(text.utf8).withUnsafeBufferPointer {
            ShingleHasher(width: width).shingles(of: $0, into: &shingles, sequence: &sequence)
        }
        #expect(words == 14)
        #expect(sequence == hash(text))
        var plain: [UInt64] = []
        _ = ShingleHasher(width: width).shingles(of: text, into: &plain)
        #expect(plain == shingles)
    }
}
