import Testing

@testable import Winnow

/// `admonitions`: a box named as an admonition (docutils', MkDocs') stays in the text it sits in even
/// when its text is mostly links, and so do its paragraphs of one link; an unnamed box of them does not.
@Suite struct AdmonitionTests {
    static let seeAlso =
        "<p>See also</p><p>The <a href=\"/echo-client\">TCP echo client protocol</a> example uses the "
        + "<a href=\"/create-connection\">loop.create_connection()</a> method.</p>"

    static func keeps(_ box: String) -> Bool {
        MainContentTests.mainText("<body><article>\(ContentRuleTests.article)\(box)</article></body>")
            .contains("TCP echo client protocol")
    }

    @Test func anAdmonitionOfLinksIsKept() {
        #expect(Self.keeps("<div class=\"admonition seealso\">\(Self.seeAlso)</div>"))
        #expect(Self.keeps("<div class=\"admonition note\"><p class=\"admonition-title\">Note</p>\(Self.seeAlso)</div>"))
    }

    @Test func aParagraphOfOneLinkInAnAdmonitionIsKept() {
        let reference = "<p><a href=\"/pep-0370\">TCP echo client protocol: PEP 370, the per-user site-packages directory</a></p>"
        #expect(Self.keeps("<div class=\"admonition seealso\"><p class=\"admonition-title\">See also</p>\(reference)</div>"))
        #expect(!Self.keeps("<div>\(reference)</div>"))
    }

    @Test func anUnnamedBoxOfTheSameLinksIsAMenu() {
        #expect(!Self.keeps("<div>\(Self.seeAlso)</div>"))
    }

    /// A paragraph of one link deep inside an admonition's boxes stays; deep inside plain boxes it goes.
    @Test func aParagraphOfOneLinkDeepInsideAnAdmonitionIsKept() {
        let open = String(repeating: "<div>", count: 40)
        let close = String(repeating: "</div>", count: 40)
        let prose =
            "<p>The module reads its settings from the user directory first, then from the site directory, and "
            + "then from the environment, in that order.</p>"
        func reference(_ name: String) -> String {
            "<p><a href=\"/pep-0370\">\(name) client protocol: PEP 370, the per-user directory</a></p>"
        }
        let html =
            "<body><article>\(ContentRuleTests.article)<div class=\"admonition seealso\">\(open)\(prose)\(reference("TCP echo"))\(close)</div>"
            + "\(open)\(prose)\(reference("UDP echo"))\(close)</article></body>"
        let text = MainContentTests.mainText(html)
        #expect(text.contains("TCP echo client protocol") && !text.contains("UDP echo"), "\(text)")
    }
}
