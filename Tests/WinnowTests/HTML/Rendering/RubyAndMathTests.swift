import Testing
import WinnowTestSupport

@testable import Winnow

/// Ruby annotations and MathML formulas read as a reader would say the text.
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

    @Test(arguments: [
        // The alternative text, the tokens silent.
        (
            "<p>Energy is <math alttext=\"E = mc^2\"><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math> here.</p>",
            "Energy is E = mc^2 here."
        ),
        // No alternative text: the tokens' text; the TeX annotation left out.
        (
            "<p>So <math><semantics><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow><annotation encoding=\"application/x-tex\">x+1</annotation></semantics></math> grows.</p>",
            "So x+1 grows."
        ),
        (
            "<p>Sum <math><mrow><mi>a</mi><mo>&#x2062;</mo><mi>b</mi></mrow><annotation-xml encoding=\"MathML-Content\"><apply><times/><ci>a</ci><ci>b</ci></apply></annotation-xml></math>.</p>",
            "Sum ab."
        ),
        // Blank alternative text falls back to the tokens; a hidden formula stays hidden.
        ("<p>Let <math alttext=\" \"><mi>y</mi></math> be.</p>", "Let y be."),
        ("<p>Shown</p><div style=\"display:none\"><math alttext=\"z\"><mi>z</mi></math></div>", "Shown"),
    ])
    func formulasReadAsText(html: String, expected: String) {
        #expect(TextRendererTests.allText(html) == expected)
    }
}
