import Testing

@testable import Winnow

/// `SubtreeText` answers as reading a node's subtree for an included text run with characters does.
@Suite struct SubtreeTextTests {
    @Test func answersAsTheSubtreeReadDoes() {
        let html =
            "<body><article><p>One <a href=\"/a\">link</a></p><h3><h3><h3>Some heading</h3></h3></h3>"
            + "<h2><span> </span><b></b></h2><div><p>Two</p><ul><li>Three</li><li></li></ul></div></article></body>"
        let tree = HTMLParser.parse(Array(html.utf8))
        let nodes = tree.nodes
        let stats = BlockStats(tree, rules: .all)
        let patterns: [(Int) -> Bool] = [{ _ in true }, { _ in false }, { $0 % 2 == 0 }, { $0 % 3 != 1 }, { $0 > nodes.count / 2 }]
        for pattern in patterns {
            let include = nodes.indices.map(pattern)
            let text = SubtreeText(include: include, nodes: nodes, stats: stats)
            for index in nodes.indices {
                let read = (index..<Int(nodes[index].end)).contains { include[$0] && nodes[$0].tag == .text && stats.chars[$0] > 0 }
                #expect(text.holdsText(index, nodes: nodes) == read, "\(index) \(include)")
            }
        }
    }
}
