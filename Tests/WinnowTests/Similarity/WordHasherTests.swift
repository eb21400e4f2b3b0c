import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct WordHasherTests {
    func words(_ text: String) -> [UInt64] {
        var text = text
        var hashes: [UInt64] = []
        text.withUTF8 { WordHasher.forEachWord(in: $0) { hashes.append($0) } }
        return hashes
    }

    @Test func caseSpacingAndPunctuationDoNotMatter() {
        #expect(words("Hello, World!") == words("hello   world"))
        #expect(words("“Quoted” — text…") == words("\"quoted\" - text..."))
        #expect(words("«Ça va?» ¿Qué?") == words("ça va qué"))
        #expect(words("Élan ÀÉÎ") == words("élan àéî"))
        #expect(words("ПРИВЕТ Мир") == words("привет мир"))
        #expect(words("a\u{3000}b。") == words("a b"))
    }

    @Test func wordsStayDistinct() {
        #expect(words("hello world").count == 2)
        #expect(words("hello world") != words("world hello"))
        #expect(words("don't") == words("don t"))
        #expect(words("Ρ ρ") == [words("Ρ")[0], words("ρ")[0]], "Greek is compared as written")
        #expect(words("Ρ")[0] != words("ρ")[0])
        #expect(words("").isEmpty && words(" ,.;— ").isEmpty)
    }

    @Test func invalidAndTruncatedUTF8NeverTrap() {
        let bytes: [UInt8] = [0x61, 0xFF, 0xC3, 0x20, 0xE2, 0x80, 0x62, 0xF0, 0x9F]
        var hashes: [UInt64] = []
        bytes.withUnsafeBufferPointer { WordHasher.forEachWord(in: $0) { hashes.append($0) } }
        #expect(!hashes.isEmpty)
    }

    @Test func fingerprintFoldsTheSameWay() {
        #expect(WordHasher.fingerprint(of: "The cat, sat.") == WordHasher.fingerprint(of: "the CAT sat"))
        #expect(WordHasher.fingerprint(of: "the cat sat").words == 3)
        #expect(WordHasher.fingerprint(of: "the cat sat").hash != WordHasher.fingerprint(of: "the cat sat down").hash)
        #expect(WordHasher.fingerprint(of: "...").words == 0)
    }
}
