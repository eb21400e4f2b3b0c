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

    static let form = "<form action=\"/subscribe\"><input type=\"email\" name=\"email\"><button>Subscribe</button></form>"

    static func text(_ box: String) -> String {
        MainContentTests.mainText("<body><article>\(Self.long)\(box)\(MainContentTests.article)</article></body>")
    }

    @Test func theBoxIsTheHighestShortElementAroundTheForm() {
        let nested =
            "<div class=\"w\"><h3>Join Our Newsletter</h3><div><p>Get the freshest updates</p><div><div>\(Self.form)</div>"
            + "<p>every week, free.</p></div></div></div>"
        let text = Self.text(nested)
        for line in ["Join Our", "freshest", "every week, free"] { #expect(!text.contains(line), "\(line) in \(text)") }
        let twoForms = "<div><h3>Join Our Newsletter</h3><div>\(Self.form)</div><p>Or by post.</p><div>\(Self.form)</div></div>"
        let both = Self.text(twoForms)
        #expect(!both.contains("Join Our") && !both.contains("Or by post") && both.contains("from next week."), "\(both)")
    }

    @Test func theBoxStopsBelowAnElementOfMoreText() {
        let aside = String(repeating: "A long aside about other things, ", count: 12)
        let text = Self.text("<div><p>\(aside)</p><div><h3>Join Our Newsletter</h3><div>\(Self.form)</div></div></div>")
        #expect(text.contains("A long aside") && !text.contains("Join Our"), "\(text)")
    }

    @Test func aTableCellsFormStays() {
        let text = Self.text("<table><tr><td><div><h3>Rate this</h3>\(Self.form)</div></td></tr></table>")
        #expect(text.contains("Rate this"), "\(text)")
    }
}
