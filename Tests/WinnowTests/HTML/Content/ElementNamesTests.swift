import Testing
import WinnowTestSupport

@testable import Winnow

/// The index of `ElementNames` only skips searches: it finds exactly what a plain search finds.
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
                #expect(
                    element.contains(word) == ByteSearch.contains(word, in: names),
                    "\(String(decoding: word, as: UTF8.self)) in \(String(decoding: names, as: UTF8.self)) (\(SeededRandom.replay))")
            }
        }
    }

    @Test func wordListsAsContentHintsUseThem() {
        let lists = ElementNames.WordLists([["footer", "sidebar"], ["footer", "banner"], [], ["widget"], ["et"]])
        #expect(ElementNames(Array("post-sidebar widget".utf8)).matches(lists) == 0b11001)
        #expect(ElementNames(Array("x".utf8)).matches(lists) == 0)
        #expect(ElementNames([]).matches(lists) == 0)
    }

    /// One pass over the names finds, for every list, what a plain search for each of its words finds.
    @Test func listsMatchWhatAPlainSearchFinds() {
        var generator = SeededRandom.forTest(0x6C69_7374)
        let alphabet = Array("abcdeklmnorst-_ ".utf8)
        func random(_ length: Int) -> [UInt8] {
            (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        }
        for _ in 0..<300 {
            let words = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                (0..<Int.random(in: 0...8, using: &generator)).map { _ in random(Int.random(in: 2...5, using: &generator)) }
            }
            let lists = ElementNames.WordLists(words.map { $0.map { String(decoding: $0, as: UTF8.self) } })
            for _ in 0..<20 {
                var names = random(Int.random(in: 0..<40, using: &generator))
                // Often one listed word is written into the names, so that hits are common.
                if let list = words.randomElement(using: &generator), let word = list.randomElement(using: &generator),
                    names.count >= word.count, Bool.random(using: &generator)
                {
                    let start = Int.random(in: 0...(names.count - word.count), using: &generator)
                    names.replaceSubrange(start..<start + word.count, with: word)
                }
                var expected: UInt32 = 0
                for (index, list) in words.enumerated() where list.contains(where: { ByteSearch.contains($0, in: names) }) {
                    expected |= 1 << UInt32(index)
                }
                #expect(
                    ElementNames(names).matches(lists) == expected,
                    "\(String(decoding: names, as: UTF8.self)) (\(SeededRandom.replay))")
            }
        }
    }
}
