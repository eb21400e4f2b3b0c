import Testing
@testable import Winnow

/// Ruby annotations read as a reader would say the text.
@Suite struct RubyAndMathTests {
    @Test(arguments: [
        ("<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rp>(</rp><rt>じ</rt><rp>)</rp></ruby>を<ruby>読<rt>よ</rt></ruby>む</p>", "漢字を読む"),
        ("<p><ruby>東京<rt>とうきょう</rt></ruby>に<ruby>行<rt>い</rt></ruby>きます。</p>", "東京に行きます。"),
        ("<p><ruby><rb>明日</rb><rt>あした</rt></ruby>は晴れ</p>", "明日は晴れ"),
    ])
    func rubyReadingsAreNotWrittenInline(html: String, expected: String) {
        #expect(TextRendererTests.allText(html) == expected)
    }

    @Test func mainContentKeepsTheBaseTextOfRuby() {
        let sentence = "<ruby>災害<rt>さいがい</rt></ruby>に<ruby>気<rt>き</rt></ruby>をつけてください。"
        let html = "<article><h1>ニュース</h1><p>" + String(repeating: sentence, count: 8) + "</p></article>"
        #expect(MainContentTests.mainText(html).hasSuffix(String(repeating: "災害に気をつけてください。", count: 8)))
    }
}
