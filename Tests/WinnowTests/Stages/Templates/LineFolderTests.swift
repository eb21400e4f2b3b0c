import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct LineFolderTests {
    func key(_ line: String) -> UInt64 { LineFolder.fold(line).key }

    @Test func changingCountersFoldTogether() {
        #expect(key("503 days have passed since the Salisbury incident") == key("1577 days have passed since the Salisbury incident"))
        #expect(key("Last updated 12:05") == key("Last updated 9:41"))
        #expect(key("+44 (0) 203 668 7474") == key("+44 (0) 203 161 8858"))
    }

    @Test func datesFoldWhateverTheMonthOrDay() {
        #expect(key("20 July 2019") == key("3 March 2021"))
        #expect(key("Monday, 4 Sept 2023") == key("Friday, 29 Jan 2021"))
        #expect(key("Posted on 27.09.2018") == key("Posted on 1.1.2020"))
    }

    /// Dates written with German, French, Spanish, Italian, Portuguese or Dutch names fold as English
    /// ones do; the names' own words stay words ("Stand" is not "Publié").
    @Test func datesInOtherLanguagesFoldToo() {
        #expect(key("Stand: 3. März 2024") == key("Stand: 12. Dezember 2023"))
        #expect(key("Mis à jour le mardi 12 juin") == key("Mis à jour le dimanche 3 décembre"))
        #expect(key("Publicado el 5 de marzo") == key("Publicado el 30 de septiembre"))
        #expect(key("Aggiornato il 2 giugno") == key("Aggiornato il 14 dicembre"))
        #expect(key("Atualizado em 9 de março") == key("Atualizado em 1 de outubro"))
        #expect(key("Bijgewerkt op 7 maart") == key("Bijgewerkt op 21 oktober"))
        #expect(key("Stand: 3. März 2024") != key("Publié: 3. März 2024"))
    }

    @Test func caseSpacingAndPunctuationFold() {
        #expect(key("Consular queries:") == key("  CONSULAR   queries "))
        #expect(key("Home | News | About") == key("home - news - about"))
    }

    @Test func differentWordsStayDifferent() {
        #expect(key("Previous topic") != key("Next topic"))
        #expect(key("Moscow: 17:31") != key("London: 15:31"))
        #expect(key("days 5") != key("5 days"))
    }

    @Test func symbolLinesHaveTheirOwnKeysAndNoLetters() {
        let bar = LineFolder.fold("|"), tick = LineFolder.fold("✔")
        #expect(bar.key != tick.key)
        #expect(!bar.hasLetters && bar.tokens == 0)
        #expect(!LineFolder.fold("32").hasLetters)
        #expect(LineFolder.fold("Größe 3").hasLetters)
        #expect(LineFolder.fold("\u{00A0} \u{3000}").isBlank)
    }

    @Test func tokensCountWordsAndNumbersAsWritten() {
        #expect(LineFolder.fold("20 July 2019").tokens == 3)
        #expect(LineFolder.fold("Привет, мир 2024").tokens == 3)
        // A script written without spaces: a word for every two characters besides the run itself, so a
        // sentence reads as prose, and a one-word menu item does not.
        #expect(LineFolder.fold("今天天气很好。").tokens == 1 + 3)
        #expect(LineFolder.fold("首页").tokens == 1 + 1)
        #expect(LineFolder.fold("特に半導体関連の銘柄が大きく上昇し、相場全体を押し上げました。").tokens == 2 + 14)
    }

    @Test func theFoldMatchesItsDefinitionScalarByScalar() {
        var random = SeededRandom.forTest(0x1F01_D)
        let pieces = [
            "Home", "NEWS", "mAy", "Sept", "wednesday", "THURS", "SeptX", "2019", "07", "x1", "1st", "a2b3", "Mar2021",
            "abcdefg", "abcdefgh", "abcdefghi", "Internationalisation", "ABCDEFGHIJKLMNOP", "abcdefghijklmnopq",
            " ", "  ", "\t", "\r", ",", ":", "|", "@", "[", "`", "{", "/", "–", "“", "’", "…", "é", "Größe", "naïve",
            "Привет", "中文", "مرحبا", "٣", "४", "０", "😀", "𝐀", "𝟎", "✔", "\u{00A0}", "\u{3000}", "\u{0301}", "\u{0345}",
            "\u{200B}", "ǅ", "Ⅻ", "¾", "²", "\u{0}", "カタカナ", "ภาษาไทย", "人々", "ｶﾀ", "𠀀",
        ]
        for _ in 0..<20_000 {
            var line = ""
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0:
                    let value = UInt32.random(in: 0x80...0x2FFFF, using: &random)
                    line.unicodeScalars.append(Unicode.Scalar(value) ?? "?")
                case 1:
                    line.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &random)))
                default:
                    line += pieces.randomElement(using: &random)!
                }
            }
            #expect(
                LineFolder.fold(line) == Self.referenceFold(line),
                "\(line.unicodeScalars.map { String($0.value, radix: 16) }) \(SeededRandom.replay)")
        }
    }

    @Test func theFoldMatchesItsDefinitionOnRandomBytesAndShortAlphabets() {
        var random = SeededRandom.forTest(0x1F01_E)
        // Few symbols, so that words, numbers and separators of every length meet every eight- and 64-byte
        // boundary; in the last alphabets words run past 64 bytes, and "é" and "中" across them.
        let alphabets = ["aB1 ", "xyZ.", "mayJUNE 7-", "a\u{E9}1 ", "abcdefghijklmnopqrstuvwxyz \u{E9}", "ab\u{4E2D}\u{E9}"]
            .map { Array($0.unicodeScalars) }
        for _ in 0..<10_000 {
            let length = Int.random(in: 0...200, using: &random)
            let line: String
            if Bool.random(using: &random) {
                // Invalid UTF-8 becomes U+FFFD, as it does when a page is decoded.
                line = String(decoding: (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }, as: UTF8.self)
            } else {
                let alphabet = alphabets.randomElement(using: &random)!
                var scalars = String.UnicodeScalarView()
                for _ in 0..<length { scalars.append(alphabet.randomElement(using: &random)!) }
                line = String(scalars)
            }
            #expect(
                LineFolder.fold(line) == Self.referenceFold(line),
                "\(line.unicodeScalars.map { String($0.value, radix: 16) }) \(SeededRandom.replay)")
        }
    }

    /// Words of many blocks, one after another: each ends where its definition says, and a word of
    /// megabytes is read to its end once (its blocks share the end: the fold stays linear).
    @Test func wordsOfManyBlocksMatchTheDefinition() {
        var random = SeededRandom.forTest(0x1F02)
        for _ in 0..<200 {
            var line = ""
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let length = Int.random(in: 60...3000, using: &random)
                line += String(repeating: ["a", "Z", "\u{E9}", "\u{4E2D}"].randomElement(using: &random)!, count: length)
                line += [" ", "7", " 2024 ", "-"].randomElement(using: &random)!
            }
            #expect(LineFolder.fold(line) == Self.referenceFold(line), "\(SeededRandom.replay)")
        }
        let huge = String(repeating: "x", count: 4_000_000)
        #expect(LineFolder.fold(huge) == Self.referenceFold(huge))
    }

    @Test func longWordsAndTheirPrefixesStayApart() {
        let word = "abcdefghijklmnopqrstuvwxyz"
        let keys = (1...word.count).map { key(String(word.prefix($0))) }
        #expect(Set(keys).count == word.count)
        #expect(key("Internationalisation") == key("INTERNATIONALISATION"))
        #expect(key("abcdefgh ijk") != key("abcdefghijk"))
        #expect(key("Größe") != key("Grosse"))
    }

    /// The fold as its doc comment defines it, one scalar at a time, for comparison with the fast one.
    static func referenceFold(_ line: String) -> LineFolder.FoldedLine {
        var lineHash = StableHash(), word: [UInt8] = []
        var kind = 0, lastPlaceholder: UInt64 = 0, tokens = 0, hasLetters = false, unspaced = 0
        func endToken() {
            guard kind != 0 else { return }
            var placeholder: UInt64?
            if kind == 2 {
                placeholder = LineFolder.digitsToken
            } else {
                hasLetters = true
                if LineFolder.dateNameWords.contains(String(decoding: word, as: UTF8.self)) {
                    placeholder = LineFolder.dateNameToken
                }
            }
            if let placeholder {
                if lastPlaceholder != placeholder { lineHash.add(word: placeholder) }
                lastPlaceholder = placeholder
            } else {
                lineHash.add(word: LineFolder.wordHash(of: word))
                lastPlaceholder = 0
            }
            kind = 0
            tokens += 1
        }
        for scalar in line.unicodeScalars {
            let newKind = scalar.properties.isAlphabetic ? 1 : scalar.properties.numericType == .decimal ? 2 : 0
            if newKind != kind {
                endToken()
                kind = newKind
                word = []
            }
            guard newKind == 1 else { continue }
            let bytes = Array(String(scalar).utf8) + [0, 0]
            if WordHasher.role(lead: bytes[0], second: bytes[1], third: bytes[2]) == .word { unspaced += 1 }
            word += scalar.isASCII ? [UInt8(scalar.value) | 0x20] : Array(String(scalar).utf8)
        }
        endToken()
        tokens += unspaced / 2
        guard tokens == 0 else { return .init(key: lineHash.value, tokens: tokens, hasLetters: hasLetters) }
        var symbols = StableHash(seed: LineFolder.symbolSeed)
        var count = 0
        for scalar in line.unicodeScalars where !scalar.properties.isWhitespace {
            for byte in String(scalar).utf8 { symbols.add(byte) }
            count += 1
        }
        return .init(key: symbols.value, tokens: 0, hasLetters: false, isBlank: count == 0)
    }

    @Test func siteKeysComeFromHosts() {
        #expect(SiteKey.host(of: "https://WWW.Example.org:8080/a/b?c#d") == "example.org")
        #expect(SiteKey.host(of: "http://user@docs.example.org/") == "docs.example.org")
        #expect(SiteKey.host(of: "https://[::1]:80/x") == "[::1]")
        #expect(SiteKey.host(of: "example.net/path") == "example.net")
        #expect(SiteKey.host(of: "//cdn.example.net/a.js") == "cdn.example.net")
        #expect(SiteKey.host(of: "localhost:8080/x") == "localhost")
        // Schemes that name no host: their pages are the site of pages without a host.
        for url in ["mailto:ab@c.example", "javascript:alert(5)", "data:text/html,x", "tel:+1555", "urn:isbn:1"] {
            #expect(SiteKey.host(of: url) == "", "\(url)")
        }
        let expected: KeyValuePairs<String, String> = [
            "": "", "www.": "www", "WWW.A.B.": "a.b", "a://b://c/d": "b", "x:y@z:1": "", "https://u@[fe80::1]:8/p": "[fe80::1]",
            "https://[::1": "[::1", "HTTP://User:Pw@Host.Example.:8080?q#f": "host.example", "://": "", "//host/": "host",
            "ftp://a@b@c.example#x": "c.example", "https://Bücher.example/ü": "bücher.example",
            "https://E\u{301}x.example/": "e\u{301}x.example", "http://a.b\r\n/c": "a.b", "javascript:ü": "", "É:x": "é",
            "//Ü.example": "ü.example", "https://WWW.Ünï.example.:8/": "ünï.example",
            // A delimiter with a combining mark after it still ends the host: URLs are cut on their bytes.
            "https://example.com/\u{301}c": "example.com", "https://example.com:\u{301}/x": "example.com",
            "https://ü.example?\u{301}": "ü.example", "https://u\u{301}@ü.example#\u{301}": "ü.example",
            // As a browser reads a URL: spaces around it and tabs or line breaks in it are not part of it,
            // and a backslash ends the host.
            "   ": "", " \t https://Example.com/a \n": "example.com", "http://bs.com\\a": "bs.com",
            "http://a.c\tom/": "a.com", "ht\ntp://x.example/": "x.example",
        ]
        for (url, host) in expected {
            #expect(SiteKey.host(of: url) == host, "\(url)")
        }
    }
}
