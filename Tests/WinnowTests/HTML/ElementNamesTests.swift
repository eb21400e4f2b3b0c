import Testing
@testable import Winnow

/// The byte-pair filter of `ElementNames` only skips searches: it finds exactly what a plain search finds.
@Suite struct ElementNamesTests {
    @Test func findsWhatAPlainSearchFinds() {
        var generator = SeededRandom.forTest(0x6E61_6D65)
        let alphabet = Array("abcdeklmnorst-_ ".utf8)
        func random(_ length: Int) -> [UInt8] {
            (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        }
        for _ in 0..<2000 {
            let names = random(Int.random(in: 0..<40, using: &generator))
            let element = ElementNames(names)
            for length in 0...5 {
                // Half the words are cut from the names themselves, so that hits are common.
                let word: [UInt8]
                if names.count >= length, Bool.random(using: &generator) {
                    let start = Int.random(in: 0...(names.count - length), using: &generator)
                    word = Array(names[start..<start + length])
                } else {
                    word = random(length)
                }
                #expect(element.contains(word) == ByteSearch.contains(word, in: names),
                        "\(String(decoding: word, as: UTF8.self)) in \(String(decoding: names, as: UTF8.self)) (\(SeededRandom.replay))")
            }
        }
    }

    @Test func wordListsAsContentHintsUseThem() {
        let names = ElementNames(Array("post-sidebar widget".utf8))
        #expect(names.containsAny([Array("footer".utf8), Array("sidebar".utf8)]))
        #expect(!names.containsAny([Array("footer".utf8), Array("banner".utf8)]))
        #expect(!names.containsAny([]))
    }
}
