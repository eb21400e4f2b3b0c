import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct ReportEscapingTests {
    @Test func textAndAttributesAreEscaped() {
        #expect(
            HTMLEscape.text(#"<script>alert("x")</script> & 'y'"#)
                == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
        #expect(HTMLEscape.text("plain café") == "plain café")
    }

    /// JSON in a script element can hold no `<`, `>` or `&`, and still decodes to the same strings.
    @Test func scriptJSONCannotCloseTheScript() throws {
        let hostile = "</script><script>alert(1)</script><!-- \u{2028} & </textarea>"
        let json = try JSONEncoder().encode(["text": hostile])
        let embedded = HTMLEscape.scriptJSON(Array(json))
        #expect(!embedded.contains("<") && !embedded.contains(">") && !embedded.contains("&"))
        #expect(!embedded.unicodeScalars.contains("\u{2028}"))
        let decoded = try JSONSerialization.jsonObject(with: Data(embedded.utf8)) as? [String: String]
        #expect(decoded?["text"] == hostile)
    }

    @Test func csvCellsAreQuotedAndFormulasDisarmed() {
        #expect(ClustersCSV.cell("plain") == "plain")
        #expect(ClustersCSV.cell("a,b") == "\"a,b\"")
        #expect(ClustersCSV.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ClustersCSV.cell("line\r\nbreak") == "\"line\r\nbreak\"")
        #expect(ClustersCSV.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(ClustersCSV.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(ClustersCSV.cell("-0.5") == "-0.5")
        #expect(ClustersCSV.cell("+3") == "+3")
        #expect(ClustersCSV.cell("-1.5e-3") == "-1.5e-3")
        // What `Double` reads but a spreadsheet takes for a formula or a name is disarmed too.
        for value in ["-inf", "+nan(cmd)", "-0x1p3", "-infinity", "+.", "-1e", "-1.2.3", "-"] {
            #expect(ClustersCSV.cell(value) == "'" + value, "\(value)")
        }
    }

    @Test func longTextsAreCutAtALineEnd() {
        let text = String(repeating: "a line of text\n", count: 200)
        let cut = ReportBuilder.cut(text, maxBytes: 1000)
        #expect(cut.hasSuffix("[… cut at 1000 bytes]"))
        #expect(cut.utf8.count < 1100)
        #expect(cut.hasPrefix("a line of text\n"))
        let accents = String(repeating: "é", count: 2000)
        #expect(ReportBuilder.cut(accents, maxBytes: 1001).hasPrefix(String(repeating: "é", count: 500) + "\n["))
    }
}
