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
}
