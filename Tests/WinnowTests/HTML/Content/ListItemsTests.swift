import Testing

@testable import Winnow

/// `list-items`: an item of a list or table that is not mostly links stays, though the item is.
@Suite struct ListItemsTests {
    static let article = MainContentTests.article

    @Test func anIngredientWhoseNameIsALinkStaysInItsList() {
        let ingredients =
            "<ul><li>125 g flour</li><li>65 g sugar</li><li>2 tins of <a href=\"/g/mandarin\">mandarin oranges</a></li></ul>"
        let text = MainContentTests.mainText("<body><article>\(Self.article)\(ingredients)</article></body>")
        #expect(text.contains("2 tins of mandarin oranges") && text.contains("65 g sugar"), "\(text)")
    }

    @Test func aRowOfATableThatIsNotMostlyLinksStays() {
        let rows = [
            "<tr><td>500 ml</td><td>milk, warmed</td></tr>", "<tr><td>200 g</td><td>sour cream, cold</td></tr>",
            "<tr><td>2</td><td><a href=\"/g/egg\">egg(s)</a></td></tr>",
        ]
        let text = MainContentTests.mainText("<body><article>\(Self.article)<table>\(rows.joined())</table></article></body>")
        #expect(text.contains("egg(s)") && text.contains("sour cream"), "\(text)")
    }

    @Test func aListThatIsMostlyLinksStillGoes() {
        let menu = (1...4).map { "<li><a href=\"/s/\($0)\">Another story from the town, number \($0)</a></li>" }
        let text = MainContentTests.mainText("<body><article>\(Self.article)<ul>\(menu.joined())</ul></article></body>")
        #expect(!text.contains("Another story"), "\(text)")
    }
}
