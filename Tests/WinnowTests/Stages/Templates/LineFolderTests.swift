import Testing
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
    }

    @Test func siteKeysComeFromHosts() {
        #expect(SiteKey.host(of: "https://WWW.Example.org:8080/a/b?c#d") == "example.org")
        #expect(SiteKey.host(of: "http://user@docs.example.org/") == "docs.example.org")
        #expect(SiteKey.host(of: "https://[::1]:80/x") == "[::1]")
        #expect(SiteKey.host(of: "example.net/path") == "example.net")
    }
}
