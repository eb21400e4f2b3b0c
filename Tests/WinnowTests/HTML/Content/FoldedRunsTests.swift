import Testing

@testable import Winnow

/// `FoldedRuns` folds a block's text as `PageTree.foldedText` does, runs shared by nested blocks read once.
@Suite struct FoldedRunsTests {
    static let html =
        "<body><div>  <div> - <span>Anzeige</span>\n  - </div><p>Read  <b>MORE</b>\t</p><div><span>   </span>"
        + "<i>Ça va</i>  bien<span></span></div>   </div><p>\n</p><div>Tail <em>end</em></div></body>"

    @Test func foldsAsTheTreeDoes() {
        let tree = HTMLParser.parse(Array(Self.html.utf8))
        var runs = FoldedRuns()
        for index in tree.nodes.indices.reversed() {
            #expect(runs.foldedText(of: index, tree: tree) { _ in true } == tree.foldedText(of: index), "\(index)")
            let odd: (Int) -> Bool = { $0 % 2 == 1 }
            #expect(runs.foldedText(of: index, tree: tree, included: odd) == tree.foldedText(of: index, included: odd), "\(index)")
        }
    }

    @Test func aLimitStopsInsideARunWithThePrefixOfTheWholeText() {
        let tree = HTMLParser.parse(Array("<h2>Related articles about the town and its council, and more</h2>".utf8))
        let whole = tree.foldedText(of: 0)
        for limit in [1, 8, 20, whole.count, whole.count + 5] {
            let cut = tree.foldedText(of: 0, limit: limit)
            #expect(whole.starts(with: cut) && cut.count == min(limit, whole.count), "\(limit)")
        }
    }

    /// With a limit, an element's first `limit * nodesPerByte` nodes are read, no more: text past
    /// hundreds of empty nested elements is not an element's opening words, and each of 400,000 nested
    /// headings reading all the deeper ones made the page quadratic.
    @Test func aLimitedReadStopsAfterItsNodes() {
        let depth = 60 * PageTree.nodesPerByte
        let deep = String(repeating: "<span>", count: depth) + "Customers also bought"
        let tree = HTMLParser.parse(Array(("<h2>" + deep + "</h2>").utf8))
        let heading = tree.nodes.indices.first { tree.nodes[$0].tag == .h2 }!
        #expect(tree.foldedText(of: heading, limit: 60).isEmpty)
        #expect(tree.foldedText(of: heading) == Array("customers also bought".utf8))
        let shallow = HTMLParser.parse(Array("<h2><span><b>Customers</b> also bought</span></h2>".utf8))
        let index = shallow.nodes.indices.first { shallow.nodes[$0].tag == .h2 }!
        #expect(shallow.foldedText(of: index, limit: 60) == Array("customers also bought".utf8))
    }
}
