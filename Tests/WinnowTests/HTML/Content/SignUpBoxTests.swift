import Testing

@testable import Winnow

/// `sign-up-boxes`: the short box around a form of fields only, inside an article, goes; a form with
/// text of its own, a short page's form and a list item's form stay.
@Suite struct SignUpBoxTests {
    static let long = String(repeating: MainContentTests.article, count: 4)
    static let box =
        "<div class=\"widget\"><h3>Join Our Newsletter</h3><p>Get the freshest updates delivered to your inbox every week!</p>"
        + "<div><form action=\"/subscribe\"><input type=\"email\" name=\"email\"><button>Subscribe</button></form></div></div>"

    @Test func theBoxAroundAFormOfFieldsGoes() {
        let html = "<body><article>\(Self.long)\(Self.box)\(MainContentTests.article)</article></body>"
        let text = MainContentTests.mainText(html)
        #expect(!text.contains("Join Our Newsletter") && !text.contains("freshest updates") && text.contains("from next week."), "\(text)")
        let off = MainContentTests.mainText(html) { $0.disabledRules = ContentRules(.signUpBoxes) }
        #expect(off.contains("Join Our Newsletter"), "\(off)")
    }

    @Test func aShortPagesFormStays() {
        let html = "<body><article>\(MainContentTests.article)\(Self.box)</article></body>"
        #expect(MainContentTests.mainText(html).contains("Join Our Newsletter"))
    }

    @Test func aFormWithTextOfItsOwnStays() {
        let form =
            "<div><h3>Contact</h3><form><p>Tell us what you think and we will answer within a day.</p><input name=\"q\"></form></div>"
        let text = MainContentTests.mainText("<body><article>\(Self.long)\(form)\(MainContentTests.article)</article></body>")
        #expect(text.contains("Contact") && text.contains("within a day."), "\(text)")
    }

    @Test func anItemsFormStays() {
        let items = (1...3).map { "<li><h3>Book \($0)</h3><p>A novel by a writer.</p><form><input name=\"rating\"></form></li>" }
        let text = MainContentTests.mainText("<body><article>\(Self.long)<ul>\(items.joined())</ul></article></body>")
        #expect(text.contains("Book 2") && text.contains("A novel by a writer."), "\(text)")
    }

    @Test func notOnAProductPage() {
        let head = "<head><meta property=\"og:type\" content=\"product\"></head>"
        let html = "<html>\(head)<body><article>\(Self.long)\(Self.box)</article></body></html>"
        #expect(MainContentTests.mainText(html).contains("Join Our Newsletter"))
    }
}
