import Testing

@testable import Winnow

/// `NextMatching` answers as reading the nodes from a place on does: the first that passes, and whether
/// a range (a node's subtree: does it hold included text) holds one.
@Suite struct NextMatchingTests {
    @Test func answersAsReadingOnDoes() {
        let html =
            "<body><article><p>One <a href=\"/a\">link</a></p><h3><h3><h3>Some heading</h3></h3></h3>"
            + "<h2><span> </span><b></b></h2><div><p>Two</p><ul><li>Three</li><li></li></ul></div></article></body>"
        let tree = HTMLParser.parse(Array(html.utf8))
        let nodes = tree.nodes
        let stats = BlockStats(tree, rules: .all)
        let patterns: [(Int) -> Bool] = [{ _ in true }, { _ in false }, { $0 % 2 == 0 }, { $0 % 3 != 1 }, { $0 > nodes.count / 2 }]
        for pattern in patterns {
            let include = nodes.indices.map(pattern)
            let text = NextMatching(includedTextOf: nodes, include: include, stats: stats)
            func passes(_ index: Int) -> Bool { include[index] && nodes[index].tag == .text && stats.chars[index] > 0 }
            for index in nodes.indices {
                let read = (index..<Int(nodes[index].end)).contains(where: passes)
                #expect(text.any(in: index..<Int(nodes[index].end)) == read, "\(index) \(include)")
                #expect(text.first(from: index) == ((index..<nodes.count).first(where: passes) ?? nodes.count), "\(index) \(include)")
            }
            #expect(text.first(from: nodes.count) == nodes.count && !text.any(in: 0..<0))
        }
    }
}
