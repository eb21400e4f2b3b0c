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

    /// Scripts written without spaces between words: each character is a word, so a sentence is not
    /// one word; fullwidth and CJK punctuation separate words as ASCII punctuation does.
    @Test func charactersOfUnspacedScriptsAreWords() {
        #expect(words("中文字").count == 3)
        #expect(words("中文字") == words("中 文　字"))
        #expect(words("ひらがなカタカナ").count == 8)
        #expect(words("ｶﾀｶﾅ").count == 4)
        #expect(words("ภาษาไทย").count == "ภาษาไทย".unicodeScalars.count)
        #expect(words("ພາສາລາວ ភាសាខ្មែរ မြန်မာ").count == "ພາສາລາວភាសាខ្មែរမြန်မာ".unicodeScalars.count)
        #expect(words("北京，上海！东京？（大阪）：「京都」・札幌") == words("北京 上海 东京 大阪 京都 札幌"))
        #expect(words("2024年12月") == words("2024 年 12 月"), "digits and letters around a character stay words of their own")
        // Iteration and number marks stand for characters: 人々 is two words, 二〇二四 four.
        #expect(words("人々") == words("人 々") && words("人々").count == 2)
        #expect(words("二〇二四").count == 4 && words("〆切").count == 2)
        #expect(words("iPhone发布") == words("iphone 发 布"))
        // Spaced scripts keep their words whole.
        #expect(words("한국어 문장").count == 2)
        #expect(words("ＡＢＣ ｄｅｆ").count == 2, "fullwidth letters are letters")
        #expect(words("ქართული").count == 1)
    }

    @Test func invalidAndTruncatedUTF8NeverTrap() {
        let bytes: [UInt8] = [0x61, 0xFF, 0xC3, 0x20, 0xE2, 0x80, 0x62, 0xF0, 0x9F]
        var hashes: [UInt64] = []
        bytes.withUnsafeBufferPointer { WordHasher.forEachWord(in: $0) { hashes.append($0) } }
        #expect(!hashes.isEmpty)
    }

    @Test func fingerprintFoldsTheSameWay() {
        #expect(WordHasher.fingerprint(of: "中文，字。") == WordHasher.fingerprint(of: "中 文 字"))
        #expect(WordHasher.fingerprint(of: "a中b").words == 3)
        #expect(WordHasher.fingerprint(of: "中文字").hash != WordHasher.fingerprint(of: "中文").hash)
        #expect(WordHasher.fingerprint(of: "The cat, sat.") == WordHasher.fingerprint(of: "the CAT sat"))
        #expect(WordHasher.fingerprint(of: "the cat sat").words == 3)
        #expect(WordHasher.fingerprint(of: "the cat sat").hash != WordHasher.fingerprint(of: "the cat sat down").hash)
        #expect(WordHasher.fingerprint(of: "...").words == 0)
    }
}
